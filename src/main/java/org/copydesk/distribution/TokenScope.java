package org.copydesk.distribution;

import java.util.Arrays;
import java.util.Optional;

/** What an integration token may do beyond reading published stories (which needs no token at all). */
public enum TokenScope {
    /** Read stories not published: drafts, stories in review, scheduled ones. */
    READ_DRAFTS("drafts:read", "Read drafts"),
    /** Create drafts and change the drafts it created; never publish. */
    WRITE_DRAFTS("drafts:write", "Write drafts");

    private final String code;
    private final String label;

    TokenScope(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** As the API and the database write it. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<TokenScope> ofCode(String code) {
        return Arrays.stream(values()).filter(scope -> scope.code.equals(code)).findFirst();
    }
}
