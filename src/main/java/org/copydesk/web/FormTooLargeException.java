package org.copydesk.web;

/**
 * A form that grew past its limit while it was read: one sent in chunks, without a stated length, which
 * {@link OversizedUploads} could not weigh before it came ({@link ReadableForms} counts its bytes). Answered with the
 * same 413 page as a form refused by its length.
 */
public class FormTooLargeException extends RuntimeException {

    private final long limit;
    private final boolean importing;

    FormTooLargeException(long limit, boolean importing) {
        super("a form over " + limit + " bytes", null, false, false);
        this.limit = limit;
        this.importing = importing;
    }

    long limit() {
        return limit;
    }

    boolean importing() {
        return importing;
    }
}
