package org.copydesk.story;

/**
 * A message was added to the staff's thread on a story; fired in the transaction that saves it, so those who tell
 * the story's writers about it (notifications, from above) write with it or not at all.
 */
public record StoryCommented(StoryComment comment) {
}
