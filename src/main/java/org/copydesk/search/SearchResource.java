package org.copydesk.search;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.copydesk.language.Language;
import org.copydesk.site.PageLanguage;
import org.copydesk.site.SiteInfo;

/** /search: readers' search over published stories. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SearchResource {

    static final int QUERY_MAX = 200;

    @CheckedTemplate(basePath = "search")
    static class Templates {
        static native TemplateInstance results(StorySearch.Query query, List<StorySearch.Hit> hits, List<SiteInfo.SectionLink> sections,
                                               RawString authorOptions, String nextPage, String previousPage,
                                               List<Language> languages, String unknownLanguage, String pageLanguage);

    }

    @Inject
    StorySearch search;

    @Inject
    SiteInfo site;

    @Inject
    AuthorChoices authors;

    @GET
    @Path("search")
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("section") String section,
                                   @QueryParam("author") String author, @QueryParam("page") String page,
                                   @QueryParam("lang") String lang) {
        String typedLanguage = clip(lang);
        String language = language(typedLanguage);
        // A language the newsroom does not write in (an old link, a typed address): the site's own is searched, and said.
        String unknownLanguage = language.isEmpty() && !typedLanguage.isEmpty() ? typedLanguage : null;
        StorySearch.Query query = new StorySearch.Query(clip(q), clip(section), clip(author), pageNumber(page),
                language.isEmpty() ? site.language().tag() : language);
        List<StorySearch.Hit> hits = search.published(query);
        String base = "/search?q=" + encode(query.text()) + (query.sectionSlug().isEmpty() ? "" : "&section="
                + encode(query.sectionSlug())) + (query.authorSlug().isEmpty() ? "" : "&author=" + encode(query.authorSlug()))
                + (language.isEmpty() ? "" : "&lang=" + encode(language));
        String next = hits.size() == StorySearch.PAGE_SIZE ? base + "&page=" + (query.page() + 1) : null;
        String previous = query.page() > 1 ? base + "&page=" + (query.page() - 1) : null;
        return PageLanguage.in(Templates.results(query, hits, site.sections(), authors.options(query.authorSlug()), next,
                previous, site.languages(), unknownLanguage, site.language().tag()), site.language());
    }

    /**
     * The language chosen: {@link StorySearch.Query#ALL_LANGUAGES}, or one of the newsroom's languages' tags as stored
     * ("pt-br" is "pt-BR"); empty when none is chosen or the one typed is not the newsroom's.
     */
    private String language(String typed) {
        if (typed.isEmpty() || typed.equalsIgnoreCase(StorySearch.Query.ALL_LANGUAGES)) {
            return typed.toLowerCase(java.util.Locale.ROOT);
        }
        return site.languages().stream().map(Language::tag).filter(tag -> tag.equalsIgnoreCase(typed)).findFirst().orElse("");
    }

    static String clip(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.strip().replaceAll("\\p{Cntrl}", " ");
        return clean.length() > QUERY_MAX ? clean.substring(0, QUERY_MAX) : clean;
    }

    static int pageNumber(String value) {
        return org.copydesk.web.RequestValues.pageNumber(value, 1000);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
