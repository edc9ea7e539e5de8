package org.copydesk.web;

/** A service refused input; the resource shows the form again with these messages beside the fields. */
public class FormInvalidException extends RuntimeException {

    private final FormErrors errors;

    public FormInvalidException(FormErrors errors) {
        super(String.join("; ", errors.all().values()));
        this.errors = errors;
    }

    public FormInvalidException(String field, String message) {
        this(FormErrors.of(field, message));
    }

    public FormErrors errors() {
        return errors;
    }
}
