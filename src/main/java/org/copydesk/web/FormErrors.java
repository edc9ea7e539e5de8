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
