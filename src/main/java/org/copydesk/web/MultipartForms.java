package org.copydesk.web;

import java.util.Collection;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** Forms that carry a file (the story form, with its image): their text fields (the file: media.ImageUpload). */
public final class MultipartForms {

    private MultipartForms() {
    }

    /** The text fields, as the same form sent without a file would give them. */
    public static MultivaluedMap<String, String> textFields(MultipartFormDataInput input) {
        MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
        for (Map.Entry<String, Collection<FormValue>> entry : input.getValues().entrySet()) {
            for (FormValue value : entry.getValue()) {
                if (!value.isFileItem()) {
                    fields.add(entry.getKey(), value.getValue());
                }
            }
        }
        return fields;
    }
}
