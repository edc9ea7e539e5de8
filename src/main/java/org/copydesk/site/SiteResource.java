package org.copydesk.site;

import java.net.URI;
import java.util.Optional;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.copydesk.language.Language;
import org.copydesk.people.AuthorProfile;
import org.copydesk.story.BodyHtml;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.story.StoryState;
import org.copydesk.story.Tag;
import org.copydesk.story.TranslationSet;
import org.copydesk.web.ErrorPages;
import org.copydesk.web.RequestValues;
import org.copydesk.web.Newsroom;
import org.copydesk.web.PublicAddress;

/** The public site: front page, section fronts, story pages and author pages. Readers only. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SiteResource {

    static final int FRONT_LIMIT = 20;
    static final int LIST_LIMIT = 30;
    /** Stories in each section's block on the front page. */
    static final int SECTION_BLOCK_SIZE = 4;

    /**
     * The story page's data beyond the story itself. {@code publishedAt} is the first publication, or
     * the time of a preview of a story not yet published; {@code preview}, when set, is the notice a
     * preview page carries (and such a page is never indexed); {@code readingPlural} is the CLDR plural category
     * of {@code readingMinutes} in the story's language, which its words need; {@code moreInSection} are the section's
     * newest other stories, for the end of the page; {@code live} is a live story's coverage (null for other stories).
     */
    public record StoryPage(Story story, String canonicalUrl, String dateline, String bodyHtml, List<Story> related,
                            String jsonLd, String breadcrumbsJsonLd, java.time.Instant publishedAt, String preview,
                            String imageUrl, int readingMinutes, String readingPlural, List<Story> translations,
                            List<Alternate> alternates, List<Story> moreInSection, org.copydesk.live.LivePages.Section live) {
    }

    /** A version of the page in a language, for {@code <link rel="alternate" hreflang>}. */
    public record Alternate(String hreflang, String url) {
    }

    @CheckedTemplate(basePath = "site")
    static class Templates {
        static native TemplateInstance front(StoryList page, String webSiteJsonLd, FrontPage front, String baseUrl);

        static native TemplateInstance section(Section section, StoryList page, Language shown, List<Language> languages,
                                               String baseUrl);

        static native TemplateInstance tag(Tag tag, StoryList page, String baseUrl);

        static native TemplateInstance story(StoryPage page);

        static native TemplateInstance author(AuthorProfile author, StoryList page, String baseUrl);
    }

    @Inject
    PublicStories stories;

    @Inject
    SiteInfo site;

    @Inject
    StructuredData structuredData;

    @Inject
    PageFreshness freshness;

    @Inject
    StoryPages storyPages;

    @Inject
    PublicAddress address;

    @Context
    UriInfo uri;

    @GET
    public TemplateInstance front(@QueryParam("page") String page) {
        int number = pageNumber(page);
        freshness.sinceLastPublicChange();
        // Page 1 sets the newest FrontPage.SET stories above the section blocks; later pages go on from there.
        int size = number == 1 ? FrontPage.SET : FRONT_LIMIT;
        int offset = number == 1 ? 0 : FrontPage.SET + (number - 2) * FRONT_LIMIT;
        StoryList list = listed(stories.latestAt(offset, size + 1), size, number, "/");
        FrontPage front = number == 1 ? FrontPage.setFrom(list.stories()) : FrontPage.listOf(list.stories());
        if (number == 1) {
            front = front.withBlocks(stories.sectionBlocks(SECTION_BLOCK_SIZE, front.shownIds()));
        }
        return PageLanguage.in(Templates.front(list, structuredData.webSite(baseUrl(), site.settings()), front, baseUrl()),
                site.language());
    }

    @GET
    @Path("{section: [a-z0-9-]+}")
    public TemplateInstance section(@PathParam("section") String sectionSlug, @QueryParam("page") String page,
                                    @QueryParam("lang") String lang) {
        Section section = Section.findBySlug(sectionSlug).orElseThrow(NotFoundException::new);
        Language shown = site.listedLanguage(lang);
        int number = pageNumber(page);
        freshness.sinceLastPublicChange();
        String path = shown == null ? section.url() : section.url() + "?lang=" + shown.tag();
        return PageLanguage.in(Templates.section(section, listed(stories.inSection(section, number, LIST_LIMIT, shown),
                LIST_LIMIT, number, path), shown, site.languages(), baseUrl()), site.languageOf(section.slug));
    }

    @GET
    @Path("tags/{slug: [a-z0-9-]+}")
    public TemplateInstance tag(@PathParam("slug") String slug, @QueryParam("page") String page) {
        Tag tag = Tag.findBySlug(slug).orElseThrow(NotFoundException::new);
        int number = pageNumber(page);
        freshness.sinceLastPublicChange();
        return PageLanguage.in(Templates.tag(tag, listedNonEmpty(stories.tagged(tag, number, LIST_LIMIT), LIST_LIMIT, number,
                tag.url()), baseUrl()), site.language());
    }

    @GET
    @Path("{section: [a-z0-9-]+}/{yyyy: \\d{4}}/{mm: \\d{2}}/{dd: \\d{2}}/{slug: [a-z0-9-]+}")
    public Response story(@PathParam("section") String section, @PathParam("yyyy") String year,
                          @PathParam("mm") String month, @PathParam("dd") String day, @PathParam("slug") String slug) {
        String path = "/" + section + "/" + year + "/" + month + "/" + day + "/" + slug;
        Optional<Story> found = stories.atPath(path);
        if (found.isEmpty()) {
            Optional<Story> moved = stories.formerlyAt(path);
            if (moved.isPresent() && moved.get().isPublished()) {
                return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create(moved.get().publicPath)).build();
            }
            found = moved;
        }
        Story story = found.orElseThrow(NotFoundException::new);
        if (story.state == StoryState.UNPUBLISHED) {
            return ErrorPages.gonePage();
        }
        if (!story.isPublished()) {
            throw new NotFoundException();
        }
        // Its page also names its published translations: a newly published one changes it.
        freshness.lastModified(TranslationSet.of(story).lastChangedAt(story));
        return Response.ok(storyPages.page(story, baseUrl(), null)).build();
    }

    @GET
    @Path("authors/{slug: [a-z0-9-]+}")
    public TemplateInstance author(@PathParam("slug") String slug, @QueryParam("page") String page) {
        AuthorProfile author = AuthorProfile.findBySlug(slug).orElseThrow(NotFoundException::new);
        int number = pageNumber(page);
        // A profile with nothing published (a byline typed on a draft) is not public yet.
        return PageLanguage.in(Templates.author(author, listedNonEmpty(stories.byAuthor(author, number, LIST_LIMIT),
                LIST_LIMIT, number, author.url()), baseUrl()), site.language());
    }

    /** A page of a list; a page number past the end is a 404, not an empty page. */
    private static StoryList listed(List<Story> fetched, int size, int number, String path) {
        StoryList list = StoryList.of(fetched, size, number, path);
        if (list.isBeyondEnd()) {
            throw new NotFoundException();
        }
        return list;
    }

    /** Tag and author pages exist only while something published carries them. */
    private static StoryList listedNonEmpty(List<Story> fetched, int size, int number, String path) {
        StoryList list = listed(fetched, size, number, path);
        if (list.isEmpty()) {
            throw new NotFoundException();
        }
        return list;
    }

    /** Past {@link StoryList#MAX_PAGE} a list has no pages: a 404, like a page past its end. */
    static int pageNumber(String value) {
        int number = RequestValues.pageNumber(value, Integer.MAX_VALUE);
        if (number > StoryList.MAX_PAGE) {
            throw new NotFoundException();
        }
        return number;
    }

    private String baseUrl() {
        return address.base(uri);
    }
}
