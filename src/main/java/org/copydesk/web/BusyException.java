package org.copydesk.web;

/** The site cannot take this request now (too many alike at once): 503 with the message, to try again shortly. */
public class BusyException extends RuntimeException {

    public BusyException(String message) {
        super(message);
    }
}
