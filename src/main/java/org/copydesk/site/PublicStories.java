package org.copydesk.site;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import org.copydesk.language.Language;
import org.copydesk.people.AuthorProfile;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.story.StoryRedirect;
import org.copydesk.story.StoryState;
import org.copydesk.story.Tag;

/** The reader's view of the archive: only published stories ever come out of here. */
@ApplicationScoped
public class PublicStories {

    /** Newest first; {@code page} counts from 1 and fetches one extra row to know if another page follows. */
    public List<Story> latest(int page, int size) {
        return latest(page, size, null);
    }

    /** Newest first, {@code count} from the {@code offset}-th (the front page's pages are not all one size). */
    public List<Story> latestAt(int offset, int count) {
        return Story.find("state = ?1 and updateOf is null order by firstPublishedAt desc, id desc", StoryState.PUBLISHED)
                .range(offset, offset + count - 1).list();
    }

    /** The same, of one language only when {@code language} is not null (a feed per language). */
    public List<Story> latest(int page, int size, Language language) {
        if (language == null) {
            return latestAt((page - 1) * size, size + 1);
        }
        return Story.find("state = ?1 and updateOf is null and language = ?2 order by firstPublishedAt desc, id desc",
                StoryState.PUBLISHED, language.tag()).range((page - 1) * size, page * size).list();
    }

    /** A front-page block: a section and its newest stories. */
    public record SectionBlock(Section section, List<Story> stories) {
    }

    /**
     * The newest {@code perSection} published stories of every section, in the sections' order, leaving out the
     * stories in {@code shown} (those the front page already has above its section blocks): two queries however
     * many sections there are; a section whose newest are all shown gets its next ones.
     */
    @SuppressWarnings("unchecked")
    public List<SectionBlock> sectionBlocks(int perSection, java.util.Collection<Long> shown) {
        // Per section, the index on (section_id, state, first_published_at) gives the newest at once,
        // however large the archive; the few stories shown are skipped on the way.
        String skipped = shown.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        List<Number> ids = Story.getEntityManager().createNativeQuery("""
                select newest.id from section sec cross join lateral (
                  select s.id from story s
                  where s.section_id = sec.id and s.state = 'PUBLISHED' and s.update_of is null
                    and s.id <> all(cast(string_to_array(:shown, ',') as bigint[]))
                  order by s.first_published_at desc limit :per) newest""").setParameter("per", perSection)
                .setParameter("shown", skipped).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Story> stories = Story.list("id in ?1 order by firstPublishedAt desc, id desc",
                ids.stream().map(Number::longValue).toList());
        List<SectionBlock> blocks = new java.util.ArrayList<>();
        for (Section section : Section.inOrder()) {
            List<Story> inSection = stories.stream().filter(s -> s.section.id.equals(section.id)).toList();
            if (!inSection.isEmpty()) {
                blocks.add(new SectionBlock(section, inSection));
            }
        }
        return blocks;
    }

    public List<Story> inSection(Section section, int page, int size) {
        return inSection(section, page, size, null);
    }

    /** A section's stories, of one language only when {@code language} is not null. */
    public List<Story> inSection(Section section, int page, int size, Language language) {
        if (language == null) {
            return Story.find("section = ?1 and state = ?2 and updateOf is null order by firstPublishedAt desc, id desc",
                    section, StoryState.PUBLISHED).range((page - 1) * size, page * size).list();
        }
        return Story.find("section = ?1 and state = ?2 and updateOf is null and language = ?3 "
                + "order by firstPublishedAt desc, id desc", section, StoryState.PUBLISHED, language.tag())
                .range((page - 1) * size, page * size).list();
    }

    /**
     * The newest {@code count} published stories of the story's section in its language (its page's readers read
     * that one), other than it and those in {@code besides} (its related stories and translations, already linked
     * on its page): one query.
     */
    public List<Story> moreInSection(Story story, int count, java.util.Collection<Story> besides) {
        java.util.Set<Long> skipped = besides.stream().map(s -> s.id).collect(java.util.stream.Collectors.toSet());
        skipped.add(story.id);
        return Story.<Story>find("section = ?1 and state = ?2 and updateOf is null and language = ?3 "
                                + "order by firstPublishedAt desc, id desc", story.section, StoryState.PUBLISHED, story.lang().tag())
                .range(0, count + skipped.size() - 1).list().stream()
                .filter(s -> !skipped.contains(s.id)).limit(count).toList();
    }

    /** The author's public stories, newest first (V12: one index walk, however large the archive). */
    public List<Story> byAuthor(AuthorProfile author, int page, int size) {
        return listed("select story_id from story_byline where author_id = ?1 and listed_at is not null "
                + "order by listed_at desc, story_id desc", author.id, page, size);
    }

    /** The tag's public stories, newest first (V12). */
    public List<Story> tagged(Tag tag, int page, int size) {
        return listed("select story_id from story_tag where tag_id = ?1 and listed_at is not null "
                + "order by listed_at desc, story_id desc", tag.id, page, size);
    }

