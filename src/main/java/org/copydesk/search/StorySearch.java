package org.copydesk.search;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.Panache;
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

    /** How many of the most recent matches are ranked. */
    static final int CANDIDATES = 1000;

    private List<Hit> run(Query query, boolean publishedOnly) {
        if (query.isEmpty()) {
            return List.of();
        }
        // Ranking reads every matching story's vector, which for words common to the archive means most of
        // it; so only the CANDIDATES most recent matches are ranked (recent stories are favoured anyway).
        StringBuilder sql = new StringBuilder("with q as (select websearch_to_tsquery('english', ?1) q), "
                + "candidates as materialized (select s.id from story s, q where s.search_vector @@ q.q and s.update_of is null ");
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
        sql.append("order by coalesce(s.first_published_at, s.updated_at) desc limit ").append(CANDIDATES).append(") ");
        sql.append("select s.id, ts_headline('english', copydesk_html_text(s.body), q.q, "
                + "'StartSel=" + START + ", StopSel=" + STOP + ", MaxFragments=2, MinWords=8, MaxWords=25') "
                + "from candidates c join story s on s.id = c.id, q ");
        // Weighted rank (headline A counts most), gently favouring recent stories: halved after ~90 days.
        sql.append("order by ts_rank(s.search_vector, q.q, 1) / (1 + extract(epoch from (now() - "
                + "coalesce(s.first_published_at, s.updated_at))) / 7776000.0) desc, s.id desc ");
        sql.append("limit ").append(PAGE_SIZE).append(" offset ").append(Math.max(0, query.page() - 1) * PAGE_SIZE);
        var nativeQuery = Panache.getEntityManager().createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            nativeQuery.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nativeQuery.getResultList();
        // One query for all the stories found (not one each), kept in the ranking's order.
        List<Long> ids = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
        java.util.Map<Long, Story> byId = ids.isEmpty() ? java.util.Map.of() : Story.<Story>list("id in ?1", ids).stream()
                .collect(java.util.stream.Collectors.toMap(s -> s.id, s -> s));
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
