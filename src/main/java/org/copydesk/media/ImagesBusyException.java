package org.copydesk.media;

/** The image could not be read just now (too many being read at once): nothing is wrong with the file. */
public class ImagesBusyException extends ImageRejectedException {

    static final int RETRY_AFTER_SECONDS = 10;

    public ImagesBusyException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public int retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
