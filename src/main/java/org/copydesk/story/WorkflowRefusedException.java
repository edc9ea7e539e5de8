package org.copydesk.story;

import java.util.Optional;

/**
 * A move the workflow does not allow for this person and this story; the message says why. Thrown only where a
 * refusal of {@link StoryWorkflow} becomes an HTTP answer (the 403 page, web.ErrorPages), or rolls back the
 * transaction that would have made the move.
 */
public class WorkflowRefusedException extends org.copydesk.web.ActionRefusedException {

    public WorkflowRefusedException(String message) {
        super(message);
    }

    /** Refuses with the workflow's reason, if it gave one. */
    public static void unless(Optional<String> refusal) {
        if (refusal.isPresent()) {
            throw new WorkflowRefusedException(refusal.get());
        }
    }
}
