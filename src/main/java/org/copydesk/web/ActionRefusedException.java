package org.copydesk.web;

/** An action this person may not take here; answered with 403 and the message, which says why. */
public class ActionRefusedException extends RuntimeException {

    public ActionRefusedException(String message) {
        super(message);
    }
}
