package org.copydesk.story;

import org.copydesk.people.StaffAccount;

/** A story's content saved from the form (a new story, an edit, a pending update); revision.Revisions keeps it. */
public record StoryEdited(Story story, StaffAccount by) {
}
