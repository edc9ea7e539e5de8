package org.copydesk.distribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.copydesk.story.Story;

/** The stories the API gives: published ones to anyone, the rest only to a token that may read drafts. */
@ApplicationScoped
public class ApiStories {

    /** What a list may be narrowed to; null where not asked. Slugs for section, tag and author, as in public addresses. */
    public record Filter(String section, String tag, String author, String language, Instant since) {
    }

    /** A page of a list, and where the next one starts (null on the last page). */
    public record Page(List<Story> stories, ApiCursor next) {
    }

    /** A published story (not a pending update, which readers do not see). */
    public Optional<Story> published(long id) {
        return Story.<Story>findByIdOptional(id).filter(Story::isPublished);
    }

    /** Any story but a pending update: for a token that may read drafts. */
    public Optional<Story> any(long id) {
        return Story.<Story>findByIdOptional(id);
    }

    /**
     * Published stories, newest first publication first (the site's lists' order, on its index), narrowed by
     * {@code filter}. "Changed since" keeps the stories whose last public change (publication, update or correction:
     * {@link Story#lastChange}; for live coverage, an entry or its end) is at or after it: a client that keeps the time it last asked gets every story changed
     * meanwhile, however old; what was unpublished meanwhile the webhooks tell.
     */
    public Page published(Filter filter, ApiCursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select s.id, s.first_published_at from story s
                where s.state = 'PUBLISHED' and s.update_of is null""");
        List<Object> values = new ArrayList<>();
        if (filter.section() != null) {
            sql.append(" and s.section_id = (select id from section where slug = ?)");
            values.add(filter.section());
        }
        if (filter.tag() != null) {
            sql.append(" and exists (select 1 from story_tag st join tag t on t.id = st.tag_id where st.story_id = s.id and t.slug = ?)");
            values.add(filter.tag());
        }
        if (filter.author() != null) {
            sql.append(" and exists (select 1 from story_byline b join author a on a.id = b.author_id where b.story_id = s.id and a.slug = ?)");
            values.add(filter.author());
        }
        if (filter.language() != null) {
            sql.append(" and lower(s.language) = lower(?)");
            values.add(filter.language());
        }
        if (filter.since() != null) {
            // A live story changes with its entries too (posted, corrected, deleted) and when its coverage ends.
            sql.append(" and greatest(coalesce(s.last_published_at, s.first_published_at),"
                    + " (select max(c.created_at) from story_correction c where c.story_id = s.id), s.live_ended_at,"
                    + " (select max(greatest(e.posted_at, e.corrected_at, e.deleted_at)) from live_entry e where e.story_id = s.id)) >= ?");
            values.add(filter.since());
        }
        if (after != null) {
            sql.append(" and (s.first_published_at, s.id) < (?, ?)");
            values.add(after.at());
            values.add(after.id());
        }
        sql.append(" order by s.first_published_at desc, s.id desc limit ?");
        values.add(limit + 1);
        return page(sql.toString(), values, limit);
    }

    /** Stories not published (drafts, in review, scheduled), last saved first: for a token that may read drafts. */
    public Page unpublished(ApiCursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select s.id, s.updated_at from story s
                where s.state <> 'PUBLISHED' and s.update_of is null and s.updated_at is not null""");
        List<Object> values = new ArrayList<>();
        if (after != null) {
            sql.append(" and (s.updated_at, s.id) < (?, ?)");
            values.add(after.at());
            values.add(after.id());
        }
        sql.append(" order by s.updated_at desc, s.id desc limit ?");
        values.add(limit + 1);
        return page(sql.toString(), values, limit);
    }

    /** One query for the ids in order (one row more than a page: is there a next?), one for the stories. */
    @SuppressWarnings("unchecked")
    private static Page page(String sql, List<Object> values, int limit) {
        Query query = Story.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        List<Object[]> rows = query.getResultList();
        List<Long> ids = rows.stream().limit(limit).map(row -> ((Number) row[0]).longValue()).toList();
        Map<Long, Story> byId = Story.byIds(ids);
        List<Story> stories = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        ApiCursor next = null;
        if (rows.size() > limit) {
            Object[] last = rows.get(limit - 1);
            next = new ApiCursor(org.copydesk.web.Times.fromColumn(last[1]), ((Number) last[0]).longValue());
        }
        return new Page(stories, next);
    }
}
