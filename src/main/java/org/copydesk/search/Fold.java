package org.copydesk.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * A word folded as V27's search configurations fold it before stemming: PostgreSQL's unaccent (accents off Latin and
 * Greek letters, ı to i, İ to I, ß to ss, æ to ae...), then lower case. So that a snippet ({@link Snippet}) stems a
 * story's words as the index did, and marks "élections" for "elections". An approximation of unaccent's rules file
 * for the letters newsrooms write: where they differ, a word goes unmarked in a snippet, and nothing else.
 */
final class Fold {

    /** Letters unaccent turns into other letters than their decomposition's base. */
    private static final Map<Character, String> OWN_WAY = Map.ofEntries(Map.entry('ı', "i"), Map.entry('ß', "ss"),
            Map.entry('ẞ', "SS"), Map.entry('æ', "ae"), Map.entry('Æ', "AE"), Map.entry('œ', "oe"), Map.entry('Œ', "OE"),
            Map.entry('ø', "o"), Map.entry('Ø', "O"), Map.entry('ł', "l"), Map.entry('Ł', "L"), Map.entry('đ', "d"),
            Map.entry('Đ', "D"), Map.entry('ð', "d"), Map.entry('Ð', "D"), Map.entry('þ', "th"), Map.entry('Þ', "TH"),
            Map.entry('ħ', "h"), Map.entry('Ħ', "H"), Map.entry('ŧ', "t"), Map.entry('Ŧ', "T"), Map.entry('ŀ', "l"),
            Map.entry('Ŀ', "L"), Map.entry('ĳ', "ij"), Map.entry('Ĳ', "IJ"));

    private Fold() {
    }

    /** The word unaccented, in lower case. */
    static String word(String word) {
        boolean ascii = true;
        for (int i = 0; i < word.length() && ascii; i++) {
            ascii = word.charAt(i) < 128;
        }
        if (ascii) {
            return word.toLowerCase(Locale.ROOT);
        }
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            appendFolded(folded, word.charAt(i));
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    /** The first letter of a character folded, in lower case (a word's first two tell which words may match). */
    static char first(char c) {
        return FIRST[c];
    }

    /** Every UTF-16 unit's first folded letter (128 kB, made once): looked up for the first letters of every word. */
    private static final char[] FIRST = new char[Character.MAX_VALUE + 1];

    static {
        StringBuilder one = new StringBuilder(4);
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (c < 128 || Character.isSurrogate((char) c) || !Character.isLetter(c)) {
                FIRST[c] = Character.toLowerCase((char) c);
                continue;
            }
            one.setLength(0);
            appendFolded(one, (char) c);
            String lower = one.toString().toLowerCase(Locale.ROOT);
            FIRST[c] = lower.isEmpty() ? (char) c : lower.charAt(0);
        }
    }

    private static void appendFolded(StringBuilder folded, char c) {
        String own = OWN_WAY.get(c);
        if (own != null) {
            folded.append(own);
            return;
        }
        if (c < 0xC0 || c == 'й' || c == 'Й') { // unaccent keeps the Russian short i
            folded.append(c);
            return;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char part = decomposed.charAt(i);
            if (part < 0x300 || part > 0x36F) { // the combining accents of Latin, Greek and Cyrillic letters go
                kept.append(part);
            }
        }
        // Nothing taken off (Arabic ئ is ي and a hamza, which unaccent keeps): the letter as it was, composed.
        folded.append(kept.length() == decomposed.length() ? String.valueOf(c) : Normalizer.normalize(kept, Normalizer.Form.NFC));
    }
}
