package org.copydesk.media;

/**
 * An upload that is not stored; the message says why, for the person who chose the file. Most are the
 * file's fault (400); {@link ImagesBusyException} is the server's, for now (503, to try again).
 */
public class ImageRejectedException extends RuntimeException {

    public ImageRejectedException(String message) {
        super(message);
    }

    /** The HTTP status to answer with. */
    public int status() {
        return 400;
    }

    /** Seconds after which sending it again may succeed (a Retry-After header), or 0 when it would not help. */
    public int retryAfterSeconds() {
        return 0;
    }
}
