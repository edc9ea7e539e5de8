package org.copydesk.language;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Language tags as typed or stored: checked, written the standard way, read into {@link Language}s. */
public final class Languages {

    private static final Set<String> KNOWN_LANGUAGES = Set.of(Locale.getISOLanguages());

    private Languages() {
    }

    /**
     * The language a BCP 47 tag names ("TR" and "tr" are Turkish; "pt-br" is "pt-BR"), or empty when the tag is
     * not well formed or its language is not an ISO 639 language.
     */
    public static Optional<Language> parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
        if (!KNOWN_LANGUAGES.contains(locale.getLanguage()) || !locale.getVariant().isEmpty()
                || !locale.getExtensionKeys().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Language.of(locale));
    }

    /** Stored tags read so far: a list page asks for the language of each of its stories. A newsroom has a few dozen. */
    private static final java.util.Map<String, Language> READ = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int READ_MAX = 1000;

    /** A stored tag's language: stored tags were checked, but one no longer known reads as English rather than failing a page. */
    public static Language of(String storedTag) {
        if (storedTag == null) {
            return Language.ENGLISH;
        }
        Language known = READ.get(storedTag);
        if (known != null) {
            return known;
        }
        Language language = parse(storedTag).orElse(Language.ENGLISH);
        if (READ.size() < READ_MAX) {
            READ.put(storedTag, language);
        }
        return language;
    }

    /** A list as stored in the settings: tags separated by spaces or commas, each once, in order. */
    public static List<Language> list(String tags) {
        Set<Language> languages = new LinkedHashSet<>();
        for (String tag : split(tags)) {
            parse(tag).ifPresent(languages::add);
        }
        return new ArrayList<>(languages);
    }

    /** The tags in a typed list, as typed. */
    public static List<String> split(String tags) {
        List<String> parts = new ArrayList<>();
        if (tags != null) {
            for (String part : tags.split("[\\s,;]+")) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }
}
