package org.copydesk.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.story.Story;
import org.copydesk.story.StoryState;

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
                      Instant publishedAt, String snippetHtml) {
    }

    /** What to search: words typed, and optional filters. */
    public record Query(String text, String sectionSlug, String authorSlug, int page) {
        public boolean isEmpty() {
            return text == null || text.isBlank();
        }
    }

    /** Recomputes a story's stored search vector and the smaller one its rank is read from (after every save or move). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Story story) {
        Panache.getEntityManager().flush();
        Panache.getEntityManager().createNativeQuery("update story set search_vector = v.v, rank_vector = copydesk_story_rank_vector(v.v, body_text) "
                + "from (select copydesk_story_search_vector(?1) v) v where id = ?1").setParameter(1, story.id).executeUpdate();
    }

    /** Published stories only: what readers may find. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Hit> published(Query query) {
        return run(query, true);
    }

    /** Every story, any state: the desk's own search. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Hit> everything(Query query) {
        return run(query, false);
    }

    /**
     * How many of the most recent matches are ranked (five pages of results). Finding and ranking them is
     * most of a search's cost, in proportion (docs/performance.md).
     */
    static final int CANDIDATES = 100;
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\": ([0-9.e+]+)");

    @Inject
    PublicationLadder ladder;

    @Inject
    SearchTurns turns;

    private List<Hit> run(Query query, boolean publishedOnly) {
        if (query.isEmpty()) {
            return List.of();
        }
        return turns.inTurn(() -> runNow(query, publishedOnly));
    }

    private List<Hit> runNow(Query query, boolean publishedOnly) {
        String text = query.text().strip();
        // The planner settings hold for a transaction only (set_config(..., true) is SET LOCAL), so finding
        // and ranking run in one; the ranking reads what a list of results shows, no story is loaded whole.
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> {
            List<Long> candidates;
            if (publishedOnly) {
                candidates = newestPublicMatches(query, text);
            } else {
                holdPlannerTo(null);
                candidates = newestMatches(query, text, null, null);
            }
            return candidates.isEmpty() ? List.<Object[]>of() : rankedPage(text, candidates, query.page());
        });
        List<Hit> hits = new ArrayList<>();
        Snippet snippet = rows.isEmpty() ? null : Snippet.forQueryTree((String) rows.get(0)[8]);
        for (Object[] row : rows) {
            hits.add(new Hit(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                    StoryState.valueOf((String) row[4]), (String) row[5], instant(row[6]), snippet.html((String) row[7])));
        }
        return hits;
    }

    /**
     * Readers' candidates, found the cheapest way for the words typed ({@link CandidatePlan}). PostgreSQL's
     * planner knows the share of stories that match from the text index's statistics, but prices checking a
     * story's words as nearly free, so left alone it walks the newest stories for rare words too (0.4 s);
     * here its estimate is asked for, the way chosen, and the planner held to it for this transaction.
     */
    private List<Long> newestPublicMatches(Query query, String text) {
        PublicationLadder.Rungs rungs = ladder.current();
        double estimate = estimatedMatches(text);
        CandidatePlan plan = rungs == null ? CandidatePlan.choose(estimate, storyCount(), -1)
                : CandidatePlan.choose(estimate, rungs.stories(), rungs.publicStories());
        return newestPublicMatches(query, text, plan, rungs);
    }

    /** Readers' candidates found from a given plan and ladder (tests: every way must find the same). */
    List<Long> publicCandidates(Query query, CandidatePlan plan, PublicationLadder.Rungs rungs) {
        return QuarkusTransaction.joiningExisting().call(() -> newestPublicMatches(query, query.text().strip(), plan, rungs));
    }

    private List<Long> newestPublicMatches(Query query, String text, CandidatePlan plan, PublicationLadder.Rungs rungs) {
        while (true) {
            OptionalLong since = plan.way() == CandidatePlan.Way.WINDOW ? rungs.publishedSinceMicros(plan.newest()) : OptionalLong.empty();
            if (plan.way() == CandidatePlan.Way.WINDOW && since.isEmpty()) {
                plan = CandidatePlan.INDEX;
            }
            holdPlannerTo(plan.way());
            List<Long> found = newestMatches(query, text, plan.way(), since.isPresent() ? since.getAsLong() : null);
            if (plan.way() != CandidatePlan.Way.WINDOW || found.size() >= CANDIDATES) {
                return found;
            }
            plan = plan.widened(rungs.publicStories());
        }
    }

    private static double estimatedMatches(String text) {
        String plan = String.valueOf(Panache.getEntityManager().createNativeQuery("explain (format json) select 1 from story s "
                + "where s.search_vector @@ websearch_to_tsquery('english', ?1)").setParameter(1, text).getSingleResult());
        Matcher rows = PLAN_ROWS.matcher(plan);
        return rows.find() ? Double.parseDouble(rows.group(1)) : 0; // the plan's top node: every match
    }

    private static double storyCount() {
        return ((Number) Panache.getEntityManager().createNativeQuery("select reltuples from pg_class where oid = 'story'::regclass")
                .getSingleResult()).doubleValue();
    }

    /**
     * Holds the planner to a way of finding readers' candidates (null: the desk's search, left to the planner),
     * for this transaction. Also: no JIT compilation (a
     * way held to costs the others a "disabled" price so high that PostgreSQL would spend 20 to 100 ms
     * compiling the query). Each way has its own statement text ({@link #newestMatches}), so a plan the
     * connection keeps for a statement was made under that way; a window's time is written into its text,
     * so its plan is made afresh for that time (a kept plan, made without knowing the time, may not use the
     * publication-time index), while the ranking that follows may use the plan its connection keeps.
     */
    private static void holdPlannerTo(CandidatePlan.Way way) {
        if (way == null) { // the desk's search over every story: PostgreSQL chooses, but compiles nothing
            Panache.getEntityManager().createNativeQuery("select set_config('jit', 'off', true)").getResultList();
            return;
        }
        String off = "'off', true";
        String on = "'on', true";
        Panache.getEntityManager().createNativeQuery("select set_config('jit', 'off', true), "
                + "set_config('enable_indexscan', " + (way == CandidatePlan.Way.WALK ? on : off) + "), "
                + "set_config('enable_bitmapscan', " + (way == CandidatePlan.Way.WALK ? off : on) + "), "
                + "set_config('enable_seqscan', " + (way == CandidatePlan.Way.WINDOW ? off : on) + ")").getResultList();
    }

    /**
     * The ids of the newest CANDIDATES matches, newest first: readers' (public stories) when a way is given,
     * published since a time when one is given; any story's (the desk's) when the way is null.
     */
    private static List<Long> newestMatches(Query query, String text, CandidatePlan.Way way, Long publishedSinceMicros) {
        boolean publishedOnly = way != null;
        // Readers' stories all have a publication time, which the public-story index orders.
        String newestFirst = publishedOnly ? "s.first_published_at desc" : "coalesce(s.first_published_at, s.updated_at) desc";
        StringBuilder sql = new StringBuilder("select s.id from story s where s.search_vector @@ websearch_to_tsquery('english', ?1) "
                + "and s.update_of is null ");
        List<Object> params = new ArrayList<>();
        params.add(text);
        if (publishedOnly) {
            sql.append("and s.state = 'PUBLISHED' ");
        }
        if (publishedSinceMicros != null) { // a number, written in (see holdPlannerTo)
            sql.append("and s.first_published_at >= timestamptz 'epoch' + ").append(publishedSinceMicros.longValue())
                    .append(" * interval '1 microsecond' ");
        }
        if (query.sectionSlug() != null && !query.sectionSlug().isBlank()) {
            params.add(query.sectionSlug());
            sql.append("and s.section_id = (select id from section where slug = ?").append(params.size()).append(") ");
        }
        if (query.authorSlug() != null && !query.authorSlug().isBlank()) {
            params.add(query.authorSlug());
            sql.append("and exists (select 1 from story_byline b join author a on a.id = b.author_id where b.story_id = s.id "
                    + "and a.slug = ?").append(params.size()).append(") ");
        }
        sql.append("order by ").append(newestFirst).append(" limit ").append(CANDIDATES);
        if (way != null) {
            sql.append(" /* ").append(way.name().toLowerCase(java.util.Locale.ROOT)).append(" */");
        }
        var nativeQuery = Panache.getEntityManager().createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            nativeQuery.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = nativeQuery.getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * One page of the candidates, ranked, with what a list of results shows: weighted rank (headline A counts
     * most; read from the small rank vector, V15), gently favouring recent stories (halved after ~90 days);
     * with each the opening of its plain text and the query's words as the index has them, for its snippet
     * ({@link Snippet}). The text is cut outside the ranking: an expression in it would be worked out for
     * every candidate, each text read and decompressed, not only for the page's twenty.
     */
    private static List<Object[]> rankedPage(String text, List<Long> candidates, int page) {
        String ids = candidates.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("select id, headline, standfirst, public_path, state, "
                + "section_name, first_published_at, left(body_text, " + Snippet.TEXT_CHARS + "), words from ("
                + "select s.id, s.headline, s.standfirst, s.public_path, s.state, section.name section_name, "
                + "s.first_published_at, s.body_text, querytree(q.q) words, "
                + "ts_rank(s.rank_vector, q.q, 1) / (1 + extract(epoch from (now() - "
                + "coalesce(s.first_published_at, s.updated_at))) / 7776000.0) rank from story s "
                + "left join section on section.id = s.section_id "
                + "cross join websearch_to_tsquery('english', ?1) q(q) "
                + "where s.id = any(cast(string_to_array(?2, ',') as bigint[])) "
                + "order by rank desc, s.id desc "
                + "limit " + PAGE_SIZE + " offset " + Math.max(0, page - 1) * PAGE_SIZE + ") ranked order by rank desc, id desc")
                .setParameter(1, text).setParameter(2, ids).getResultList();
        return rows;
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return (Instant) value;
    }
}
