package org.copydesk.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.language.Language;
import org.copydesk.language.Languages;
import org.copydesk.ops.RoutedConnections;
import org.copydesk.site.SiteInfo;
import org.copydesk.story.Story;
import org.copydesk.story.StoryState;
import org.copydesk.story.StoryStored;
import org.hibernate.SessionFactory;
import org.hibernate.stat.spi.StatisticsImplementor;
import org.jboss.logging.Logger;

/**
 * PostgreSQL full-text search over stories: websearch syntax ("quoted phrases", -exclusions),
 * headline matches ranked first, recent stories favoured, highlighted snippets. Readers' searches
 * only ever see published stories.
 */
@ApplicationScoped
public class StorySearch {

    public static final int PAGE_SIZE = 20;

    /**
     * One result, with what a results list shows (read with the ranking, so no story is loaded whole): its
     * public address (null before it is first published), state, section, first publication, and a snippet
     * whose matches are wrapped in mark elements (escaped HTML).
     */
    public record Hit(long id, String headline, String standfirst, String url, StoryState state, String sectionName,
                      Instant publishedAt, String snippetHtml, Language language) {
    }

    /**
     * What to search: words typed, optional filters, and the stories' language: a tag of the newsroom's languages,
     * {@link #ALL_LANGUAGES}, or null or empty for the site's own (readers' searches; the desk searches every language).
     */
    public record Query(String text, String sectionSlug, String authorSlug, int page, String language) {

        /** The language choice that searches stories in every language. */
        public static final String ALL_LANGUAGES = "all";

        /** In the site's own language. */
        public Query(String text, String sectionSlug, String authorSlug, int page) {
            this(text, sectionSlug, authorSlug, page, null);
        }

        public boolean isEmpty() {
            return text == null || text.isBlank();
        }

        public boolean allLanguages() {
            return ALL_LANGUAGES.equals(language);
        }
    }

    /** Told of every save and move by the story's event, in its transaction. */
    void stored(@Observes StoryStored stored) {
        index(stored.story());
    }

    /** Recomputes a story's stored search vector and the smaller one its rank is read from (after every save or move). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Story story) {
        Panache.getEntityManager().flush();
        // In the story's own language's folded configuration (V27).
        Panache.getEntityManager().createNativeQuery("update story set search_vector = v.v, "
                + "rank_vector = copydesk_story_rank_vector(v.v, body_text, copydesk_search_config(language)) "
                + "from (select copydesk_story_search_vector(?1) v) v where id = ?1").setParameter(1, story.id).executeUpdate();
    }

    /** Published stories only: what readers may find. */
    public List<Hit> published(Query query) {
        return run(query, true);
    }

    /** Every story, any state: the desk's own search. */
    public List<Hit> everything(Query query) {
        return run(query, false);
    }

