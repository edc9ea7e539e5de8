package org.copydesk.testing;

import java.io.InputStream;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** IPTC's ninjs 2.0 JSON Schema (src/test/resources/ninjs), and what it finds wrong with a document. */
public final class NinjsSchema {

    private static final Schema SCHEMA = load();

    private NinjsSchema() {
    }

    /** The schema's complaints about {@code json}, one line each; empty when the document is valid ninjs 2.0. */
    public static List<String> errors(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    private static Schema load() {
        try (InputStream schema = NinjsSchema.class.getResourceAsStream("/ninjs/ninjs-schema_2.0.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema, InputFormat.JSON);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
