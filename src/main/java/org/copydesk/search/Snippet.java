package org.copydesk.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.copydesk.language.Language;
import org.jsoup.parser.Parser;
import org.tartarus.snowball.SnowballStemmer;

/**
 * A search result's snippet: up to two stretches of a story's plain text around the words searched for,
 * those words marked. Made here rather than by PostgreSQL's ts_headline: snippets cost 2.5 ms of every
 * search's 6 (ts_headline parsing and stemming twenty texts word by word, then an HTML parse of each in the
 * app; docs/performance.md). Here a word is stemmed only when
 * it begins like a searched word, with the same algorithm as the search index: the story's language's Snowball
 * stemmer (PostgreSQL's configuration of that language), after folding the word as V27's configurations do
 * ({@link Fold}), so "elections" is marked for "election" and "electric" is not, and "Élections" for "elections".
 * SnippetStemTest checks the stems agree with PostgreSQL's on the agency story's words, and on French, Turkish
 * and Arabic ones.
 */
final class Snippet {

    /**
     * Searched words are looked for in this many characters of a story's text (a search's candidates were
     * found by the whole text; a match further on shows the opening). Finding the words of a whole story
     * took about 40 µs, twenty of them a sixth of a search.
     */
    static final int SCAN_CHARS = 3000;
    /**
     * What the database sends of a story's text: what is scanned, and room for a stretch's end. V18's table
     * story_opening keeps this much of each story's text (a change here needs a migration there).
     */
    static final int TEXT_CHARS = SCAN_CHARS + 300;
    /** Words in one stretch, and how many of them come before its first match (as ts_headline's MaxWords). */
    static final int WORDS = 25;
    static final int WORDS_BEFORE = 6;
    static final int STRETCHES = 2;
    private static final String GAP = " … ";

    private static final Pattern LEXEME = Pattern.compile("'((?:[^']|'')+)'");

    private final Set<String> stems;
    /** The first two letters a word must begin with to be worth stemming (see {@link #prefixKey}); a few. */
    private final int[] prefixes;
    /**
     * What a word must begin with, in lower case, to be worth stemming: for each stem, the part of it any word
     * that stems to it begins with ({@link #safeStart}). Checked after the two-letter key, it spares stemming
     * nearly every word that merely begins like a searched one.
     */
    private final String[] starts;
    /** The story's language's stemmer; none for languages PostgreSQL searches unstemmed ('simple'). */
    private final SnowballStemmer stemmer;
    /** Whether a word and its stem share their first letters (see {@link #PREFIX_KEEPING}): then only such words are stemmed. */
    private final boolean keepsPrefix;
    /**
     * The text being read and where its words start and end, reused from one result to the next: made afresh
     * for each, they were a sixth of everything a search allocates.
     */
    private final Words words = new Words();

    private Snippet(Set<String> stems, Language language) {
        this.stems = stems;
        this.stemmer = stemmer(language.searchConfig());
        this.keepsPrefix = PREFIX_KEEPING.contains(language.searchConfig());
        boolean english = "english".equals(language.searchConfig());
        Set<Integer> keys = new HashSet<>();
        Set<String> safeStarts = new HashSet<>();
        for (String stem : stems) {
            String folded = Fold.word(stem); // a stem may hold letters its stemmer put back (Turkish "seç" of "secim")
            keys.add(prefixKey(folded.toCharArray(), 0, folded.length()));
            safeStarts.add(safeStart(folded));
            String irregular = english ? IRREGULAR_STARTS.get(stem) : null;
            if (irregular != null) {
                keys.add(prefixKey(irregular.toCharArray(), 0, irregular.length()));
                safeStarts.add(irregular);
            }
        }
        this.prefixes = keys.stream().mapToInt(Integer::intValue).toArray();
        this.starts = safeStarts.toArray(String[]::new);
    }

    /**
     * Stemmers that only change a word's end (and the folded configuration, which changes nothing): a word and its
     * stem begin alike. Arabic, Indonesian, Irish, Yiddish and Tamil take prefixes off, Serbian writes Cyrillic in
     * Latin letters, and the rest are not checked: their stories' words are all stemmed (slower, never unmarked).
     */
    private static final Set<String> PREFIX_KEEPING = Set.of("simple", "english", "french", "german", "spanish", "portuguese",
            "italian", "turkish", "dutch", "danish", "swedish", "norwegian", "finnish", "hungarian", "romanian", "catalan",
            "russian");

    /** Lucene's build of Snowball's stemmer for one of PostgreSQL's configurations ('turkish': TurkishStemmer), or none. */
    static SnowballStemmer stemmer(String config) {
        if (config.equals("simple")) {
            return null;
        }
        try {
            return STEMMERS.computeIfAbsent(config, Snippet::stemmerMaker).newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No Snowball stemmer for the search configuration " + config, e);
        }
    }

