package org.copydesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** Forms that carry a file (the story form, with its image): their text fields and their file. */
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

    /** The bytes of an uploaded file, at most {@code limit + 1} of them; null when no file was chosen. */
    public static byte[] read(org.jboss.resteasy.reactive.multipart.FileUpload file, int limit) {
        if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isEmpty()) {
            return null;
        }
        try (InputStream in = java.nio.file.Files.newInputStream(file.uploadedFile())) {
            return in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The chosen file's bytes, at most {@code limit + 1} of them (so the caller can tell "too large"
     * without reading it all), or null when no file was chosen.
     */
    public static byte[] file(MultipartFormDataInput input, String name, int limit) {
        Collection<FormValue> values = input.getValues().get(name);
        if (values == null) {
            return null;
        }
        for (FormValue value : values) {
            if (value.isFileItem() && value.getFileName() != null && !value.getFileName().isEmpty()) {
                try (InputStream in = value.getFileItem().getInputStream()) {
                    return in.readNBytes(limit + 1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return null;
    }
}
