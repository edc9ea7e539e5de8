package org.copydesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * What this request's form held, kept by a resource before it does anything that needs the database, so
 * that if the database goes away meanwhile the 503 page can give it all back ({@link OutagePage}).
 */
@RequestScoped
public class TypedForm {

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();
    private boolean fileChosen;

    /** The form's text fields (a file that came with it is forgotten: it was stored, or will be said to be lost). */
    public void keep(MultivaluedMap<String, String> form) {
        fields.clear();
        fileChosen = false;
        form.forEach((name, values) -> values.forEach(value -> fields.add(Map.entry(name, value))));
    }

    /** A file came with the form and is not stored yet: should the database go away, the page says to choose it again. */
    public void fileChosen() {
        fileChosen = true;
    }

    List<Map.Entry<String, String>> fields() {
        return fields;
    }

    boolean hasFileChosen() {
        return fileChosen;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }
}
