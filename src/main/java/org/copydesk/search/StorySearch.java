package org.copydesk.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.copydesk.story.Story;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * PostgreSQL full-text search over stories: websearch syntax ("quoted phrases", -exclusions),
 * headline matches ranked first, recent stories favoured, highlighted snippets. Readers' searches
 * only ever see published stories.
 */
@ApplicationScoped
public class StorySearch {

    public static final int PAGE_SIZE = 20;
    private static final String START = "\uE000";
    private static final String STOP = "\uE001";

    /** One result: the story and a snippet whose matches are wrapped in mark elements (escaped HTML). */
    public record Hit(Story story, String snippetHtml) {
    }

    /** What to search: words typed, and optional filters. */
    public record Query(String text, String sectionSlug, String authorSlug, int page) {
        public boolean isEmpty() {
            return text == null || text.isBlank();
        }
    }

    /** Recomputes a story's stored search vector (after every save or move). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Story story) {
        Panache.getEntityManager().flush();
        Panache.getEntityManager().createNativeQuery("update story set search_vector = copydesk_story_search_vector(id) where id = ?1")
                .setParameter(1, story.id).executeUpdate();
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

    static final int SNIPPET_WINDOW = 3000;
    /**
     * How many of the most recent matches are ranked (five pages of results). Finding and ranking them is
     * most of a search's cost, in proportion: 200 made a search at 100,000 stories cost about 15 ms of
     * database time (docs/performance.md).
     */
    static final int CANDIDATES = 100;
    /**
     * Checking one story's words while walking costs about this many times a text-index hit (measured at
     * 100,000 stories: 4.5 µs a row walked, 1.8 µs a match through the index).
     */
    static final double WALK_COST_RATIO = 2.5;
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\": ([0-9.e+]+)");

    /**
     * The candidates are the most recent matches, found one of two ways. Walking the newest stories until
     * enough match costs CANDIDATES / share rows (cheap for words in many stories); the text index costs a
     * row per match (cheap for rare words). PostgreSQL's planner knows the share from the index statistics
     * but prices checking a story's words as nearly free, so it walks for rare words too; here its estimate
     * is asked for, then the cheaper way is chosen, for this transaction only.
     */
    private void chooseWayToCandidates(String text) {
        var em = Panache.getEntityManager();
        String plan = String.valueOf(em.createNativeQuery("explain (format json) select 1 from story s "
                + "where s.search_vector @@ websearch_to_tsquery('english', ?1)").setParameter(1, text).getSingleResult());
        Matcher rows = PLAN_ROWS.matcher(plan);
        double matches = rows.find() ? Double.parseDouble(rows.group(1)) : 0; // the plan's top node: every match
        double all = Math.max(1, ((Number) em.createNativeQuery("select reltuples from pg_class where oid = 'story'::regclass")
                .getSingleResult()).doubleValue());
        double share = Math.min(1, matches / all);
        boolean walk = share > 0 && WALK_COST_RATIO * CANDIDATES / share < share * all;
        em.createNativeQuery(walk ? "set local enable_bitmapscan = off" : "set local enable_indexscan = off").executeUpdate();
    }

    private List<Hit> run(Query query, boolean publishedOnly) {
        if (query.isEmpty()) {
            return List.of();
        }
        // Readers' stories all have a publication time, which the (state, first_published_at) index orders.
        String newestFirst = publishedOnly ? "s.first_published_at desc" : "coalesce(s.first_published_at, s.updated_at) desc";
        // The snippet comes from the first SNIPPET_WINDOW characters of the text (about 450 words, half a
        // typical story): reading whole bodies was two thirds of a search's time. A match further down
        // shows the story's opening instead.
        StringBuilder sql = new StringBuilder("select s.id, ts_headline('english', left(s.body_text, " + SNIPPET_WINDOW + "), q.q, "
                + "'StartSel=" + START + ", StopSel=" + STOP + ", MaxFragments=2, MinWords=8, MaxWords=25') "
                + "from (select s.id from story s where s.search_vector @@ websearch_to_tsquery('english', ?1) "
                + "and s.update_of is null ");
        List<Object> params = new ArrayList<>();
        params.add(query.text().strip());
        if (publishedOnly) {
            sql.append("and s.state = 'PUBLISHED' ");
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
        sql.append("order by ").append(newestFirst).append(" limit ").append(CANDIDATES).append(") c ");
        sql.append("join story s on s.id = c.id cross join websearch_to_tsquery('english', ?1) q(q) ");
        // Weighted rank (headline A counts most), gently favouring recent stories: halved after ~90 days.
        sql.append("order by ts_rank(s.search_vector, q.q, 1) / (1 + extract(epoch from (now() - "
                + "coalesce(s.first_published_at, s.updated_at))) / 7776000.0) desc, s.id desc ");
        sql.append("limit ").append(PAGE_SIZE).append(" offset ").append(Math.max(0, query.page() - 1) * PAGE_SIZE);
        // The way chosen holds for a transaction only (SET LOCAL), so the ranking runs in one; the stories
        // are then loaded where the caller is, for the page to read.
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> {
            if (publishedOnly) {
                chooseWayToCandidates(query.text().strip());
            }
            var nativeQuery = Panache.getEntityManager().createNativeQuery(sql.toString());
            for (int i = 0; i < params.size(); i++) {
                nativeQuery.setParameter(i + 1, params.get(i));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> found = nativeQuery.getResultList();
            return found;
        });
        // One query for all the stories found (not one each), kept in the ranking's order.
        List<Long> ids = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
        java.util.Map<Long, Story> byId = Story.byIds(ids);
        List<Hit> hits = new ArrayList<>();
        for (Object[] row : rows) {
            Story story = byId.get(((Number) row[0]).longValue());
            if (story != null) {
                hits.add(new Hit(story, snippet((String) row[1])));
            }
        }
        return hits;
    }

    /** The snippet as safe HTML: all text escaped, then only the match markers turned into mark elements. */
    static String snippet(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Jsoup.parseBodyFragment(raw).text();
        return Entities.escape(text).replace(START, "<mark>").replace(STOP, "</mark>");
    }
}
