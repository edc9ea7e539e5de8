package org.copydesk.site;

import java.time.Instant;

import org.copydesk.story.Story;

/**
 * A published story as a sitemap lists it: read as these columns, not as a whole story, because a sitemap page
 * lists up to 50,000 of them (as whole stories, bodies included, one page needed more memory than the app has).
 * {@code lastCorrectedAt} is its latest correction's time (null when none), read in the same query, so that
 * {@code <lastmod>} moves with a correction as the page's Last-Modified does.
 */
public record SitemapEntry(String url, String headline, Instant firstPublishedAt, Instant lastPublishedAt, String language,
                           long id, Long translationOf, Instant lastCorrectedAt) {

    /** The id of the story's set of translations: its original's. */
    public long setId() {
        return translationOf != null ? translationOf : id;
    }

    /** The story's last public change (Story#lastChange): publication, update or correction. */
    public Instant lastmod() {
        return Story.lastChange(firstPublishedAt, lastPublishedAt, lastCorrectedAt);
    }

    /** The story's language as the news sitemap wants it (news:language). */
    public String newsLanguage() {
        return org.copydesk.language.Languages.of(language).newsLanguage();
    }
}
