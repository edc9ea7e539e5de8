package org.copydesk.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.copydesk.language.Language;

/**
 * Which stories a search looks at by language, and how its words are read: one language's stories, the words
 * stemmed and folded as that language's stories are (V27's copydesk_&lt;config&gt;); or every story, the words read
 * in each of the newsroom's languages and unstemmed (folded 'simple'), a story matching when any reading does.
 * <p>
 * Why "any reading" for all languages: a story's words are stored in its own language's stems only, so a query of
 * unknown language must be read in the story's. Reading it per row ({@code to_tsquery(story's config, q)}) cannot
 * use the text index; the readings joined with {@code ||} are one tsquery the index answers. It may find a little
 * more than the story's own reading would (an English stem of a French word found in an English story), never
 * less; and the unstemmed, folded reading finds words no stemmer of the list reads alike (names, other languages).
 *
 * @param tag the one language's tag (story.language), or null for every language
 * @param configs the text-search configurations the words are read with, at least one
 */
record SearchScope(String tag, List<String> configs) {

    /** The configuration of languages PostgreSQL has no stemmer for, and of all-languages searches' plain reading. */
    static final String SIMPLE = "copydesk_simple";
    /** Configuration names are written into statements (a parameter would hide them from the planner): V27's only. */
    private static final Pattern CONFIG = Pattern.compile("copydesk_[a-z]+");

    SearchScope {
        for (String config : configs) {
            if (!CONFIG.matcher(config).matches()) {
                throw new IllegalArgumentException("Not a search configuration: " + config);
            }
        }
    }

    /** A language's own stories, read with its folded configuration. */
    static SearchScope of(Language language) {
        return new SearchScope(language.tag(), List.of(folded(language)));
    }

    /** Every story, whatever its language: the words read in each of the languages and unstemmed. */
    static SearchScope every(List<Language> languages) {
        Set<String> configs = new LinkedHashSet<>();
        for (Language language : languages) {
            configs.add(folded(language));
        }
        configs.add(SIMPLE);
        return new SearchScope(null, new ArrayList<>(configs));
    }

    /** V27's folded configuration for a language's PostgreSQL one ('turkish': copydesk_turkish). */
    static String folded(Language language) {
        return "copydesk_" + language.searchConfig();
    }

    boolean everyLanguage() {
        return tag == null;
    }

    /** The query's tsquery in SQL: one parameter for the text per configuration ({@link #addText}). */
    String tsquery() {
        if (configs.size() == 1) {
            return "websearch_to_tsquery('" + configs.get(0) + "', ?)";
        }
        List<String> each = new ArrayList<>();
        for (String config : configs) {
            each.add("websearch_to_tsquery('" + config + "', ?)");
        }
        return "(" + String.join(" || ", each) + ")";
    }

    /** The query's tsquery as an item of a FROM list (an expression joined by "||" must be selected there). */
    String tsqueryFromItem() {
        return configs.size() == 1 ? tsquery() : "(select " + tsquery() + ")";
    }

    /** The text, once per configuration, in the order {@link #tsquery} wants it. */
    void addText(List<Object> params, String text) {
        for (int i = 0; i < configs.size(); i++) {
            params.add(text);
        }
    }

    /** SQL on story s keeping the one language's stories (one parameter, {@link #addLanguage}), or nothing. */
    String languageFilter() {
        return everyLanguage() ? "" : "and s.language = ? ";
    }

    void addLanguage(List<Object> params) {
        if (!everyLanguage()) {
            params.add(tag);
        }
    }
}
