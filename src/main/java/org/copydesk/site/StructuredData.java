package org.copydesk.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.live.LiveCoverage;
import org.copydesk.live.LiveEntryView;
import org.copydesk.live.LivePages;
import org.copydesk.story.BodyHtml;
import org.copydesk.story.Byline;
import org.copydesk.story.Story;
import org.copydesk.story.StoryCorrection;
import org.copydesk.story.Tag;
import org.copydesk.story.TranslationSet;
import org.copydesk.web.Times;

/** schema.org NewsArticle JSON-LD for a story page. */
@ApplicationScoped
public class StructuredData {

    @Inject
    ObjectMapper json;

    @Inject
    SiteInfo site;

    /**
     * The JSON, safe to place inside a {@code <script>} element: Jackson escapes quotes and control
     * characters, and "<" is escaped here so no "</script>" can close the element early.
     */
    public String newsArticle(Story story, String absoluteUrl, String baseUrl, SiteInfo.Settings settings, String dateline,
                              TranslationSet translations, LivePages.Section live) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@context", "https://schema.org");
        // Live coverage is a LiveBlogPosting as well as a NewsArticle (both Articles; an entity may have several types):
        // Google's live badge reads its coverage times and updates, and it stays the news article every page is.
        article.put("@type", live == null ? "NewsArticle" : List.of("NewsArticle", "LiveBlogPosting"));
        article.put("mainEntityOfPage", absoluteUrl);
        article.put("url", absoluteUrl);
        article.put("headline", story.headline);
        article.put("inLanguage", story.lang().tag());
        if (story.standfirst != null) {
            article.put("description", story.standfirst);
        }
        article.put("datePublished", Times.iso(story.firstPublishedAt));
        article.put("dateModified", Times.iso(story.lastChangedAt()));
        credits(story, baseUrl, article);
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", settings.siteName());
        publisher.put("url", baseUrl + "/");
        publisher.put("logo", logo(baseUrl));
        article.put("publisher", publisher);
        article.put("articleSection", story.section.name);
        if (!story.tags.isEmpty()) {
            article.put("keywords", story.tags.stream().map((Tag t) -> t.name).toList());
        }
        if (dateline != null) {
            article.put("dateline", dateline);
        }
        if (story.datelinePlace != null && !story.datelinePlace.isBlank()) {
            // Where the story was filed, as the dateline names it (the place as typed, not in capitals).
            // A LinkedHashMap, not Map.of: the same bytes from every node (Map.of's order changes from one JVM to the next).
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("@type", "Place");
            place.put("name", story.datelinePlace.strip());
            article.put("locationCreated", place);
        }
        if (story.featuredImage != null) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("@type", "ImageObject");
            image.put("url", baseUrl + story.featuredImage.src());
            image.put("width", story.featuredImage.standardWidth());
            image.put("height", story.featuredImage.standardHeight());
            if (story.featuredImageCaption != null) {
                image.put("caption", story.featuredImageCaption);
            }
            if (story.featuredImageCredit != null) {
                image.put("creditText", story.featuredImageCredit);
            }
            article.put("image", List.of(image));
        }
        if (!story.corrections.isEmpty()) {
            List<Map<String, Object>> corrections = new ArrayList<>();
            for (StoryCorrection correction : story.corrections) {
                Map<String, Object> comment = new LinkedHashMap<>();
                comment.put("@type", "CorrectionComment");
                comment.put("text", correction.text);
                comment.put("datePublished", Times.iso(correction.createdAt));
                corrections.add(comment);
            }
            article.put("correction", corrections);
        }
        article.put("wordCount", BodyHtml.wordCount(story.body));
        // The set of translations, published members only: a translation names its original, the original its translations.
        Story original = translations.original();
        boolean isOriginal = original == story || original == story.updateOf || !translations.hasTranslations();
        if (!isOriginal && original.isPublished()) {
            article.put("translationOfWork", work(original, baseUrl));
        } else if (isOriginal) {
            List<Map<String, Object>> works = translations.publishedOtherThan(story).stream().map(t -> work(t, baseUrl)).toList();
            if (!works.isEmpty()) {
                article.put("workTranslation", works);
            }
        }
        if (live != null) {
            liveBlog(story, live, absoluteUrl, baseUrl, article);
        }
        return write(article);
    }

    /** Entries given as the structured data's updates, newest first; the page may show more. */
    static final int LIVE_UPDATES = 50;

    /**
     * The coverage's times and its newest entries as {@code liveBlogUpdate}. While the coverage goes on its end is not
     * known; schema.org asks for one, so it is given as a day after the last entry (or the start), moved on by each entry,
     * and replaced by the real end once an editor ends it.
     */
    private static void liveBlog(Story story, LivePages.Section live, String absoluteUrl, String baseUrl,
                                 Map<String, Object> article) {
        article.put("coverageStartTime", Times.iso(story.firstPublishedAt));
        java.time.Instant last = live.entries().isEmpty() ? story.firstPublishedAt : live.entries().get(0).postedAt();
        article.put("coverageEndTime", Times.iso(live.endedAt() != null ? live.endedAt()
                : last.plus(java.time.Duration.ofDays(1))));
        List<Map<String, Object>> updates = new ArrayList<>();
        for (LiveEntryView entry : live.entries().subList(0, Math.min(LIVE_UPDATES, live.entries().size()))) {
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("@type", "BlogPosting");
            update.put("headline", entry.summary());
            update.put("url", absoluteUrl + "#" + entry.anchor());
            update.put("datePublished", Times.iso(entry.postedAt()));
            update.put("dateModified", Times.iso(entry.changedAt()));
            update.put("articleBody", BodyHtml.toPlainText(entry.bodyHtml()));
            if (entry.authorName() != null) {
                Map<String, Object> author = new LinkedHashMap<>();
                author.put("@type", "Person");
                author.put("name", entry.authorName());
                author.put("url", baseUrl + entry.authorUrl());
                update.put("author", author);
            }
            if (entry.image() != null) {
                update.put("image", baseUrl + entry.image().src());
            }
            updates.add(update);
        }
        article.put("liveBlogUpdate", updates);
        // Modified when an entry last changed, or the coverage ended, if that is later than the story's own change.
        article.put("dateModified", Times.iso(LiveCoverage.changedAt(story.lastChangedAt(), live.lastChangeAt(), live.endedAt())));
    }

    /**
     * The bylines. Google reads {@code author} as the people who wrote the story, each a Person with a name and a
     * url (its author markup), so a byline with a role line of its own ("Additional reporting by", "Editing by") is
     * not an author: it is a {@code contributor}, given as a schema.org Role (roleName: the line as typed) around the
     * Person, schema.org's way of saying in what capacity someone took part. A story whose every byline has a role
     * line keeps its first as author too, so that it is never without one.
     */
    private static void credits(Story story, String baseUrl, Map<String, Object> article) {
        List<Map<String, Object>> authors = new ArrayList<>();
        for (Byline byline : story.writerBylines()) {
            authors.add(person(byline, baseUrl));
        }
        if (authors.isEmpty() && !story.bylines.isEmpty()) {
            authors.add(person(story.bylines.get(0), baseUrl));
        }
        article.put("author", authors);
        List<Map<String, Object>> contributors = new ArrayList<>();
        for (Byline byline : story.contributorBylines()) {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("@type", "Role");
            role.put("roleName", byline.roleLine.strip());
            role.put("contributor", person(byline, baseUrl));
            contributors.add(role);
        }
        if (!contributors.isEmpty()) {
            article.put("contributor", contributors);
        }
    }

    private static Map<String, Object> person(Byline byline, String baseUrl) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", "Person");
        person.put("name", byline.author.name);
        person.put("url", baseUrl + byline.author.url());
        return person;
    }

    /** BreadcrumbList for a story page: front page, section, story. */
    public String breadcrumbs(Story story, String absoluteUrl, String baseUrl, SiteInfo.Settings settings) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("@context", "https://schema.org");
        list.put("@type", "BreadcrumbList");
        list.put("itemListElement", List.of(crumb(1, settings.siteName(), baseUrl + "/"),
                crumb(2, story.section.name, baseUrl + story.section.url()), crumb(3, story.headline, absoluteUrl)));
        return write(list);
    }

    /** WebSite with a SearchAction, for the front page. */
    public String webSite(String baseUrl, SiteInfo.Settings settings) {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("@context", "https://schema.org");
        site.put("@type", "WebSite");
        site.put("name", settings.siteName());
        site.put("url", baseUrl + "/");
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("@type", "SearchAction");
        action.put("target", baseUrl + "/search?q={search_term_string}");
        action.put("query-input", "required name=search_term_string");
        site.put("potentialAction", action);
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", settings.siteName());
        publisher.put("logo", logo(baseUrl));
        site.put("publisher", publisher);
        return write(site);
    }

    /**
     * Another language version, named by its address (its own page carries its whole NewsArticle): a reference, so
     * readers of this page's data do not take it for a second article of this page.
     */
    private static Map<String, Object> work(Story story, String baseUrl) {
        Map<String, Object> work = new LinkedHashMap<>();
        work.put("@id", baseUrl + StoryViews.url(story));
        work.put("url", baseUrl + StoryViews.url(story));
        work.put("headline", story.headline);
        work.put("inLanguage", story.lang().tag());
        return work;
    }

    private static Map<String, Object> crumb(int position, String name, String url) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("@type", "ListItem");
        item.put("position", position);
        item.put("name", name);
        item.put("item", url);
        return item;
    }

    /** The publisher's logo: a raster image (Google takes no SVG), the uploaded one or assets/logo.png. */
    private Map<String, Object> logo(String baseUrl) {
        SiteInfo.Logo publisherLogo = site.publisherLogo();
        Map<String, Object> logo = new LinkedHashMap<>();
        logo.put("@type", "ImageObject");
        logo.put("url", baseUrl + publisherLogo.src());
        logo.put("width", publisherLogo.width());
        logo.put("height", publisherLogo.height());
        return logo;
    }

    private String write(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
