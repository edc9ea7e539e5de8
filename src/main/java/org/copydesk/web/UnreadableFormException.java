package org.copydesk.web;

/**
 * A form body that cannot be read as the text it claims to be (a broken %-escape, bytes that are not
 * UTF-8, a multipart body without its boundary or cut off before its end): refused with a 400 page before
 * any field of it is used, so nothing is stored with U+FFFD in place of what was sent. The message is for
 * the log; it names the problem, never the form's contents.
 */
public class UnreadableFormException extends RuntimeException {

    public UnreadableFormException(String problem) {
        super(problem, null, false, false);
    }
}
