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

    /** True when the text holds a control character other than tab and line breaks. */
    public static boolean hasControlCharacters(String value) {
        if (value == null) {
            return false;
        }
        return value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }
}
