package org.copydesk.search;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.copydesk.publishing.ChangeLog;
import org.copydesk.publishing.PublicChange;
import org.copydesk.publishing.PublicVersion;
import org.copydesk.web.CopydeskConfig;
import org.jboss.logging.Logger;
import org.roaringbitmap.RoaringBitmap;

/**
 * Which public stories hold each word readers search for, kept in memory: a search of plain words finds its
 * newest matches here, and PostgreSQL only ranks and shows them. Asked instead, PostgreSQL's text index reads
 * every match in the archive for each word and intersects them (the part of a search that grew with the
 * archive), and a search needed a second round trip for the planner's estimate (docs/performance.md).
 * <p>
 * What is kept, all as of one public version (V8): the public stories, newest first, with their publication
 * times; and, for each word's lexeme searched for since, the ids of the public stories that hold it (read from
 * the database in the background the first time it is searched for, in compressed sets; for a common word,
 * among the newest {@link #WINDOW} public stories only). When this node
 * hears of a newer public version, the stories changed up to it are read from V17's log and applied; until
 * then (milliseconds), searches ask the database, so a search never answers from an older version than the
 * pages.
 * <p>
 * Plain words only: letters (of any script, accented or not), so that each word is one lexeme, the one the search's
 * language's folded configuration gives it (V27; read from the database, never worked out here: a word the
 * configuration reads as more than one lexeme is searched in the database). The stories of each language are kept
 * as a set too, read and brought up to date like a word's, and a search's matches are those of its language.
 * Phrases, exclusions, "or", filters, words with digits or marks, and searches of every language at once (their
 * query is several readings joined by "or", which sets of words per reading would not reproduce exactly) are
 * searched in the database ({@link StorySearch}).
 */
@ApplicationScoped
@Startup // made at start, so that its gauges are on the metrics page before the first search
public class PublicMatches {

    /** The newest matches found, and the lexemes they were found by (what the database must find the query to be). */
    record Found(long[] ids, Set<String> lexemes) {
    }

    /**
     * The public stories holding a lexeme, as of a version: among those published at or after a time, or among
     * every public story ({@link PublicOrder#EVERY_STORY}). The set is never changed once made.
     */
    private static final class Holders {
        final long version;
        final StorySet ids;
        final long sinceMicros;
        volatile long lastUsed;

        Holders(long version, StorySet ids, long sinceMicros, long lastUsed) {
            this.version = version;
            this.ids = ids;
            this.sinceMicros = sinceMicros;
            this.lastUsed = lastUsed;
        }
    }

    /** A word's stories as read, and the publication time they are known from. */
    private record Read(RoaringBitmap ids, long sinceMicros) {
    }

