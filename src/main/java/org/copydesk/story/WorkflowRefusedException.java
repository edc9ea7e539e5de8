package org.copydesk.story;

/** A move the workflow does not allow for this person and this story; the message says why. */
public class WorkflowRefusedException extends org.copydesk.web.ActionRefusedException {

    public WorkflowRefusedException(String message) {
        super(message);
    }
}
