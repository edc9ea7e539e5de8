package org.copydesk.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * URL slugs: lower-case ASCII words joined by hyphens, made from any Unicode text. Text in another script than
 * Latin is first written in Latin letters (ICU's transliterators: Cyrillic, Greek, Arabic, Hebrew, CJK and the
 * rest), so "Москва" gives "moskva" and "Ελλάδα" "ellada". Chosen over slugs of Unicode letters because an
 * address in ASCII reads the same everywhere it travels (logs, mail, chat, the feeds of aggregators) instead of
 * as percent-escapes, and one alphabet keeps the newsroom's addresses typeable and comparable.
 */
public final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NOT_LATIN = Pattern.compile("[\\p{L}&&[^\\p{IsLatin}]]");

    /** Made on first need only: the transliterators' tables are large, and most slugs are Latin already. */
    private static final class ToLatin {
        static final com.ibm.icu.text.Transliterator ANY_LATIN = com.ibm.icu.text.Transliterator.getInstance("Any-Latin");
    }

    private Slugs() {
    }

    /** "Mali denies hiring…" → "mali-denies-hiring"; "Hüseyin Demir" → "huseyin-demir". */
    public static String of(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String latin = NOT_LATIN.matcher(text).find() ? toLatin(text) : text;
        String ascii = MARKS.matcher(Normalizer.normalize(latin.replace("ß", "ss").replace("ı", "i"), Normalizer.Form.NFKD))
                .replaceAll("");
        String slug = NOT_WORD.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > maxLength) {
            slug = slug.substring(0, maxLength);
            int lastHyphen = slug.lastIndexOf('-');
            if (lastHyphen > maxLength / 2) {
                slug = slug.substring(0, lastHyphen);
            }
            slug = trimHyphens(slug);
        }
        return slug;
    }

    /** The slug itself if free, otherwise the first of slug-2, slug-3, ... that is. */
    public static String unique(String slug, int maxLength, Predicate<String> taken) {
        String base = slug.isEmpty() ? "item" : slug;
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String stem = base.length() + suffix.length() > maxLength ? base.substring(0, maxLength - suffix.length()) : base;
            String candidate = trimHyphens(stem) + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * Lower-case letters and digits in words joined by single hyphens. Checked by hand: the regex
     * {@code [a-z0-9]+(-[a-z0-9]+)*} recursed once per word, and a typed slug of a thousand words overflowed
     * the thread stack before its length was checked.
     */
    public static boolean isValid(String slug) {
        if (slug == null || slug.isEmpty()) {
            return false;
        }
        char previous = '-';
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            boolean wordCharacter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!wordCharacter && (c != '-' || previous == '-')) {
                return false;
            }
            previous = c;
        }
        return previous != '-';
    }

    /** ICU's transliterators share state while they work: one slug at a time (slugs are made on saves, not reads). */
    private static synchronized String toLatin(String text) {
        return ToLatin.ANY_LATIN.transliterate(text);
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
