package org.copydesk.site;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;

import org.copydesk.language.Language;
import org.copydesk.language.Languages;

/**
 * A reader's page in its language: the template instance told which {@link ReaderWords} to use, and what Java
 * needs of the same words (the shapes of dates, plural categories). The story page is in the story's language;
 * front, tag, author, search and error pages in the site's; a section page in its section's.
 */
public final class PageLanguage {

    /** Translated bundles by language tag, looked up once: a newsroom uses a handful of languages. */
    private static final Map<String, Optional<ReaderWords>> TRANSLATED = new ConcurrentHashMap<>();
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
    private static final int KEPT_MAX = 1000;

    private PageLanguage() {
    }

    /**
     * The page renders in {@code language}: its words (English where it has no bundle; Qute then tries the tag's
     * language alone, "pt" for "pt-BR") and its month names.
     */
    public static TemplateInstance in(TemplateInstance page, Language language) {
        return page.setLocale(language.locale());
    }

    /** The language a template's {@code locale} attribute names; English when none was set (desk pages). */
    public static Language of(Object localeAttribute) {
        if (localeAttribute instanceof Locale locale) {
            return Languages.of(locale.toLanguageTag());
        }
        return localeAttribute == null ? Language.ENGLISH : Languages.of(localeAttribute.toString());
    }

    /** The language's own words, or empty when it has none (English, and languages no one has translated yet). */
    public static Optional<ReaderWords> translated(Language language) {
        Optional<ReaderWords> known = TRANSLATED.get(language.tag());
        if (known != null) {
            return known;
        }
        Optional<ReaderWords> found = bundle(language.tag()).or(() -> bundle(language.primary()));
        if (TRANSLATED.size() < KEPT_MAX) {
            TRANSLATED.put(language.tag(), found);
        }
        return found;
    }

    /** The words a page in {@code language} shows: its own, or the English ones. */
    public static ReaderWords words(Language language) {
        return translated(language).orElseGet(() -> Arc.container().instance(ReaderWords.class).get());
    }

    /**
     * The dateline's date pattern: the settings' house pattern for English (and for a language without its own
     * words, so its dateline keeps the house shape with its own month names), the language's own otherwise.
     */
    public static String datelinePattern(Language language, String housePattern) {
        return translated(language).map(ReaderWords::datelinePattern).orElse(housePattern);
    }

    /** A time as a page in {@code language} shows it; the pattern is the language's, the month names its own. */
    public static DateTimeFormatter timeFormat(Language language) {
        return formatter(language);
    }

    private static DateTimeFormatter formatter(Language language) {
        DateTimeFormatter known = FORMATTERS.get(language.tag());
        if (known != null) {
            return known;
        }
        // ASCII digits in every language (java.time's default): what Arabic papers print online too.
        DateTimeFormatter made = DateTimeFormatter.ofPattern(words(language).timePattern(), language.locale());
        if (FORMATTERS.size() < KEPT_MAX) {
            FORMATTERS.put(language.tag(), made);
        }
        return made;
    }

    /** CLDR's plural category of {@code count} in the language ("one", "two", "few", "many", "other"). */
    public static String plural(Language language, int count) {
        return PluralRules.forLocale(ULocale.forLocale(language.locale())).select(count);
    }

    private static Optional<ReaderWords> bundle(String tag) {
        InstanceHandle<ReaderWords> handle = Arc.container().instance(ReaderWords.class, Localized.Literal.of(tag));
        return handle.isAvailable() ? Optional.of(handle.get()) : Optional.empty();
    }
}
