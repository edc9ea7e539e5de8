package org.copydesk.distribution;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of a list ends: the last story's time and id (the list's order), opaque to clients. A cursor, not a
 * page number: stories published while a client walks the list do not shift what the next page holds.
 */
public record ApiCursor(Instant at, long id) {

    public String encoded() {
        String plain = at.getEpochSecond() + "." + at.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent back, or an {@link IllegalArgumentException} saying it is not one of ours. */
    public static ApiCursor decoded(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            return new ApiCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The cursor is not one this API gave: take the \"next\" address of a page as it is.");
        }
    }
}
