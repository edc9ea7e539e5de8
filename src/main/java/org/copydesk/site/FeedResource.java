package org.copydesk.site;

import java.time.Duration;
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
import org.copydesk.story.Story;
import org.copydesk.web.CopydeskConfig;

/** Atom feeds, sitemaps and robots.txt: only published stories, ever. */
@Path("/")
public class FeedResource {

    static final int FEED_SIZE = 30;
    static final String ATOM = "application/atom+xml;charset=UTF-8";
    static final String XML = "application/xml;charset=UTF-8";

    /** A feed: its title, where it lives, the page it mirrors, and its newest stories. */
    public record Feed(String title, String selfUrl, String htmlUrl, String base, List<Story> stories) {
        public Instant updated() {
            return stories.stream().map(s -> s.lastPublishedAt != null ? s.lastPublishedAt : s.firstPublishedAt)
                    .max(Instant::compareTo).orElse(Instant.EPOCH);
        }
    }

    @CheckedTemplate(basePath = "feeds")
    static class Templates {
        static native TemplateInstance atom(Feed feed, String siteName, String language);

        static native TemplateInstance sitemap(String base, List<SitemapEntry> stories, SitemapAlternates alternates);

        static native TemplateInstance sitemapIndex(String base, List<Integer> pages);

        static native TemplateInstance newsSitemap(String base, List<SitemapEntry> stories, String siteName);

        static native TemplateInstance robots(String base);
    }

    @Inject
    PageFreshness freshness;

    @Inject
    PublicStories stories;

    @Inject
    SiteInfo site;

    @Inject
    CopydeskConfig config;

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

    /**
     * Up to {@code copydesk.sitemap.page-size} stories (50,000, the protocol's limit) it is one urlset;
     * past that it is a sitemap index of {@code /sitemap.xml?page=N}, oldest stories first so pages stay stable.
     */
    @GET
    @Path("sitemap.xml")
    @Produces(XML)
    public TemplateInstance sitemap(@QueryParam("page") Integer page) {
        freshness.sinceLastPublicChange();
        long published = stories.publishedCount();
        int sitemapPageSize = config.sitemap().pageSize();
        if (page == null) {
            if (published <= sitemapPageSize) {
                return sitemapOf(stories.inPublicationOrder(0, sitemapPageSize));
            }
            int pages = (int) ((published + sitemapPageSize - 1) / sitemapPageSize);
            return Templates.sitemapIndex(base(), java.util.stream.IntStream.rangeClosed(1, pages).boxed().toList());
        }
        if (page < 1 || (long) (page - 1) * sitemapPageSize >= Math.max(published, 1)) {
            throw new NotFoundException();
        }
        return sitemapOf(stories.inPublicationOrder((page - 1) * sitemapPageSize, sitemapPageSize));
    }

    /** Google News sitemap: stories first published in the last 48 hours. */
    @GET
    @Path("sitemap-news.xml")
    @Produces(XML)
    public TemplateInstance newsSitemap() {
        freshness.sinceLastPublicChange();
        return Templates.newsSitemap(base(), stories.publishedSince(Instant.now().minus(Duration.ofHours(48)), 1000),
                site.name());
    }

    @GET
    @Path("robots.txt")
    @Produces("text/plain;charset=UTF-8")
    public TemplateInstance robots() {
        return Templates.robots(base());
    }

    /** {@code language}: the feed's own (xml:lang); each entry says its story's. */
    private TemplateInstance atom(String title, String self, String html, List<Story> fetched, Language language) {
        List<Story> shown = fetched.size() > FEED_SIZE ? fetched.subList(0, FEED_SIZE) : fetched;
        return Templates.atom(new Feed(title, base() + self, base() + html, base(), shown), site.name(), language.tag());
    }

    private TemplateInstance sitemapOf(List<SitemapEntry> entries) {
        return Templates.sitemap(base(), entries, stories.alternatesOf(entries));
    }

    private String base() {
        return address.base(uri);
    }
}
