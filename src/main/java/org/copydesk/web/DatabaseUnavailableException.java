package org.copydesk.web;

/**
 * The database did not answer where there is no form of ours around the request yet (signing the request in):
 * {@link ErrorPages} reads what was sent itself and gives it back on a 503 page.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(Throwable cause) {
        super("The database did not answer", cause);
    }
}
