package org.copydesk.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Field name → message for a form that came back. Kept in field order so the error summary at the
 * top of the page lists problems in the order the fields appear.
 */
public class FormErrors {

    private final Map<String, String> messages = new LinkedHashMap<>();

    public FormErrors add(String field, String message) {
        messages.putIfAbsent(field, message);
        return this;
    }

    /** Refuses text holding a character that cannot be stored ({@link Text#hasControlCharacters}). */
    public FormErrors storable(String field, String value) {
        if (Text.hasControlCharacters(value)) {
            add(field, Text.CONTROL_CHARACTERS_MESSAGE);
        }
        return this;
    }

    /** A one-line field (a name, a headline): storable, and without line breaks. */
    public FormErrors singleLine(String field, String label, String value) {
        if (Text.hasControlCharacters(value)) {
            add(field, Text.CONTROL_CHARACTERS_MESSAGE);
        } else if (value != null && (value.contains("\n") || value.contains("\r"))) {
            add(field, label + " must be a single line of text");
        }
        return this;
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String get(String field) {
        return messages.get(field);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public boolean any() {
        return !messages.isEmpty();
    }

    public Map<String, String> all() {
        return messages;
    }

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(String field, String message) {
        return new FormErrors().add(field, message);
    }
}
