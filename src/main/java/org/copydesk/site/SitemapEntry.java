package org.copydesk.site;

import java.time.Instant;

/**
 * A published story as a sitemap lists it: read as these four columns, not as a whole story, because a
 * sitemap page lists up to 50,000 of them (as whole stories, bodies included, one page needed more memory
 * than the app has).
 */
public record SitemapEntry(String url, String headline, Instant firstPublishedAt, Instant lastPublishedAt) {
}
