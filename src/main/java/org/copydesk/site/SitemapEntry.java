package org.copydesk.site;

import java.time.Instant;

/**
 * A published story as a sitemap lists it: read as these four columns, not as a whole story, because a
 * sitemap page lists up to 50,000 of them (as whole stories, bodies included, one page needed more memory
 * than the app has).
 */
public record SitemapEntry(String url, String headline, Instant firstPublishedAt, Instant lastPublishedAt, String language,
                           long id, Long translationOf) {

    /** The id of the story's set of translations: its original's. */
    public long setId() {
        return translationOf != null ? translationOf : id;
    }

    /** The story's language as the news sitemap wants it (news:language). */
    public String newsLanguage() {
        return org.copydesk.language.Languages.of(language).newsLanguage();
    }
}