    /**
     * How many of the most recent matches are ranked (five pages of results). Finding and ranking them is
     * most of a search's cost, in proportion (docs/performance.md).
     */
    static final int CANDIDATES = 100;
    private static final Logger LOG = Logger.getLogger(StorySearch.class);
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\": ([0-9.e+]+)");

    @Inject
    PublicationLadder ladder;

    @Inject
    SearchTurns turns;

    @Inject
    PublicMatches matches;

    @Inject
    org.copydesk.ops.NewsroomMetrics metrics;

    @Inject
    RoutedConnections connections;

    @Inject
    SessionFactory sessions;

    @Inject
    SiteInfo site;

    private List<Hit> run(Query query, boolean publishedOnly) {
        if (query.isEmpty()) {
            return List.of();
        }
        SearchScope scope = publishedOnly ? scope(query) : SearchScope.every(site.languages());
        return turns.inTurn(() -> runNow(query, scope, publishedOnly));
    }

    /**
     * Readers' stories by language: the one chosen (a tag of the newsroom's languages), every language, or the
     * site's own when none is (or one it does not write in: the search resource says so to the reader).
     */
    SearchScope scope(Query query) {
        if (query.allLanguages()) {
            return SearchScope.every(site.languages());
        }
        String tag = query.language() == null ? "" : query.language().strip();
        return SearchScope.of(site.languages().stream().filter(language -> language.tag().equalsIgnoreCase(tag)).findFirst()
                .orElse(site.language()));
    }

    private List<Hit> runNow(Query query, SearchScope scope, boolean publishedOnly) {
        String text = query.text().strip();
        // Plain JDBC on a connection of its own (the replica's for a reader, see ops.ReadRouting), outside Hibernate
        // and a JTA transaction: a search from memory is one statement; Hibernate's queries cost a fifth of a
        // search's time in the app, and its session and transaction around plain statements a tenth
        // (docs/performance.md).
        return onAConnection(connection -> publishedOnly ? publicPage(connection, query, scope, text)
                : inTransaction(connection, () -> page(connection, query, scope, text, null, null).hits()));
    }

    /** Work on a connection of its own from the request's database, closed after; a database error as unchecked. */
    private <T> T onAConnection(ConnectionWork<T> work) {
        try (Connection connection = connections.connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Searching failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A unit of work the planner's settings must last through (set_config(..., true) ends with the transaction). */
    private static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private StatisticsImplementor statistics() {
        return (StatisticsImplementor) sessions.getStatistics();
    }

    /**
     * Readers' page of results, its candidates found the cheapest way for the words typed ({@link CandidatePlan}).
     * PostgreSQL's planner knows the share of stories that match from the text index's statistics, but prices
     * checking a story's words as nearly free, so left alone it walks the newest stories for rare words too
     * (0.4 s); here its estimate is asked for, the way chosen, and the planner held to it for the batch.
     */
    private List<Hit> publicPage(Connection connection, Query query, SearchScope scope, String text) throws SQLException {
        Optional<List<Hit>> fromMemory = isBlank(query.sectionSlug()) && isBlank(query.authorSlug())
                ? fromMemory(connection, query, scope, text) : Optional.empty();
        metrics.searchAnswered(fromMemory.isPresent() ? "memory" : "database");
        if (fromMemory.isPresent()) {
            return fromMemory.get();
        }
        PublicationLadder.Rungs rungs = ladder.current();
        double estimate = estimatedMatches(connection, scope, text);
        CandidatePlan plan = rungs == null ? CandidatePlan.choose(estimate, storyCount(connection), -1)
                : CandidatePlan.choose(estimate, rungs.stories(), rungs.publicStories());
        return inTransaction(connection, () -> publicPage(connection, query, scope, text, plan, rungs));
    }

    /**
     * Readers' page of results when its candidates can be found in memory ({@link PublicMatches}): then one
     * statement ranks and shows them, and checks the words are what the database makes of the text too.
     */
    Optional<List<Hit>> fromMemory(Connection connection, Query query, SearchScope scope, String text) throws SQLException {
        Optional<PublicMatches.Found> found = matches.newest(text, CANDIDATES, scope);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.get().ids().length == 0) {
            return Optional.of(List.of());
        }
        List<Object> params = new ArrayList<>();
        params.add(connection.createArrayOf("bigint", Arrays.stream(found.get().ids()).boxed().toArray()));
        // One statement, planned by PostgreSQL (finding 100 stories by id is cheap whatever it chooses). The stories
        // must still be public on the page's database (memory may be a few milliseconds behind an unpublication).
        Page page = page(connection, query, scope, text, "", "select ?::bigint[]", " and s.state = 'PUBLISHED' and s.update_of is null", params);
        if (!page.hits().isEmpty() && !page.lexemes().equals(found.get().lexemes())) {
            LOG.warnf("Search words read as %s in memory and %s by the database; searching the database", found.get().lexemes(), page.lexemes());
            return Optional.empty();
        }
        return Optional.of(page.hits());
    }

    /** Readers' search of memory only (tests): empty when memory cannot answer. */
    Optional<List<Hit>> fromMemory(Query query) {
        return onAConnection(connection -> fromMemory(connection, query, scope(query), query.text().strip()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Readers' page of results found from a given plan and ladder (tests: every way must find the same). */
    List<Hit> publicPage(Query query, CandidatePlan plan, PublicationLadder.Rungs rungs) {
        return onAConnection(connection -> inTransaction(connection, () -> publicPage(connection, query, scope(query), query.text().strip(), plan, rungs)));
    }

    private List<Hit> publicPage(Connection connection, Query query, SearchScope scope, String text, CandidatePlan plan,
                                        PublicationLadder.Rungs rungs) throws SQLException {
        while (true) {
            OptionalLong since = plan.way() == CandidatePlan.Way.WINDOW ? rungs.publishedSinceMicros(plan.newest()) : OptionalLong.empty();
            if (plan.way() == CandidatePlan.Way.WINDOW && since.isEmpty()) {
                plan = CandidatePlan.INDEX;
            }
            Page page = page(connection, query, scope, text, plan.way(), since.isPresent() ? since.getAsLong() : null);
            // A window that held fewer than the candidates wanted may have missed older matches (an empty page
            // says nothing of how many there were): it is widened and the search run again.
            if (plan.way() != CandidatePlan.Way.WINDOW || page.candidates() >= CANDIDATES) {
                return page.hits();
            }
            plan = plan.widened(rungs.publicStories());
        }
    }

    private double estimatedMatches(Connection connection, SearchScope scope, String text) throws SQLException {
        try (Prepared explain = Prepared.on(connection, "explain (format json) select 1 from story s "
                + "where s.search_vector @@ " + scope.tsquery() + " " + scope.languageFilter(), statistics())) {
            List<Object> params = new ArrayList<>();
            scope.addText(params, text);
            scope.addLanguage(params);
            for (int i = 0; i < params.size(); i++) {
                explain.statement().setObject(i + 1, params.get(i));
            }
            try (ResultSet plan = explain.statement().executeQuery()) {
                Matcher rows = PLAN_ROWS.matcher(plan.next() ? plan.getString(1) : "");
                return rows.find() ? Double.parseDouble(rows.group(1)) : 0; // the plan's top node: every match
            }
        }
    }

    private double storyCount(Connection connection) throws SQLException {
        try (Prepared count = Prepared.on(connection, "select reltuples from pg_class where oid = 'story'::regclass", statistics());
             ResultSet row = count.statement().executeQuery()) {
            return row.next() ? row.getDouble(1) : 0;
        }
    }

    /**
     * One page of hits, how many candidates were ranked for it (0 when the page is past the last), and the
     * query's lexemes as the database has them (none when the page is empty).
     */
    private record Page(List<Hit> hits, int candidates, Set<String> lexemes) {
    }

    /**
     * One page of results, in one batch sent at once: the planner held to a way of finding candidates (null:
     * the desk's search, left to the planner), then the newest {@link #CANDIDATES} matches, ranked, with what a
     * list of results shows. Readers' candidates are public stories, published since a time when one is given;
     * the desk's are any story's. Ranked by weighted rank (headline A counts most; read from the small rank
     * vector, V15), gently favouring recent stories (halved after ~90 days); with each the opening of its plain
     * text and the query's words as the index has them, for its snippet ({@link Snippet}). The text is cut
     * outside the ranking: an expression in it would be worked out for every candidate, each text read and
     * decompressed, not only for the page's twenty.
     */
    private Page page(Connection connection, Query query, SearchScope scope, String text, CandidatePlan.Way way,
                      Long publishedSinceMicros) throws SQLException {
        List<Object> params = new ArrayList<>();
        String candidates = "select array(" + newestMatches(query, scope, text, way, publishedSinceMicros, params) + ")";
        return page(connection, query, scope, text, holdPlannerTo(way), candidates, "", params);
    }

    /**
     * One page of results from the planner's settings (a statement, or none), a select of the candidates' ids
     * as an array, what a candidate must also be (SQL on story s, or nothing), and the parameters.
     */
    private Page page(Connection connection, Query query, SearchScope scope, String text, String planner, String candidatesArray,
                             String alsoWhere, List<Object> params) throws SQLException {
        String sql = planner + "with candidates(ids) as materialized (" + candidatesArray
                + ") select id, headline, standfirst, public_path, state, section_name, first_published_at, "
                + "coalesce((select o.opening from story_opening o where o.story_id = ranked.id), left(body_text, " + Snippet.TEXT_CHARS + ")), "
                + "words, candidates, language from ("
                + "select s.id, s.headline, s.standfirst, s.public_path, s.state, section.name section_name, "
                + "s.first_published_at, s.body_text, querytree(q.q) words, cardinality(c.ids) candidates, s.language, "
                + "ts_rank(s.rank_vector, q.q, 1) / (1 + extract(epoch from (now() - "
                + "coalesce(s.first_published_at, s.updated_at))) / 7776000.0) rank "
                + "from candidates c cross join " + scope.tsqueryFromItem() + " q(q) "
                + "join story s on s.id = any(c.ids)" + alsoWhere + " left join section on section.id = s.section_id "
                + "order by rank desc, s.id desc "
                + "limit " + PAGE_SIZE + " offset " + Math.max(0, query.page() - 1) * PAGE_SIZE + ") ranked order by rank desc, id desc";
        scope.addText(params, text);
        try (Prepared prepared = Prepared.on(connection, sql, statistics())) {
            PreparedStatement batch = prepared.statement();
            for (int i = 0; i < params.size(); i++) {
                batch.setObject(i + 1, params.get(i));
            }
            batch.execute(); // the planner settings' row, then the page's
            if (!planner.isEmpty() && !batch.getMoreResults()) {
                throw new SQLException("The search's batch returned no page");
            }
            List<Hit> hits = new ArrayList<>();
            int candidates = 0;
            Set<String> lexemes = Set.of();
            try (ResultSet rows = batch.getResultSet()) {
                // One snippet maker per language on the page: each stems the story's words as its language's are.
                Map<String, Snippet> snippets = new HashMap<>();
                while (rows.next()) {
                    if (snippets.isEmpty()) {
                        lexemes = Snippet.lexemes(rows.getString(9));
                        candidates = rows.getInt(10);
                    }
                    Language language = Languages.of(rows.getString(11));
                    Set<String> words = lexemes;
                    Snippet snippet = snippets.computeIfAbsent(language.primary(), primary -> Snippet.forLexemes(words, language));
                    Timestamp published = rows.getTimestamp(7);
                    hits.add(new Hit(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            StoryState.valueOf(rows.getString(5)), rows.getString(6), published == null ? null : published.toInstant(),
                            snippet.html(rows.getString(8)), language));
                }
            }
            return new Page(hits, candidates, lexemes);
        }
    }

    /**
     * The statement that holds the planner to a way of finding readers' candidates, for the batch it opens
     * (set_config(..., true) lasts until the end of the transaction, and the batch is sent as one). Also: no
     * JIT compilation (a way held to costs the others a "disabled" price so high that PostgreSQL would spend
     * 20 to 100 ms compiling the query). Each way has its own statement text ({@link #newestMatches}); a
     * window's time is written into its text, so its plan is made afresh for that time (a kept plan, made
     * without knowing the time, may not use the publication-time index).
     */
    private static String holdPlannerTo(CandidatePlan.Way way) {
        if (way == null) { // the desk's search over every story: PostgreSQL chooses, but compiles nothing
            return "select set_config('jit', 'off', true);\n";
        }
        String off = "'off', true";
        String on = "'on', true";
        return "select set_config('jit', 'off', true), "
                + "set_config('enable_indexscan', " + (way == CandidatePlan.Way.WALK ? on : off) + "), "
                + "set_config('enable_bitmapscan', " + (way == CandidatePlan.Way.WALK ? off : on) + "), "
                + "set_config('enable_seqscan', " + (way == CandidatePlan.Way.WINDOW ? off : on) + ");\n";
    }

    /**
     * The select of the newest CANDIDATES matches' ids, newest first: readers' (public stories) when a way is
     * given, published since a time when one is given; any story's (the desk's) when the way is null. Adds
     * its parameters, in order.
     */
    private static String newestMatches(Query query, SearchScope scope, String text, CandidatePlan.Way way, Long publishedSinceMicros,
                                        List<Object> params) {
        boolean publishedOnly = way != null;
        // Readers' stories all have a publication time, which the public-story index orders.
        String newestFirst = publishedOnly ? "s.first_published_at desc" : "coalesce(s.first_published_at, s.updated_at) desc";
        StringBuilder sql = new StringBuilder("select s.id from story s where s.search_vector @@ " + scope.tsquery() + " "
                + scope.languageFilter() + "and s.update_of is null ");
        scope.addText(params, text);
        scope.addLanguage(params);
        if (publishedOnly) {
            sql.append("and s.state = 'PUBLISHED' ");
        }
        if (publishedSinceMicros != null) { // a number, written in (see holdPlannerTo)
            sql.append("and s.first_published_at >= timestamptz 'epoch' + ").append(publishedSinceMicros.longValue())
                    .append(" * interval '1 microsecond' ");
        }
        if (query.sectionSlug() != null && !query.sectionSlug().isBlank()) {
            params.add(query.sectionSlug());
            sql.append("and s.section_id = (select id from section where slug = ?) ");
        }
        if (query.authorSlug() != null && !query.authorSlug().isBlank()) {
            params.add(query.authorSlug());
            sql.append("and exists (select 1 from story_byline b join author a on a.id = b.author_id where b.story_id = s.id "
                    + "and a.slug = ?) ");
        }
        sql.append("order by ").append(newestFirst).append(" limit ").append(CANDIDATES);
        if (way != null) {
            sql.append(" /* ").append(way.name().toLowerCase(java.util.Locale.ROOT)).append(" */");
        }
        return sql.toString();
    }
}
