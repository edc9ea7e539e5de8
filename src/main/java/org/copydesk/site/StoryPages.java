package org.copydesk.site;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.live.LiveCoverage;
import org.copydesk.live.LivePages;
import org.copydesk.language.Language;
import org.copydesk.story.BodyHtml;
import org.copydesk.story.Story;
import org.copydesk.story.TranslationSet;
import org.copydesk.web.Newsroom;

/**
 * Renders a story the way readers see it: the public story page, and the same page for Preview and
 * Share preview, so a preview is exactly what would go live.
 */
@ApplicationScoped
public class StoryPages {

    @Inject
    SiteInfo site;

    @Inject
    StructuredData structuredData;

    @Inject
    Clock clock;

    @Inject
    BigStoryTurns turns;

    @Inject
    PublicStories stories;

    @Inject
    PageFreshness freshness;

    @Inject
    LivePages livePages;

    @Inject
    LiveCoverage liveCoverage;

    /** Stories of its section listed at the end of a story's page. */
    static final int MORE_IN_SECTION = 4;

    /**
     * @param preview null for the public page; otherwise the notice shown above a preview. A story not
     *                yet published is shown as if it went live now.
     */
    public TemplateInstance page(Story story, String baseUrl, String preview) {
        boolean live = story.live && story.isPublished() && preview == null;
        // A live story's page holds its entries too: one turn for all of it.
        turns.takeTurn(story, live ? liveCoverage.shownLength(story.id) : 0);
        Instant publishedAt = story.firstPublishedAt != null ? story.firstPublishedAt : clock.instant();
        SiteInfo.Settings settings = site.settings();
        String dateline = dateline(story, publishedAt, settings);
        String path = story.publicPath != null ? story.publicPath : story.section.slug + "/" + story.slug;
        String canonical = baseUrl + (path.startsWith("/") ? path : "/" + path);
        TranslationSet set = TranslationSet.of(story);
        List<Story> translations = set.publishedOtherThan(story);
        // A live story's entries, while it is public (a preview shows the story as it would go live, entries aside).
        LivePages.Section coverage = live ? livePages.section(story) : null;
        if (coverage != null) {
            freshness.notBefore(coverage.lastChangeAt());
            freshness.notBefore(story.liveEndedAt);
        }
        String jsonLd = structuredData.newsArticle(story, canonical, baseUrl, settings, dateline, set, coverage);
        String body = bodyAsRead(story.body, dateline);
        String breadcrumbs = structuredData.breadcrumbs(story, canonical, baseUrl, settings);
        int minutes = readingMinutes(story);
        List<Story> related = story.publishedRelated();
        List<Story> linked = new ArrayList<>(related);
        linked.addAll(translations);
        List<Story> moreInSection = stories.moreInSection(story, MORE_IN_SECTION, linked);
        // The page ends with its section's newest stories: a newer one there changes it too (Last-Modified).
        moreInSection.forEach(other -> freshness.notBefore(other.firstPublishedAt));
        return PageLanguage.in(SiteResource.Templates.story(new SiteResource.StoryPage(story, canonical, dateline, body,
                related, jsonLd, breadcrumbs, publishedAt, preview,
                story.featuredImage == null ? null : baseUrl + story.featuredImage.src(), minutes,
                PageLanguage.plural(story.lang(), minutes), translations, alternates(story, canonical, translations, baseUrl),
                moreInSection, coverage)),
                story.lang());
    }

    /**
     * The page in every language it is published in, itself included (as search engines ask), when it has
     * translations; none otherwise.
     */
    private static List<SiteResource.Alternate> alternates(Story story, String canonical, List<Story> translations,
                                                           String baseUrl) {
        if (translations.isEmpty()) {
            return List.of();
        }
        List<SiteResource.Alternate> alternates = new ArrayList<>();
        alternates.add(new SiteResource.Alternate(story.lang().tag(), canonical));
        for (Story other : translations) {
            alternates.add(new SiteResource.Alternate(other.lang().tag(), baseUrl + StoryViews.url(other)));
        }
        return alternates;
    }

    /**
     * The body as readers get it, its dateline leading in: for the desk's reading copy of a story the person
     * may not change (the story page itself adds the rest around it).
     */
    public String bodyAsRead(Story story) {
        turns.takeTurn(story, 0);
        Instant publishedAt = story.firstPublishedAt != null ? story.firstPublishedAt : clock.instant();
        return bodyAsRead(story.body, dateline(story, publishedAt, site.settings()));
    }

    /**
     * The body as the story page has it, for a full-text feed: the caller takes one turn for all of its stories'
     * bodies together ({@link BigStoryTurns}), since a feed holds them all until it is written.
     */
    public String bodyForFeed(Story story, String body) {
        Instant publishedAt = story.firstPublishedAt != null ? story.firstPublishedAt : clock.instant();
        return bodyAsRead(body, dateline(story, publishedAt, site.settings()));
    }

    /** Minutes to read the body at an unhurried 200 words a minute; never less than one. */
    static int readingMinutes(Story story) {
        return Math.max(1, (int) Math.round(BodyHtml.wordCount(story.body) / 200.0));
    }

    private static String bodyAsRead(String body, String dateline) {
        return BodyHtml.withResponsiveImages(BodyHtml.withLeadIn(body, dateline, "dateline"));
    }

    private static String dateline(Story story, Instant publishedAt, SiteInfo.Settings settings) {
        var day = story.datelineDate != null ? story.datelineDate : publishedAt.atZone(Newsroom.zone()).toLocalDate();
        Language language = story.lang();
        return Dateline.render(story.datelinePlace, day, PageLanguage.datelinePattern(language, settings.datelineFormat()),
                language.locale(), settings.agencyCredit());
    }
}
