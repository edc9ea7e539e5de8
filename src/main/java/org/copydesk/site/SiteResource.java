package org.copydesk.site;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.copydesk.people.AuthorProfile;
import org.copydesk.story.BodyHtml;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.web.Newsroom;

/** The public site: front page, section fronts, story pages and author pages. Readers only. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SiteResource {

    static final int FRONT_LIMIT = 20;
    static final int LIST_LIMIT = 30;

    /** The story page's data beyond the story itself. */
    public record StoryPage(Story story, String canonicalUrl, String dateline, String bodyHtml, List<Story> related,
                            String jsonLd) {
    }

    @CheckedTemplate(basePath = "site")
    static class Templates {
        static native TemplateInstance front(List<Story> stories);

        static native TemplateInstance section(Section section, List<Story> stories);

        static native TemplateInstance story(StoryPage page);

        static native TemplateInstance author(AuthorProfile author, List<Story> stories);
    }

    @Inject
    PublicStories stories;

    @Inject
    SiteInfo site;

    @Inject
    StructuredData structuredData;

    @Context
    UriInfo uri;

    @GET
    public TemplateInstance front() {
        return Templates.front(stories.latest(FRONT_LIMIT));
    }

    @GET
    @Path("{section: [a-z0-9-]+}")
    public TemplateInstance section(@PathParam("section") String sectionSlug) {
        Section section = Section.findBySlug(sectionSlug).orElseThrow(NotFoundException::new);
        return Templates.section(section, stories.inSection(section, LIST_LIMIT));
    }

    @GET
    @Path("{section: [a-z0-9-]+}/{yyyy: \\d{4}}/{mm: \\d{2}}/{dd: \\d{2}}/{slug: [a-z0-9-]+}")
    public TemplateInstance story(@PathParam("section") String sectionSlug, @PathParam("yyyy") int year,
                                  @PathParam("mm") int month, @PathParam("dd") int day, @PathParam("slug") String slug) {
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new NotFoundException();
        }
        Story story = stories.find(sectionSlug, date, slug).orElseThrow(NotFoundException::new);
        SiteInfo.Settings settings = site.settings();
        String dateline = Dateline.render(story.datelinePlace, story.datelineDay(Newsroom.zone()),
                settings.datelineFormat(), settings.agencyCredit());
        String base = baseUrl();
        String canonical = base + story.url(Newsroom.zone());
        String jsonLd = structuredData.newsArticle(story, canonical, base, settings, dateline);
        String body = BodyHtml.withLeadIn(story.body, dateline, "dateline");
        return Templates.story(new StoryPage(story, canonical, dateline, body, story.publishedRelated(), jsonLd));
    }

    @GET
    @Path("authors/{slug: [a-z0-9-]+}")
    public TemplateInstance author(@PathParam("slug") String slug) {
        AuthorProfile author = AuthorProfile.findBySlug(slug).orElseThrow(NotFoundException::new);
        return Templates.author(author, stories.byAuthor(author, LIST_LIMIT));
    }

    private String baseUrl() {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