    /** Each configuration's stemmer class, looked up once (a snippet maker is made for every results page). */
    private static final Map<String, java.lang.reflect.Constructor<? extends SnowballStemmer>> STEMMERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static java.lang.reflect.Constructor<? extends SnowballStemmer> stemmerMaker(String config) {
        String name = "org.tartarus.snowball.ext." + Character.toUpperCase(config.charAt(0)) + config.substring(1) + "Stemmer";
        try {
            return Class.forName(name).asSubclass(SnowballStemmer.class).getDeclaredConstructor();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("No Snowball stemmer for the search configuration " + config, e);
        }
    }

    /**
     * The start every word stemming to {@code stem} shares with it: the stem but its last four letters, at
     * least two. Snowball's English stemmer keeps a word's beginning and ends the stem with at most four letters
     * of its own ("-ization" becomes "-ize", "-biliti" "-ble", "-y" "-i", "-ing" "-e"); only the irregular
     * forms below change more.
     */
    static String safeStart(String stem) {
        return stem.substring(0, Math.min(stem.length(), Math.max(2, stem.length() - 4)));
    }

    /**
     * For the words of a query as PostgreSQL's querytree() writes them ('elect' &amp; 'result', words left
     * out with "-" already dropped): one snippet maker per results page (it is not shared between threads).
     */
    static Snippet forQueryTree(String queryTree) {
        return forLexemes(lexemes(queryTree), Language.ENGLISH);
    }

    /** For the query's words as the index has them ({@link #lexemes}), marked in a story in the given language. */
    static Snippet forLexemes(Set<String> lexemes, Language language) {
        return new Snippet(lexemes, language);
    }

    /** The words of a query as querytree() writes them, as the index has them ('elect' &amp; 'result': elect, result). */
    static Set<String> lexemes(String queryTree) {
        Set<String> stems = new HashSet<>();
        Matcher lexeme = LEXEME.matcher(queryTree == null ? "" : queryTree);
        while (lexeme.find()) {
            stems.add(lexeme.group(1).replace("''", "'"));
        }
        return stems;
    }

    /**
     * A word's first two letters, in lower case, as one number. A word and its stem share them (Snowball's
     * English stemmer only changes a word's end), but for the three irregular forms below; checking them
     * first spares stemming nearly every word.
     */
    private static int prefixKey(char[] text, int start, int end) {
        char first = lower(text[start]);
        char second = end - start > 1 ? lower(text[start + 1]) : 0;
        return first << 16 | second;
    }

    private static char lower(char c) {
        return c < 128 ? ASCII_LOWER[c] : Fold.first(c);
    }

