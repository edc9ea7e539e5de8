package org.copydesk.story;

import org.copydesk.people.StaffAccount;

/**
 * A story moved on the desk without changing what readers see (submitted, sent back, scheduled, schedule
 * cancelled); the audit log records it. The moves readers see are announced through publishing.Publication.
 */
public record StoryMoved(StoryAction action, StaffAccount by, Story story, StoryState from, StoryState to, String comment) {
}
