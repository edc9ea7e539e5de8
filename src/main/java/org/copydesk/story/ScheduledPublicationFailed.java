package org.copydesk.story;

import java.time.Instant;

/**
 * A Scheduled story could not be published when its time came ({@link StoryService#publishDue}); fired in the
 * transaction that moved it where the workflow puts it then ({@link StoryWorkflow#whenScheduledPublicationFails}),
 * so the editors can be told.
 *
 * @param story the story, moved already
 * @param dueAt the time it was scheduled for
 */
public record ScheduledPublicationFailed(Story story, Instant dueAt) {
}
