package org.copydesk.site;

import java.time.Instant;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.copydesk.language.Language;
import org.copydesk.people.AuthorProfile;
import org.copydesk.story.Section;
import org.copydesk.story.Byline;
import org.copydesk.story.Story;
import org.copydesk.story.Tag;

/**
 * Atom feeds (RFC 4287): only published stories, ever. Each entry's {@code <updated>} is its story's last public
 * change, a correction included (Story#lastChange), and the feed's the latest of its entries'. A byline is an
 * {@code <author>}, or a {@code <contributor>} when it has a role line ("Additional reporting by"), the role kept
 * in a {@code <copydesk:role>} extension element (docs/public-site.md says why). With the site setting "Feeds
 * carry the full text", each entry also has the story's body as its page shows it, links made absolute.
 */
@Path("/")
public class FeedResource {

    static final int FEED_SIZE = 30;
    static final String ATOM = "application/atom+xml;charset=UTF-8";

    /** A feed: its title, where it lives, the page it mirrors, and its newest stories. */
    public record Feed(String title, String selfUrl, String htmlUrl, String base, List<Entry> entries) {
        public Instant updated() {
            return entries.stream().map(Entry::updated).filter(java.util.Objects::nonNull).max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
        }
    }

    /** A story in a feed: its last public change, and its body (absolute links) when feeds carry the full text. */
    public record Entry(Story story, Instant updated, String content) {

        public List<Byline> authors() {
            return story.writerBylines();
        }

        public List<Byline> contributors() {
            return story.contributorBylines();
        }
    }

    /**
     * A live story's entries as a feed: newest first, each with its text as the page shows it, links absolute;
     * {@code updated} when an entry last changed (a deletion too) or the coverage ended, else when it was published.
     */
    public record LiveFeed(Story story, String selfUrl, String pageUrl, String base, List<LiveFeedEntry> entries, Instant updated) {
    }

    public record LiveFeedEntry(org.copydesk.live.LiveEntryView view, String content) {
    }

    @CheckedTemplate(basePath = "feeds")
    static class Templates {
        static native TemplateInstance atom(Feed feed, String siteName, String language);

        static native TemplateInstance liveEntries(LiveFeed feed, String siteName);
    }

    @Inject
    PageFreshness freshness;

    @Inject
    org.copydesk.live.LiveCoverage liveCoverage;

    @Inject
    PublicStories stories;

    @Inject
    SiteInfo site;

    @Inject
    StoryPages pages;

    @Inject
    BigStoryTurns turns;

    @Inject
    org.copydesk.web.PublicAddress address;

    @Context
    UriInfo uri;

    @GET
    @Path("feed.xml")
    @Produces(ATOM)
    public TemplateInstance siteFeed(@QueryParam("lang") String lang) {
        freshness.sinceLastPublicChange();
        Language only = site.listedLanguage(lang);
        if (only != null) {
            return atom(site.name() + " (" + only.name() + ")", "/feed.xml?lang=" + only.tag(), "/", stories.latest(1, FEED_SIZE - 1, only), only);
        }
        return atom(site.name(), "/feed.xml", "/", stories.latest(1, FEED_SIZE - 1), site.language());
    }

    @GET
    @Path("{section: [a-z0-9-]+}/feed.xml")
    @Produces(ATOM)
    public TemplateInstance sectionFeed(@PathParam("section") String slug, @QueryParam("lang") String lang) {
        freshness.sinceLastPublicChange();
        Section section = Section.findBySlug(slug).orElseThrow(NotFoundException::new);
        Language only = site.listedLanguage(lang);
        if (only != null) {
            return atom(section.name + " – " + site.name() + " (" + only.name() + ")", section.url() + "/feed.xml?lang=" + only.tag(),
                    section.url() + "?lang=" + only.tag(), stories.inSection(section, 1, FEED_SIZE - 1, only), only);
        }
        return atom(section.name + " – " + site.name(), section.url() + "/feed.xml", section.url(),
                stories.inSection(section, 1, FEED_SIZE - 1), site.languageOf(section.slug));
    }

