package org.copydesk.media;

/** An upload that is not an image we take; the message says why, for the person who chose the file. */
public class ImageRejectedException extends RuntimeException {

    public ImageRejectedException(String message) {
        super(message);
    }
}
