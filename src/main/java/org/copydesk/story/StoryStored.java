package org.copydesk.story;

/** A story's row as it now stands after a save or a move, for what is derived from it (search.StorySearch's vectors). */
public record StoryStored(Story story) {
}
