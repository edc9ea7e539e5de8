package org.copydesk.live;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The entry form as typed, so that it comes back intact when something is wrong: Entry (rich text, or paragraphs
 * separated by a blank line), Key event, the byline (an author profile's id; empty for none), the image (the key
 * of one uploaded with the form, kept across a mistake elsewhere) with its words, and for a correction what readers
 * are told of it.
 */
public record EntryForm(String entry, boolean keyEvent, Long authorId, String imageKey, String imageAlt,
                        String imageCaption, String imageCredit, boolean imageRemove, String correction) {

    /** The fields in the order the page shows them: the error summary lists problems in this order. */
    public static final java.util.List<String> FIELDS_ON_PAGE = java.util.List.of("entry", "author", "imageFile", "imageAlt",
            "imageCaption", "imageCredit", "correction");

    public static EntryForm blank(Long authorId) {
        return new EntryForm("", false, authorId, "", "", "", "", false, "");
    }

    public static EntryForm of(LiveEntry entry) {
        return new EntryForm(org.copydesk.story.BodyHtml.toEditable(entry.body), entry.keyEvent,
                entry.author == null ? null : entry.author.id, entry.image == null ? "" : entry.image.publicKey,
                orEmpty(entry.imageAlt), orEmpty(entry.imageCaption), orEmpty(entry.imageCredit), false, "");
    }

    public static EntryForm fromPost(MultivaluedMap<String, String> in) {
        String author = first(in, "author");
        Long authorId = null;
        try {
            authorId = author.isBlank() ? null : Long.parseLong(author.strip());
        } catch (NumberFormatException e) {
            // no such profile: posted without a byline, as "No byline" would be
        }
        return new EntryForm(first(in, "entry"), !first(in, "keyEvent").isBlank(), authorId, first(in, "imageKey"),
                first(in, "imageAlt"), first(in, "imageCaption"), first(in, "imageCredit"), !first(in, "imageRemove").isBlank(),
                first(in, "correction"));
    }

    /** The same form with an image just uploaded. */
    public EntryForm withImage(String key) {
        return new EntryForm(entry, keyEvent, authorId, key, imageAlt, imageCaption, imageCredit, false, correction);
    }

    public boolean hasImage() {
        return imageKey != null && !imageKey.isBlank() && !imageRemove;
    }

    private static String first(MultivaluedMap<String, String> in, String name) {
        String value = in.getFirst(name);
        return value == null ? "" : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