    /** A page of ids in list order (one extra row, as in {@link #latest}), then those stories in one query. */
    @SuppressWarnings("unchecked")
    private List<Story> listed(String idsInOrder, long ownerId, int page, int size) {
        List<Long> ids = ((List<Number>) Story.getEntityManager().createNativeQuery(idsInOrder + " limit ?2 offset ?3")
                .setParameter(1, ownerId).setParameter(2, size + 1).setParameter(3, (page - 1) * size)
                .getResultList()).stream().map(Number::longValue).distinct().toList();
        java.util.Map<Long, Story> byId = Story.byIds(ids);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public long publishedCount() {
        return Story.count("state = ?1 and updateOf is null", StoryState.PUBLISHED);
    }

    private static final String SITEMAP_ENTRIES = "select new org.copydesk.site.SitemapEntry(s.publicPath, s.headline, "
            + "s.firstPublishedAt, s.lastPublishedAt, s.language, s.id, s.translationOf.id, "
            // One index probe a row (story_correction_story_idx): no query per story, whatever the page's length.
            + "(select max(c.createdAt) from StoryCorrection c where c.story = s)) "
            + "from Story s where s.state = ?1 and s.updateOf is null ";

    /**
     * Stories first published in [from, to), oldest first (a month's sitemap, in pages that keep their contents as
     * the month fills): a range of story_public_idx.
     */
    public List<SitemapEntry> publishedBetween(java.time.Instant from, java.time.Instant to, int offset, int limit) {
        return Panache.getEntityManager().createQuery(SITEMAP_ENTRIES + "and s.firstPublishedAt >= ?2 and s.firstPublishedAt < ?3 "
                        + "order by s.firstPublishedAt, s.id", SitemapEntry.class)
                .setParameter(1, StoryState.PUBLISHED).setParameter(2, from).setParameter(3, to)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * The published versions of the stories listed, by set of translations, for the sitemap's hreflang alternates:
     * only sets with two or more published members. A few queries however long the page: first which originals have
     * a published translation at all (most stories have none), then those sets' members.
     */
    @SuppressWarnings("unchecked")
    public SitemapAlternates alternatesOf(List<SitemapEntry> entries) {
        java.util.Set<Long> translated = new java.util.HashSet<>(Story.getEntityManager().createQuery(
                "select distinct s.translationOf.id from Story s where s.translationOf is not null and s.state = ?1 "
                        + "and s.updateOf is null", Long.class).setParameter(1, StoryState.PUBLISHED).getResultList());
        List<Long> sets = entries.stream().map(SitemapEntry::setId).filter(translated::contains).distinct().toList();
        java.util.Map<Long, List<SitemapAlternates.Version>> versions = new java.util.HashMap<>();
        for (int from = 0; from < sets.size(); from += ALTERNATES_AT_ONCE) {
            List<Long> chunk = sets.subList(from, Math.min(sets.size(), from + ALTERNATES_AT_ONCE));
            List<Object[]> rows = Story.getEntityManager().createQuery("select coalesce(s.translationOf.id, s.id), s.language, "
                    + "s.publicPath from Story s where s.state = ?1 and s.updateOf is null and (s.id in ?2 or s.translationOf.id in ?2) "
                    + "order by s.id", Object[].class).setParameter(1, StoryState.PUBLISHED).setParameter(2, chunk).getResultList();
            for (Object[] row : rows) {
                versions.computeIfAbsent((Long) row[0], k -> new java.util.ArrayList<>())
                        .add(new SitemapAlternates.Version((String) row[1], (String) row[2]));
            }
        }
        versions.values().removeIf(list -> list.size() < 2);
        return new SitemapAlternates(versions);
    }

    /** The latest correction's time of each of these stories that has one, in one query (a feed's entries). */
    public java.util.Map<Long, java.time.Instant> lastCorrections(java.util.Collection<Long> ids) {
        java.util.Map<Long, java.time.Instant> last = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return last;
        }
        for (Object[] row : Panache.getEntityManager().createQuery("select c.story.id, max(c.createdAt) from StoryCorrection c "
                + "where c.story.id in ?1 group by c.story.id", Object[].class).setParameter(1, ids).getResultList()) {
            last.put((Long) row[0], (java.time.Instant) row[1]);
        }
        return last;
    }

    /**
     * The stories' bodies in one query (a full-text feed's): a story's body is read only when used (Story.body), and
     * reading each of a feed's thirty on its own was a query a story.
     */
    public java.util.Map<Long, String> bodies(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> bodies = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return bodies;
        }
        for (Object[] row : Panache.getEntityManager().createQuery("select s.id, s.body from Story s where s.id in ?1",
                Object[].class).setParameter(1, ids).getResultList()) {
            bodies.put((Long) row[0], (String) row[1]);
        }
        return bodies;
    }

    /** Sets looked up in one query (each id is a bound parameter, twice). */
    static final int ALTERNATES_AT_ONCE = 5_000;

    /** Published since the instant, newest first (news sitemap). */
    public List<SitemapEntry> publishedSince(java.time.Instant since, int limit) {
        return Panache.getEntityManager().createQuery(SITEMAP_ENTRIES + "and s.firstPublishedAt >= ?2 order by s.firstPublishedAt desc",
                SitemapEntry.class).setParameter(1, StoryState.PUBLISHED).setParameter(2, since).setMaxResults(limit).getResultList();
    }

    /** The story whose current public address is this path (published or since unpublished). */
    public Optional<Story> atPath(String path) {
        return Story.<Story>find("publicPath = ?1 and updateOf is null", path).firstResultOptional();
    }

    /** The story that used to live at this path before its slug or section changed. */
    public Optional<Story> formerlyAt(String path) {
        return StoryRedirect.<StoryRedirect>findByIdOptional(path).map(r -> r.story);
    }
}