    @GET
    @Path("authors/{slug: [a-z0-9-]+}/feed.xml")
    @Produces(ATOM)
    public TemplateInstance authorFeed(@PathParam("slug") String slug) {
        AuthorProfile author = AuthorProfile.findBySlug(slug).orElseThrow(NotFoundException::new);
        List<Story> theirs = stories.byAuthor(author, 1, FEED_SIZE - 1);
        if (theirs.isEmpty()) {
            throw new NotFoundException();
        }
        return atom(author.name + " – " + site.name(), author.url() + "/feed.xml", author.url(), theirs, site.language());
    }

    /** A tag's feed; a 404 when no published story carries the tag (its page is a 404 then too). */
    @GET
    @Path("tags/{slug: [a-z0-9-]+}/feed.xml")
    @Produces(ATOM)
    public TemplateInstance tagFeed(@PathParam("slug") String slug) {
        freshness.sinceLastPublicChange();
        Tag tag = Tag.findBySlug(slug).orElseThrow(NotFoundException::new);
        List<Story> tagged = stories.tagged(tag, 1, FEED_SIZE - 1);
        if (tagged.isEmpty()) {
            throw new NotFoundException();
        }
        return atom(tag.name + " – " + site.name(), tag.url() + "/feed.xml", tag.url(), tagged, site.language());
    }

    /** {@code language}: the feed's own (xml:lang); each entry says its story's. */
    /** The feed of a live story's entries: at its page's address, /feed.xml. */
    @GET
    @Path("{section: [a-z0-9-]+}/{yyyy: \\d{4}}/{mm: \\d{2}}/{dd: \\d{2}}/{slug: [a-z0-9-]+}/feed.xml")
    @Produces(ATOM)
    public TemplateInstance liveFeed(@PathParam("section") String section, @PathParam("yyyy") String year,
                                     @PathParam("mm") String month, @PathParam("dd") String day, @PathParam("slug") String slug) {
        String path = "/" + section + "/" + year + "/" + month + "/" + day + "/" + slug;
        Story story = stories.atPath(path).filter(s -> s.isPublished() && s.live).orElseThrow(NotFoundException::new);
        String base = base();
        String page = base + story.publicPath;
        List<LiveFeedEntry> entries = liveCoverage.shown(story.id).stream().limit(FEED_SIZE)
                .map(view -> new LiveFeedEntry(view, AbsoluteLinks.in(view.bodyHtml(), page))).toList();
        LiveFeed feed = new LiveFeed(story, base + org.copydesk.live.LivePaths.feed(story.publicPath), page, base, entries,
                org.copydesk.live.LiveCoverage.changedAt(story.firstPublishedAt, liveCoverage.lastChange(story.id).at(),
                        story.liveEndedAt));
        freshness.lastModified(feed.updated());
        return PageLanguage.in(Templates.liveEntries(feed, site.name()), story.lang());
    }

    private TemplateInstance atom(String title, String self, String html, List<Story> fetched, Language language) {
        List<Story> shown = fetched.size() > FEED_SIZE ? fetched.subList(0, FEED_SIZE) : fetched;
        String base = base();
        return Templates.atom(new Feed(title, base + self, base + html, base, entries(shown, base)), site.name(), language.tag());
    }

    /** The stories' corrections looked up in one query for the whole feed, and their bodies when feeds carry them. */
    private List<Entry> entries(List<Story> shown, String base) {
        java.util.Map<Long, Instant> corrected = stories.lastCorrections(shown.stream().map(s -> s.id).toList());
        boolean fullText = site.settings().feedFullText();
        java.util.Map<Long, String> bodies = fullText ? stories.bodies(shown.stream().map(s -> s.id).toList()) : java.util.Map.of();
        if (fullText) {
            turns.takeTurn(bodies.values().stream().mapToInt(body -> body == null ? 0 : body.length()).sum());
        }
        return shown.stream().map(s -> new Entry(s, Story.lastChange(s.firstPublishedAt, s.lastPublishedAt, corrected.get(s.id)),
                fullText ? AbsoluteLinks.in(pages.bodyForFeed(s, bodies.get(s.id)), base + StoryViews.url(s)) : null)).toList();
    }

    private String base() {
        return address.base(uri);
    }
}
