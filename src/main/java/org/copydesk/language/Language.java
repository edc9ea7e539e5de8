package org.copydesk.language;

import java.util.Locale;
import java.util.Map;

import com.ibm.icu.util.ULocale;

/**
 * A language a story or a page is written in: its BCP 47 tag ("tr", "ar", "pt-BR"), the name readers know it by
 * in that language ("Türkçe", "العربية"), its direction, and the PostgreSQL text-search configuration that stems
 * its words ('simple' where PostgreSQL ships no Snowball stemmer).
 */
public record Language(String tag, String name, String englishName, boolean rightToLeft, String searchConfig) {

    /** PostgreSQL's own configurations (PostgreSQL 15), by ISO 639-1 code; every other language is searched unstemmed. */
    private static final Map<String, String> SEARCH_CONFIGS = Map.ofEntries(Map.entry("ar", "arabic"),
            Map.entry("hy", "armenian"), Map.entry("eu", "basque"), Map.entry("ca", "catalan"), Map.entry("da", "danish"),
            Map.entry("nl", "dutch"), Map.entry("en", "english"), Map.entry("fi", "finnish"), Map.entry("fr", "french"),
            Map.entry("de", "german"), Map.entry("el", "greek"), Map.entry("hi", "hindi"), Map.entry("hu", "hungarian"),
            Map.entry("id", "indonesian"), Map.entry("ga", "irish"), Map.entry("it", "italian"), Map.entry("lt", "lithuanian"),
            Map.entry("ne", "nepali"), Map.entry("no", "norwegian"), Map.entry("nb", "norwegian"), Map.entry("nn", "norwegian"),
            Map.entry("pt", "portuguese"), Map.entry("ro", "romanian"), Map.entry("ru", "russian"), Map.entry("sr", "serbian"),
            Map.entry("es", "spanish"), Map.entry("sv", "swedish"), Map.entry("ta", "tamil"), Map.entry("tr", "turkish"),
            Map.entry("yi", "yiddish"));

    public static final Language ENGLISH = of(Locale.ENGLISH);

    /** The language of a well-formed locale whose language CLDR knows (see {@link Languages#parse}). */
    static Language of(Locale locale) {
        String tag = locale.toLanguageTag();
        String own = locale.getDisplayName(locale);
        String name = own.isEmpty() ? tag : own.substring(0, own.offsetByCodePoints(0, 1)).toUpperCase(locale)
                + own.substring(own.offsetByCodePoints(0, 1));
        return new Language(tag, name, locale.getDisplayName(Locale.ENGLISH),
                ULocale.forLocale(locale).isRightToLeft(), SEARCH_CONFIGS.getOrDefault(locale.getLanguage(), "simple"));
    }

    /** "rtl" or "ltr", for the {@code dir} attribute. */
    public String dir() {
        return rightToLeft ? "rtl" : "ltr";
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language alone, without region or script ("pt" for "pt-BR"): what messages and stemmers are chosen by. */
    public String primary() {
        return locale().getLanguage();
    }

    /**
     * As Google's news sitemap wants it: the ISO 639 code alone, but zh-cn or zh-tw for Chinese in simplified or
     * traditional characters.
     */
    public String newsLanguage() {
        if (!"zh".equals(primary())) {
            return primary();
        }
        Locale locale = locale();
        boolean traditional = "Hant".equals(locale.getScript()) || (locale.getScript().isEmpty()
                && java.util.Set.of("TW", "HK", "MO").contains(locale.getCountry()));
        return traditional ? "zh-tw" : "zh-cn";
    }

    /** "Türkçe (Turkish)" on the desk; the English name alone for English. */
    public String label() {
        return name.equals(englishName) ? name : name + " (" + englishName + ")";
    }
}
