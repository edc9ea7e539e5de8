package org.copydesk.site;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;

import org.copydesk.web.CopydeskConfig;
import org.copydesk.web.Newsroom;
import org.copydesk.web.Times;

/**
 * What the sitemaps list, each read in one or two queries however large the archive: the index (stories by month,
 * the front and section pages, tag pages, author pages), a month's stories a page at a time, and the lists. A
 * month's stories, the tags and the authors are split into pages of {@code copydesk.sitemap.page-size} (50,000,
 * the protocol's limit), in an order that only grows at the end (publication, then id), so a page keeps its
 * contents as the archive grows.
 */
@ApplicationScoped
public class Sitemaps {

    /** One sitemap of the index: its name ({@code /sitemaps/{name}.xml}) and when what it lists last changed. */
    public record Child(String name, Instant lastmod) {
    }

    /** One list page in a sitemap: its path and when a story last joined it. */
    public record Listed(String path, Instant lastmod) {
    }

    @Inject
    CopydeskConfig config;

    @Inject
    PublicStories stories;

    int pageSize() {
        return config.sitemap().pageSize();
    }

    /** The index's sitemaps, the sections' first (it always lists the front page): four queries. */
    public List<Child> index() {
        List<Child> children = new ArrayList<>();
        children.add(new Child("sections", newest(sections())));
        for (Object[] row : rows(months())) {
            int page = ((Number) row[1]).intValue();
            children.add(new Child(named("stories-" + row[0], page), Times.fromColumn(row[2])));
        }
        addPages(children, "tags", "story_tag", "tag_id");
        addPages(children, "authors", "story_byline", "author_id");
        return children;
    }

    /**
     * The front page, then each section with something published, in the sections' order, each dated by its newest
     * story: a backward step down story_section_published_idx per section, however many stories it has.
     */
    public List<Listed> sections() {
        List<Listed> listed = new ArrayList<>();
        List<Object[]> rows = rows(Panache.getEntityManager().createNativeQuery("""
                select sec.slug, (select max(s.first_published_at) from story s where s.section_id = sec.id
                                  and s.state = 'PUBLISHED' and s.update_of is null) as newest
                from section sec order by sec.position, sec.id"""));
        for (Object[] row : rows) {
            if (row[1] != null) {
                listed.add(new Listed("/" + row[0], Times.fromColumn(row[1])));
            }
        }
        listed.add(0, new Listed("/", newest(listed)));
        return listed;
    }

    /** A page (from 1) of the month's stories, oldest first; empty past the end or in a month with none. */
    public List<SitemapEntry> storiesOf(YearMonth month, int page) {
        ZonedDateTime start = month.atDay(1).atStartOfDay(Newsroom.zone());
        return stories.publishedBetween(start.toInstant(), start.plusMonths(1).toInstant(), (page - 1) * pageSize(), pageSize());
    }

    /** A page (from 1) of the tags carried by a published story, by id, each dated by its newest story. */
    public List<Listed> tags(int page) {
        return listed("story_tag", "tag_id", "tag", "/tags/", page);
    }

    /** A page (from 1) of the authors with a byline on a published story, by id, each dated by its newest story. */
    public List<Listed> authors(int page) {
        return listed("story_byline", "author_id", "author", "/authors/", page);
    }

    /**
     * The months with published stories in the newsroom's time zone (as story addresses have their dates), split into
     * pages, each with its stories' last change (Story#lastChange: publication, update or correction). One pass
     * over the public stories and one over the corrections.
     */
    private Query months() {
        String local = local("s.first_published_at");
        return Panache.getEntityManager().createNativeQuery("""
                select t.month, (t.n - 1) / :size + 1 as page, max(t.changed)
                from (select to_char(%1$s, 'YYYY-MM') as month,
                             row_number() over (partition by to_char(%1$s, 'YYYY-MM') order by s.first_published_at, s.id) as n,
                             greatest(coalesce(s.last_published_at, s.first_published_at), c.at) as changed
                      from story s left join (select story_id, max(created_at) as at from story_correction group by story_id) c
                        on c.story_id = s.id
                      where s.state = 'PUBLISHED' and s.update_of is null) t
                group by t.month, page order by t.month, page""".formatted(local))
                .setParameter("size", pageSize()).setParameter("zone", zoneParameter());
    }

    /**
     * The story's time as a local time in the newsroom's zone. PostgreSQL reads a zone name as Java does; a fixed
     * offset is added as an interval instead, since PostgreSQL reads "+03:00" the POSIX way (three hours west).
     */
    private static String local(String column) {
        return Newsroom.zone().normalized() instanceof ZoneOffset
                ? "(" + column + " at time zone 'UTC' + make_interval(secs => :zone))"
                : "(" + column + " at time zone :zone)";
    }

    private static Object zoneParameter() {
        ZoneId zone = Newsroom.zone().normalized();
        return zone instanceof ZoneOffset offset ? (Object) (double) offset.getTotalSeconds() : zone.getId();
    }

    /**
     * The pages of a sitemap of tags or authors, when there are any: the owners listed on a published story
     * (V12's listed_at, set while the story is public), by id, a page's date its newest story's.
     */
    private void addPages(List<Child> children, String name, String table, String owner) {
        List<Object[]> pages = rows(Panache.getEntityManager().createNativeQuery("""
                select (t.n - 1) / :size + 1 as page, max(t.at)
                from (select row_number() over (order by %2$s) as n, max(listed_at) as at
                      from %1$s where listed_at is not null group by %2$s) t
                group by page order by page""".formatted(table, owner)).setParameter("size", pageSize()));
        for (Object[] row : pages) {
            children.add(new Child(named(name, ((Number) row[0]).intValue()), Times.fromColumn(row[1])));
        }
    }

    /** Through the partial index of V12 on (owner, listed_at): an index-only walk, no story read. */
    private List<Listed> listed(String table, String owner, String ownerTable, String prefix, int page) {
        List<Listed> listed = new ArrayList<>();
        List<Object[]> rows = rows(Panache.getEntityManager().createNativeQuery("""
                select o.slug, x.at from (select %2$s as id, max(listed_at) as at from %1$s where listed_at is not null
                                          group by %2$s order by %2$s offset :offset limit :size) x
                join %3$s o on o.id = x.id order by o.id""".formatted(table, owner, ownerTable))
                .setParameter("offset", (page - 1) * pageSize()).setParameter("size", pageSize()));
        for (Object[] row : rows) {
            listed.add(new Listed(prefix + row[0], Times.fromColumn(row[1])));
        }
        return listed;
    }

    /** A sitemap's name: page 1 has none of its number, so the address of a small archive's sitemap never changes. */
    static String named(String name, int page) {
        return page == 1 ? name : name + "-" + page;
    }

    private static Instant newest(List<Listed> listed) {
        return listed.stream().map(Listed::lastmod).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }
}
