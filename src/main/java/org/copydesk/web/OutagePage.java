package org.copydesk.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page answered while the database is away. Rendering the form a request came from needs the database
 * (sections, authors, who is signed in), so this page needs nothing of it: the fields as they were sent, the
 * typed ones in boxes to read and copy, the rest hidden, in a form that posts them all back to the same
 * address once the database is back ("Try saving again"). Passwords are never sent back.
 */
public record OutagePage(String action, List<Field> fields, boolean fileLost) {

    /** A field as it was sent; {@code label} null for the ones the form kept hidden (ids, versions, tokens). */
    public record Field(String name, String value, String label) {
        public boolean shown() {
            return label != null;
        }

        public int rows() {
            long lines = value.lines().count();
            return (int) Math.max(2, Math.min(20, Math.max(lines + 1, value.length() / 80 + 1)));
        }
    }

    /** The labels of the fields people type, as the forms show them. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("kicker", "Kicker"), Map.entry("headline", "Headline"), Map.entry("standfirst", "Standfirst"),
            Map.entry("body", "Body"), Map.entry("datelinePlace", "Dateline"), Map.entry("datelineDate", "Dateline date"),
            Map.entry("tags", "Tags"), Map.entry("slug", "Slug"), Map.entry("imageAlt", "Alt text"),
            Map.entry("imageCaption", "Caption"), Map.entry("imageCredit", "Credit"), Map.entry("creditLine", "Credit line"),
            Map.entry("notesToEditor", "Notes to editor"), Map.entry("comment", "Comment"),
            Map.entry("publishAt", "Publish at"), Map.entry("wireCopy", "Wire copy"), Map.entry("correction", "Correction"),
            Map.entry("reason", "Reason"), Map.entry("staffComment", "Comment"), Map.entry("name", "Name"),
            Map.entry("bio", "Biography"), Map.entry("displayName", "Display name"), Map.entry("description", "Description"),
            Map.entry("siteName", "Site name"), Map.entry("languages", "Languages"), Map.entry("newAuthorName", "New author profile"),
            Map.entry("bylineRole", "Byline role line"), Map.entry("relatedQuery", "Related stories search"));

    /** Staff forms are given back; a sign-in (whose password is never echoed) only gets the message. */
    public static boolean keepsTypedForm(String method, String path, String contentType) {
        if (!"POST".equals(method) || path == null || !DeskPaths.isInDesk(path) || contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }

    public static OutagePage of(String action, List<Map.Entry<String, String>> sent, boolean fileLost) {
        List<Field> fields = sent.stream()
                .filter(f -> !f.getKey().toLowerCase(Locale.ROOT).contains("password"))
                .map(f -> new Field(f.getKey(), f.getValue(), LABELS.get(f.getKey())))
                .toList();
        return new OutagePage(action, fields, fileLost);
    }

    public boolean anyShown() {
        return fields.stream().anyMatch(Field::shown);
    }
}
