package org.copydesk.site;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/**
 * Sitemaps and robots.txt: only published stories and the lists that show them. {@code /sitemap.xml} is always a
 * sitemap index (robots.txt names it): the front and section pages, the stories by month of first publication (in
 * the newsroom's time zone, as their addresses), the tag pages and the author pages, each with its {@code lastmod}.
 * By month, because a month's sitemap stays the same once the month is over (but for corrections and updates),
 * so crawlers that compare lastmod re-read only the current month; a month, tags or authors past
 * {@code copydesk.sitemap.page-size} go on in pages ({@code stories-2026-12-2.xml}).
 */
@Path("/")
public class SitemapResource {

    static final String XML = "application/xml;charset=UTF-8";

    /** A child sitemap's name: stories of a month, sections, tags or authors; page 2 on with its number. */
    static final Pattern NAME = Pattern.compile("(?:stories-(\\d{4})-(\\d{2})|(sections)|(tags|authors))(?:-([2-9]|[1-9][0-9]{1,5}))?");

    @CheckedTemplate(basePath = "feeds")
    static class Templates {
        static native TemplateInstance sitemapIndex(String base, List<Sitemaps.Child> children);

        static native TemplateInstance sitemap(String base, List<SitemapEntry> stories, SitemapAlternates alternates);

        static native TemplateInstance listSitemap(String base, List<Sitemaps.Listed> pages);

        static native TemplateInstance newsSitemap(String base, List<SitemapEntry> stories, String siteName);

        static native TemplateInstance robots(String base);
    }

    @Inject
    PageFreshness freshness;

    @Inject
    Sitemaps sitemaps;

    @Inject
    PublicStories stories;

    @Inject
    SiteInfo site;

    @Inject
    org.copydesk.web.PublicAddress address;

    @Context
    UriInfo uri;

    /**
     * The index. {@code ?page=N} was a page of the single sitemap before there were sitemaps by month: those pages
     * are gone (404), and crawlers that had them read the index again from robots.txt.
     */
    @GET
    @Path("sitemap.xml")
    @Produces(XML)
    public TemplateInstance index(@QueryParam("page") String page) {
        if (page != null) {
            throw new NotFoundException();
        }
        freshness.sinceLastPublicChange();
        return Templates.sitemapIndex(base(), sitemaps.index());
    }

    /** One sitemap of the index; a 404 for a name it does not list (a month without stories, a page past the end). */
    @GET
    @Path("sitemaps/{name: [a-z0-9-]+}.xml")
    @Produces(XML)
    public TemplateInstance child(@PathParam("name") String name) {
        Matcher parts = NAME.matcher(name);
        if (!parts.matches()) {
            throw new NotFoundException();
        }
        int page = parts.group(5) == null ? 1 : Integer.parseInt(parts.group(5));
        freshness.sinceLastPublicChange();
        if (parts.group(3) != null) {
            if (page != 1) {
                throw new NotFoundException();
            }
            return Templates.listSitemap(base(), sitemaps.sections());
        }
        if (parts.group(4) != null) {
            List<Sitemaps.Listed> listed = parts.group(4).equals("tags") ? sitemaps.tags(page) : sitemaps.authors(page);
            return Templates.listSitemap(base(), nonEmpty(listed));
        }
        YearMonth month;
        try {
            month = YearMonth.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)));
        } catch (DateTimeException e) {
            throw new NotFoundException();
        }
        List<SitemapEntry> entries = nonEmpty(sitemaps.storiesOf(month, page));
        return Templates.sitemap(base(), entries, stories.alternatesOf(entries));
    }

    /** Google News sitemap: stories first published in the last 48 hours (at most 1,000, Google's limit). */
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

    private static <T> List<T> nonEmpty(List<T> listed) {
        if (listed.isEmpty()) {
            throw new NotFoundException();
        }
        return listed;
    }

    private String base() {
        return address.base(uri);
    }
}
