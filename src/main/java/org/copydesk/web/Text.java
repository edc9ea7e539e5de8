package org.copydesk.web;

/** Small helpers for text typed into forms. */
public final class Text {

    private Text() {
    }

    /** Trimmed text, or null when nothing but white space was typed. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Length in Unicode code points, as a reader counts characters (an emoji is one). */
    public static int length(String value) {
        return value == null ? 0 : value.codePointCount(0, value.length());
    }

    public static final String CONTROL_CHARACTERS_MESSAGE =
            "Remove the invisible control character (often pasted from another program): it cannot be stored";

    /**
     * True when the text holds a character no field may store: a control character other than tab and line
     * breaks (C0, DEL, C1), U+FFFE or U+FFFF, or half of a surrogate pair. None is anything a reader sees,
     * PostgreSQL refuses NUL, and XML (the feeds) forbids the C0 ones, U+FFFE, U+FFFF and lone surrogates.
     * The one rule for typed text: {@link FormErrors#storable} and {@link FormErrors#singleLine} apply it, and the
     * Bean Validation constraints {@link Storable} and {@link SingleLine} on form records.
     */
    public static boolean hasControlCharacters(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if ((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                    || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Typed text as it is matched by a SQL {@code LIKE} (lower-cased; its own {@code %}, {@code _} and backslash
     * taken literally), for {@code lower(column) like ?}: put {@code %} around or after it for contains or starts.
     */
    public static String likeLiteral(String typed) {
        return typed.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