    private static final Pattern PLAIN = Pattern.compile("\\p{L}+(\\s+\\p{L}+)*");
    /** A word's lexeme when it is a stop word (PostgreSQL leaves it out of the query). */
    private static final String STOP = "";
    /** A word's lexeme when its configuration reads it as more than one: memory cannot answer for it. */
    private static final String SEVERAL = "\u0000";
    /**
     * What a language's set of public stories is kept under, with its tag, among the words' sets (a lexeme never
     * holds this character): read, brought up to date and counted like them.
     */
    private static final String LANGUAGE = "\u0001";
    /** Words whose lexemes are kept, at most (a word is a few dozen bytes). */
    static final int WORDS_KEPT = 100_000;
    /** Words waiting to be read, at most; and read in one statement, at most. */
    static final int WANTED_MAX = 1000;
    static final int READ_AT_ONCE = 16;
    /** Words read at once when sets are held over a window: one pass over the window finds them all (see readWindow). */
    static final int READ_AT_ONCE_IN_WINDOW = 500;
    /** What a kept set costs besides its bitmap (map entry, strings, objects): a made-up word's empty set counts too. */
    static final long SET_OVERHEAD_BYTES = 200;
    /**
     * A word's set holds its stories among this many of the newest public stories, unless it is held by at most
     * {@link #WHOLE_MAX} stories (then every one): at 1,000,000 stories the sets searched words need came to about
     * 95 MB whole, and now cost what they cost at this many stories (13 MB at 100,000 for bench/seed's words).
     * The newest 100 matches of a search are almost always among the newest stories; when its window holds
     * fewer, the database is asked (docs/performance.md, issue 22).
     */
    static final int WINDOW = 100_000;
    static final int WHOLE_MAX = 4_096;
    /** Rows fetched at a time when reading the public stories or the change log. */
    static final int FETCH_ROWS = 10_000;
    private static final Logger LOG = Logger.getLogger(PublicMatches.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PublicVersion versions;

    @Inject
    MeterRegistry registry;

    private final long memoryBytes;
    private final boolean enabled;

    private volatile PublicOrder known;
    private final Map<String, String> lexemeOf = new ConcurrentHashMap<>();
    private final Map<String, Holders> holders = new ConcurrentHashMap<>();
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private volatile int window = WINDOW;
    private volatile int wholeMax = WHOLE_MAX;

    /** What is known, and the words wanted, are read in the background (no reader waits for them). */
    private final BackgroundRead refreshes = new BackgroundRead("public-matches",
            "Could not read which public stories hold searched words (searches ask the database meanwhile)");
    private final BackgroundRead wordReads = new BackgroundRead("public-matches-words",
            "Could not read the stories holding searched words (those searches ask the database)");

    @Inject
    PublicMatches(CopydeskConfig config) {
        this(config.search().memoryMb());
    }

    PublicMatches(int memoryMb) {
        this.memoryBytes = memoryMb * 1024L * 1024L;
        this.enabled = memoryMb > 0;
    }

    /**
     * The newest {@code limit} public stories holding every plain word of the text (any number of them when
     * fewer match), or empty when memory cannot answer now and the database must be asked: a word not read yet,
     * or fewer than {@code limit} matches among the newest stories a common word's set holds. A word not in
     * memory yet is read in the background: reading a common word's set takes 60 ms or more (every story
     * holding it), which no reader should wait for.
     */
    Optional<Found> newest(String text, int limit, SearchScope scope) {
        List<String> plain = plainWords(text);
        PublicOrder now = current();
        if (plain.isEmpty() || now == null || scope.everyLanguage()) {
            return Optional.empty();
        }
        // A word is known by the configuration that reads it ("copydesk_french élections").
        List<String> words = plain.stream().map(word -> scope.configs().get(0) + " " + word).toList();
        String language = LANGUAGE + scope.tag();
        List<String> missing = new ArrayList<>(words.stream().filter(word -> !held(word, now)).toList());
        if (!heldSet(language, now)) {
            missing.add(language);
        }
        if (!missing.isEmpty()) {
            want(missing);
            return Optional.empty();
        }
        Set<String> lexemes = new LinkedHashSet<>();
        StorySet all = null;
        long since = PublicOrder.EVERY_STORY; // the matches are known from the latest of the sets' times
        long used = System.nanoTime();
        for (String word : words) {
            String lexeme = lexemeOf.get(word);
            if (STOP.equals(lexeme)) {
                continue;
            }
            if (SEVERAL.equals(lexeme)) {
                return Optional.empty();
            }
            Holders held = lexeme == null ? null : holders.get(lexeme);
            if (held == null || held.version != now.version()) { // let go or brought up to date meanwhile
                return Optional.empty();
            }
            held.lastUsed = used;
            lexemes.add(lexeme);
            all = all == null ? held.ids : all.and(held.ids);
            since = Math.max(since, held.sinceMicros);
        }
        if (all == null) { // stop words only: the database says what that finds
            return Optional.empty();
        }
        Holders inLanguage = holders.get(language);
        if (inLanguage == null || inLanguage.version != now.version()) {
            return Optional.empty();
        }
        inLanguage.lastUsed = used;
        // Public stories all in the one language (a newsroom writing in one, bench/seed's): nothing to narrow.
        if (inLanguage.ids.cardinality() != now.size()) {
            all = all.and(inLanguage.ids);
        }
        long[] newest = now.newest(all, limit, since);
        return newest == null ? Optional.empty() : Optional.of(new Found(newest, lexemes)); // too few in the window: the database

    }

    /** The text's words in lower case, when it is plain words (letters) only; otherwise none. */
    static List<String> plainWords(String text) {
        String stripped = text == null ? "" : text.strip();
        if (!PLAIN.matcher(stripped).matches()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : stripped.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (word.equals("or")) { // websearch_to_tsquery's "or"
                return List.of();
            }
            words.add(word);
        }
        return words;
    }

    /** What is known, when it is as new as the public version this node has heard; otherwise null, and read soon. */
    private PublicOrder current() {
        if (!enabled) {
            return null;
        }
        PublicOrder now = known;
        long heard = versions.known();
        if (now != null && heard != PublicVersion.UNKNOWN && now.version() >= heard) {
            return now;
        }
        refreshSoon();
        return null;
    }

    /** Whether this node is up to date with the public version it has heard (tests). */
    boolean isCurrent() {
        return current() != null;
    }

    private boolean held(String word, PublicOrder now) {
        String lexeme = lexemeOf.get(word);
        if (lexeme == null) {
            return false;
        }
        return STOP.equals(lexeme) || SEVERAL.equals(lexeme) || heldSet(lexeme, now);
    }

    private boolean heldSet(String key, PublicOrder now) {
        Holders held = holders.get(key);
        return held != null && held.version == now.version();
    }

    /** Words to read in the background; at most {@link #WANTED_MAX} wait (a flood of made-up words is not queued whole). */
    private void want(List<String> words) {
        for (String word : words) {
            if (wanted.size() < WANTED_MAX) {
                wanted.add(word);
            }
        }
        wordReads.start(this::readWanted);
    }

    private void readWanted() throws SQLException {
        try {
            PublicOrder now;
            while (!wanted.isEmpty() && (now = known) != null) {
                List<String> some = new ArrayList<>();
                int atOnce = now.microsAt(window - 1) == TimesById.NONE ? READ_AT_ONCE : READ_AT_ONCE_IN_WINDOW;
                for (java.util.Iterator<String> words = wanted.iterator(); words.hasNext() && some.size() < atOnce; ) {
                    some.add(words.next());
                    words.remove();
                }
                read(some, now);
            }
        } catch (SQLException | RuntimeException e) {
            wanted.clear();
            throw e;
        }
    }

    /**
     * Reads the words' lexemes and the public stories holding each, with the public version they were read at
     * (one snapshot), from the primary database. Kept when that is the version known here (otherwise what memory
     * holds and what was read would not agree; the words are read again when next searched for).
     */
    private void read(List<String> words, PublicOrder now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // its statements see one snapshot
            try {
                read(connection, words, now);
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private void read(Connection connection, List<String> words, PublicOrder now) throws SQLException {
        try (Statement settings = connection.createStatement()) {
            // The planner is held to the text index: it cannot see the lexeme when it plans, and a guess of "most
            // stories" would read the whole table, or walk it in order of publication.
            settings.execute("select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), "
                    + "set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)");
        }
        long version;
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("select value from public_version where id = 1")) {
            row.next();
            version = row.getLong(1);
        }
        List<String> languages = words.stream().filter(word -> word.startsWith(LANGUAGE)).toList();
        Set<String> lexemes = new LinkedHashSet<>();
        List<String> plain = words.stream().filter(word -> !word.startsWith(LANGUAGE)).toList();
        if (!plain.isEmpty()) {
            // Each word as its configuration reads it (the key: configuration, a space, the word).
            try (PreparedStatement select = connection.prepareStatement("select k, tsvector_to_array(to_tsvector("
                    + "split_part(k, ' ', 1)::regconfig, substr(k, strpos(k, ' ') + 1))) from unnest(?) k")) {
                select.setArray(1, connection.createArrayOf("text", plain.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String[] read = (String[]) rows.getArray(2).getArray();
                        String lexeme = read.length == 0 ? STOP : read.length == 1 ? read[0] : SEVERAL;
                        rememberLexeme(rows.getString(1), lexeme);
                        if (read.length == 1) {
                            lexemes.add(lexeme);
                        }
                    }
                }
            }
        }
        if (version != now.version() || lexemes.isEmpty() && languages.isEmpty()) {
            return;
        }
        Map<String, Read> read = new HashMap<>();
        readLanguages(connection, languages, read);
        if (lexemes.isEmpty()) {
            keep(read, version);
            return;
        }
        long since = now.microsAt(window - 1);
        if (since == TimesById.NONE) { // the window is every public story: each word read whole
            readWhole(connection, lexemes, Integer.MAX_VALUE, read);
        } else {
            Map<String, RoaringBitmap> inWindow = readWindow(connection, lexemes, since);
            // A word few enough in the window may be held by few stories in all: those are read whole when they are
            // (any wholeMax + 1 of them tell), which the text index answers cheaply for a rare word.
            double stories = now.size();
            List<String> maybeRare = new ArrayList<>();
            for (String lexeme : lexemes) {
                RoaringBitmap ids = inWindow.computeIfAbsent(lexeme, none -> new RoaringBitmap());
                if (ids.getCardinality() * stories / window <= 2.0 * wholeMax) {
                    maybeRare.add(lexeme);
                }
                // Read at the version known, with the bound memory has for it: the same stories as it has in the window.
                read.put(lexeme, new Read(ids, since));
            }
            readWhole(connection, maybeRare, wholeMax, read);
        }
        keep(read, version);
    }

    /**
     * The public stories in the window holding each lexeme, in one pass over the window's stories, whatever the
     * number of words. Through the text index, a common word took 150 to 450 ms at 1,000,000 stories (the index
     * lists every story holding it, most outside the window, then each match in the window is read), so memory
     * learnt five words a second; one pass takes about 3 s for 300 words (docs/performance.md). Each story's
     * words are narrowed to those asked for inside PostgreSQL: all weights made D, those asked for A, A kept.
     */
    private static Map<String, RoaringBitmap> readWindow(Connection connection, Set<String> lexemes, long sinceMicros) throws SQLException {
        Map<String, RoaringBitmap> read = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select l, coalesce(string_agg(int4send(id::int), ''::bytea), ''::bytea) from ("
                + "select s.id, unnest(tsvector_to_array(ts_filter(setweight(setweight(s.search_vector, 'D'), 'A', ?::text[]), '{a}'))) l "
                + "from story s where s.state = 'PUBLISHED' and s.update_of is null and s.first_published_at >= ?) x group by l")) {
            select.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            select.setArray(1, connection.createArrayOf("text", lexemes.toArray()));
            select.setObject(2, at(sinceMicros));
            select.setFetchSize(1);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    read.put(rows.getString(1), bitmap(rows.getBytes(2)));
                }
            }
        }
        return read;
    }

    /** The public stories in each language (keys: {@link #LANGUAGE} and a tag), every one of them. */
    private static void readLanguages(Connection connection, List<String> keys, Map<String, Read> read) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement("select k, (select coalesce(string_agg(int4send(s.id::int), ''::bytea), ''::bytea) "
                + "from story s where s.language = substr(k, 2) and s.state = 'PUBLISHED' and s.update_of is null) from unnest(?) k")) {
            select.setArray(1, connection.createArrayOf("text", keys.toArray()));
            select.setFetchSize(1);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    read.put(rows.getString(1), new Read(bitmap(rows.getBytes(2)), PublicOrder.EVERY_STORY));
                }
            }
        }
    }

    /**
     * Each lexeme's public stories read through the text index, any {@code max} + 1 of them: kept whole (in
     * {@code read}) when there are no more than {@code max}.
     */
    private static void readWhole(Connection connection, java.util.Collection<String> lexemes, int max,
                                  Map<String, Read> read) throws SQLException {
        if (lexemes.isEmpty()) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement("select l, (select coalesce(string_agg(int4send(m.id::int), ''::bytea), ''::bytea) "
                + "from (select s.id from story s where s.search_vector @@ plainto_tsquery('simple', l) and s.state = 'PUBLISHED' "
                + "and s.update_of is null limit ?) m) from unnest(?) l")) {
            // The ids come as four bytes each, one string of bytes per word (an array of numbers came as 12 bytes each,
            // then an object each: at 1,000,000 stories a common word's took 27 MB to read, 3.4 MB now), sent as binary.
            select.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            select.setObject(1, max == Integer.MAX_VALUE ? null : max + 1, java.sql.Types.INTEGER);
            select.setArray(2, connection.createArrayOf("text", lexemes.toArray()));
            select.setFetchSize(1); // one word's stories at a time
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byte[] ids = rows.getBytes(2);
                    if (ids.length <= 4L * max) {
                        read.put(rows.getString(1), new Read(bitmap(ids), PublicOrder.EVERY_STORY));
                    }
                }
            }
        }
    }

    /** A time in microseconds since the epoch, exact, as PostgreSQL's timestamp. */
    private static OffsetDateTime at(long micros) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000),
                ZoneOffset.UTC);
    }

    private void rememberLexeme(String word, String lexeme) {
        if (lexemeOf.size() >= WORDS_KEPT) {
            lexemeOf.clear();
        }
        lexemeOf.put(word, lexeme);
    }

    /** Keeps sets read at a version, if it is still the one known (not brought up to date meanwhile). */
    private synchronized void keep(Map<String, Read> read, long version) {
        PublicOrder now = known;
        if (now == null || now.version() != version) {
            return;
        }
        long used = System.nanoTime();
        read.forEach((lexeme, ids) -> holders.put(lexeme, new Holders(version, StorySet.of(ids.ids()), ids.sinceMicros(), used)));
        letGoOfLeastUsed();
    }

    /** Over the memory allowed, the sets searched for least recently are let go of, down to three quarters. */
    private void letGoOfLeastUsed() {
        long bytes = (long) bytesHeld();
        if (bytes <= memoryBytes) {
            return;
        }
        List<Map.Entry<String, Holders>> byUse = new ArrayList<>(holders.entrySet());
        byUse.sort(Comparator.comparingLong(entry -> entry.getValue().lastUsed));
        for (Map.Entry<String, Holders> entry : byUse) {
            if (bytes <= memoryBytes * 3 / 4) {
                break;
            }
            bytes -= SET_OVERHEAD_BYTES + entry.getValue().ids.bytes();
            holders.remove(entry.getKey());
        }
    }

    /** Ids of four bytes each, most significant first (PostgreSQL's int4send). */
    private static RoaringBitmap bitmap(byte[] ids) {
        RoaringBitmap bitmap = new RoaringBitmap();
        java.nio.IntBuffer each = java.nio.ByteBuffer.wrap(ids).asIntBuffer();
        while (each.hasRemaining()) {
            bitmap.add(storyId(each.get()));
        }
        return bitmap;
    }

    /** Story ids are kept as ints (a sequence's ids; more than two thousand million stories is not a newsroom's). */
    private static int storyId(long id) {
        if (id < 0 || id > Integer.MAX_VALUE) {
            throw new IllegalStateException("A story id too large to keep in memory: " + id);
        }
        return (int) id;
    }

    /**
     * A story's public change committed on this node: brought up to date now rather than by the next search.
     * Changes on other nodes are learnt from {@link PublicVersion#known()} (compared at every search).
     */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicChange change) {
        if (enabled && change.kind().ofAStory()) {
            refreshSoon();
        }
    }

    private void refreshSoon() {
        refreshes.start(this::refresh);
    }

    /**
     * Brings what is known up to the database's public version: from the change log when what is known is
     * recent enough for the log to hold every change since, otherwise read afresh. One snapshot throughout.
     */
    void refresh() throws SQLException {
        long startedAt = System.nanoTime();
        PublicOrder before = known;
        boolean fresh = before == null || startedAt - before.readAtNanos() > ChangeLog.KEPT_HOURS * 3_600_000_000_000L / 2;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                long version;
                try (ResultSet row = statement.executeQuery("select value from public_version where id = 1")) {
                    row.next();
                    version = row.getLong(1);
                }
                if (fresh) {
                    readAfresh(statement, version, startedAt);
                } else if (version > before.version()) {
                    catchUp(connection, before, version, startedAt);
                }
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Reads the public stories newest first, as the public-story index (V11) holds them, a few thousand rows at a
     * time: a million rows read whole would take more memory than the heap has spare (pgjdbc keeps every row of
     * a result until it is closed, unless it is fetched in parts, which needs a transaction).
     */
    private void readAfresh(Statement statement, long version, long readAt) throws SQLException {
        PublicOrder.Builder order = PublicOrder.newestFirst(version, readAt);
        statement.setFetchSize(FETCH_ROWS);
        try (ResultSet rows = statement.executeQuery("select id, (extract(epoch from first_published_at) * 1000000)::bigint from story "
                + "where state = 'PUBLISHED' and update_of is null order by first_published_at desc, id desc")) {
            while (rows.next()) {
                order.add(storyId(rows.getLong(1)), micros(rows, 2));
            }
        }
        PublicOrder made = order.made();
        synchronized (this) {
            holders.clear();
            known = made;
        }
    }

    /**
     * A publication time read, in microseconds; none (never expected of a public story) counts as newest, as
     * PostgreSQL orders nulls first in "order by first_published_at desc", which searching the database uses.
     */
    private static long micros(ResultSet rows, int column) throws SQLException {
        long micros = rows.getLong(column);
        return rows.wasNull() ? Long.MAX_VALUE : micros;
    }

    /** One story changed since what is known: public now or not, its publication time, lexemes and language when public. */
    private record Change(int id, boolean isPublic, long micros, String[] lexemes, String language) {
    }

    private void catchUp(Connection connection, PublicOrder before, long version, long readAt) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement changed = connection.prepareStatement("select c.story_id, coalesce(s.state = 'PUBLISHED' and s.update_of is null, false), "
                + "(extract(epoch from s.first_published_at) * 1000000)::bigint, "
                + "case when s.state = 'PUBLISHED' and s.update_of is null then tsvector_to_array(s.search_vector) end, s.language "
                + "from (" + ChangeLog.STORIES_CHANGED_AFTER + ") c left join story s on s.id = c.story_id")) {
            changed.setLong(1, before.version());
            changed.setFetchSize(FETCH_ROWS);
            try (ResultSet rows = changed.executeQuery()) {
                while (rows.next()) {
                    Array lexemes = rows.getArray(4);
                    changes.add(new Change(storyId(rows.getLong(1)), rows.getBoolean(2), micros(rows, 3),
                            lexemes == null ? new String[0] : (String[]) lexemes.getArray(), rows.getString(5)));
                }
            }
        }
        apply(before, version, readAt, changes);
    }

    /**
     * The changes applied to what is known and to every set kept, all at the new version. Searches go on reading
     * what was known until the new order is in place: each takes what is known once, and nothing it reads is
     * changed. The order is changed where the changed stories were and are now ({@link PublicOrder#changed});
     * a set shares every part of it no changed story was or is in ({@link StorySet#changed}).
     */
    private synchronized void apply(PublicOrder before, long version, long readAt, List<Change> changes) {
        if (known != before) {
            return; // read afresh meanwhile
        }
        PublicOrder after;
        try {
            after = before.changed(version, readAt, changes.stream()
                    .map(change -> change.isPublic() ? new PublicOrder.Change(change.id(), change.micros()) : PublicOrder.Change.notPublic(change.id()))
                    .toList());
        } catch (IllegalStateException e) { // what is known disagrees with itself: never expected, but read afresh then
            LOG.warnf("The public order in memory could not be brought up to date (%s); it is read afresh", e.getMessage());
            holders.clear();
            known = null;
            return;
        }
        RoaringBitmap changed = new RoaringBitmap();
        Map<String, RoaringBitmap> added = new HashMap<>();
        for (Change change : changes) {
            changed.add(change.id());
            if (change.isPublic()) {
                for (String lexeme : change.lexemes()) {
                    added.computeIfAbsent(lexeme, l -> new RoaringBitmap()).add(change.id());
                }
                added.computeIfAbsent(LANGUAGE + change.language(), l -> new RoaringBitmap()).add(change.id());
            }
        }
        RoaringBitmap none = new RoaringBitmap();
        holders.replaceAll((lexeme, held) -> {
            RoaringBitmap more = added.getOrDefault(lexeme, none);
            if (held.sinceMicros != PublicOrder.EVERY_STORY && !more.isEmpty()) { // a set of the newest: only stories as new
                RoaringBitmap newer = new RoaringBitmap();
                more.forEach((int id) -> {
                    if (after.micros(id) >= held.sinceMicros) {
                        newer.add(id);
                    }
                });
                more = newer;
            }
            return new Holders(version, held.ids.changed(changed, more), held.sinceMicros, held.lastUsed);
        });
        known = after;
    }

    /** Sets of the newest stories made over a smaller window, and for fewer stories (tests); every set let go. */
    synchronized void windowForTests(int window, int wholeMax) {
        this.window = window;
        this.wholeMax = wholeMax;
        holders.clear();
    }

    /** What memory holds, as gauges beside the searches counted by where they were answered (ops.NewsroomMetrics). */
    @PostConstruct
    void gauges() {
        Gauge.builder("copydesk.search.memory.words", holders, Map::size)
                .description("Searched words whose public stories are held in memory").register(registry);
        Gauge.builder("copydesk.search.memory", this, PublicMatches::bytesHeld).baseUnit("bytes")
                .description("Memory taken by the sets of public stories holding searched words").register(registry);
    }

    private double bytesHeld() {
        return holders.values().stream().mapToLong(h -> SET_OVERHEAD_BYTES + h.ids.bytes()).sum();
    }

    @PreDestroy
    void stop() {
        refreshes.stop();
        wordReads.stop();
    }
}