    private static final char[] ASCII_LOWER = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_LOWER[c] = Character.toLowerCase(c);
        }
    }

    private static final Map<String, String> IRREGULAR_STARTS = Map.of("die", "dy", "lie", "ly", "tie", "ty");

    /** The snippet as safe HTML: the text escaped, only the mark elements added; empty for no text. */
    String html(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        words.read(text);
        List<int[]> stretches = new ArrayList<>(); // each [first word, last word + 1]
        int from = 0;
        for (int found = 0; found < STRETCHES; found++) {
            int match = nextMatch(words, from);
            if (match < 0) {
                break;
            }
            int first = Math.max(from, match - WORDS_BEFORE);
            int end = words.upTo(first + WORDS);
            if (!stretches.isEmpty() && first == from) { // runs on from the one before
                stretches.get(stretches.size() - 1)[1] = end;
            } else {
                stretches.add(new int[] {first, end});
            }
            from = end;
        }
        if (stretches.isEmpty()) { // matched in the headline, standfirst, bylines or tags only: the opening
            stretches.add(new int[] {0, words.upTo(WORDS)});
        }
        StringBuilder html = new StringBuilder(400);
        for (int[] stretch : stretches) {
            if (stretch[0] > 0) {
                html.append(html.isEmpty() ? "… " : GAP);
            }
            for (int w = stretch[0]; w < stretch[1]; w++) {
                if (w > stretch[0]) {
                    appendEscaped(html, text, words.end(w - 1), words.start(w));
                }
                boolean marked = matches(words, w);
                html.append(marked ? "<mark>" : "");
                appendEscaped(html, text, words.start(w), words.end(w));
                html.append(marked ? "</mark>" : "");
            }
            appendEscaped(html, text, words.end(stretch[1] - 1), words.endOfPunctuation(stretch[1] - 1));
        }
        int end = stretches.get(stretches.size() - 1)[1];
        if (words.upTo(end + 1) > end) {
            html.append(" …");
        }
        return html.toString();
    }

    private int nextMatch(Words words, int from) {
        for (int w = from; words.upTo(w + 1) > w && words.start(w) < SCAN_CHARS; w++) {
            if (matches(words, w)) {
                return w;
            }
        }
        return -1;
    }

    private boolean matches(Words words, int w) {
        if (!keepsPrefix) {
            return stemMatches(words, w);
        }
        int key = prefixKey(words.chars, words.start(w), words.end(w));
        for (int prefix : prefixes) {
            if (prefix == key) {
                return beginsWithAStart(words, w) && stemMatches(words, w);
            }
        }
        return false;
    }

    private boolean beginsWithAStart(Words words, int w) {
        int start = words.start(w);
        int length = words.end(w) - start;
        for (String begin : starts) {
            if (begin.length() <= length && beginsWith(words.chars, start, begin)) {
                return true;
            }
        }
        return false;
    }

    private static boolean beginsWith(char[] text, int start, String begin) {
        for (int i = 0; i < begin.length(); i++) {
            if (lower(text[start + i]) != begin.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean stemMatches(Words words, int w) {
        String lower = Fold.word(words.text.substring(words.start(w), words.end(w)));
        if (stems.contains(lower)) {
            return true;
        }
        if (stemmer == null) {
            return false;
        }
        stemmer.setCurrent(lower);
        stemmer.stem();
        return stems.contains(stemmer.getCurrent());
    }

    /**
     * Escaped, with each run of white space (line breaks between paragraphs too) as one space. The plain text
     * keeps the one entity the body's HTML writes, &amp;nbsp; (the others are decoded by V4's copydesk_html_text),
     * so what lies between two words is decoded first when it holds one.
     */
    private static void appendEscaped(StringBuilder html, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '&') {
                String decoded = Parser.unescapeEntities(text.substring(from, to), false);
                appendEscapedAsIs(html, decoded, 0, decoded.length());
                return;
            }
        }
        appendEscapedAsIs(html, text, from, to);
    }

    private static void appendEscapedAsIs(StringBuilder html, String text, int from, int to) {
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                space = true;
                continue;
            }
            if (space) {
                html.append(' ');
                space = false;
            }
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        if (space) {
            html.append(' ');
        }
    }

    /** White space, the no-break space too. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * The words of a text (runs of letters and digits, as PostgreSQL's parser splits "Ukraine's" and
     * "self-driving"), found as far as they are asked for: most snippets need the first few hundred only.
     * Read from a char array with a table: String.codePointAt and Character's Unicode lookups took most of
     * the snippet's time.
     */
    private static final class Words {
        /**
         * Whether each UTF-16 unit is part of a word: a letter, a digit, a combining mark (Arabic vowel marks, Hindi
         * vowel signs: PostgreSQL's parser keeps them in the word), or half of a surrogate pair (64 kB, made once).
         */
        private static final boolean[] IN_WORD = new boolean[Character.MAX_VALUE + 1];

        static {
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                int type = Character.getType(c);
                IN_WORD[c] = Character.isLetterOrDigit(c) || Character.isSurrogate((char) c)
                        || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
            }
        }

        private String text;
        private char[] chars = new char[TEXT_CHARS];
        private int length;
        private int[] starts = new int[512];
        private int[] ends = new int[512];
        private int count;
        private int scanned;

        /** Starts reading a text: no word of it found yet (the arrays are kept, grown if it is longer). */
        void read(String text) {
            this.text = text;
            this.length = text.length();
            if (length > chars.length) {
                chars = new char[Math.max(length, 2 * chars.length)];
            }
            text.getChars(0, length, chars, 0);
            count = 0;
            scanned = 0;
        }

        /** Past an entity (&amp;nbsp;, &amp;#160;) starting at i, or past the ampersand alone. */
        private int afterEntity(int i) {
            int j = i + 1;
            while (j < length && j - i <= 10 && (IN_WORD[chars[j]] || chars[j] == '#')) {
                j++;
            }
            return j > i + 1 && j < length && chars[j] == ';' ? j + 1 : i + 1;
        }

        /** min(n, the number of words), finding words up to the n-th. */
        int upTo(int n) {
            char[] text = chars;
            boolean[] inWord = IN_WORD;
            while (count < n && scanned < length) {
                int i = scanned;
                while (i < length && !inWord[text[i]]) {
                    i = text[i] == '&' ? afterEntity(i) : i + 1;
                }
                int start = i;
                while (i < length && inWord[text[i]]) {
                    i++;
                }
                scanned = i;
                if (i > start) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                        ends = Arrays.copyOf(ends, count * 2);
                    }
                    starts[count] = start;
                    ends[count] = i;
                    count++;
                }
            }
            return Math.min(n, count);
        }

        int start(int w) {
            return starts[w];
        }

        int end(int w) {
            return ends[w];
        }

        /** Where what follows a word up to the next space ends (its full stop, its closing quote). */
        int endOfPunctuation(int w) {
            int i = ends[w];
            while (i < length && !isSpace(chars[i]) && !IN_WORD[chars[i]]) {
                i++;
            }
            return i;
        }
    }
}
