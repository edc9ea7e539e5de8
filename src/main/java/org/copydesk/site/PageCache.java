package org.copydesk.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rendered public pages, kept with the public version ({@link PublicVersion}) and the site settings
 * generation ({@link SiteInfo#generation()}) they were rendered at. An entry is used only while both
 * are current, so nothing stale is served after a change commits; a page is rendered again once after
 * each change. Pages are kept plain and gzipped, so that a cached answer costs no compression either.
 */
@ApplicationScoped
public class PageCache {

    /** One rendered page and what its response needs. */
    public record Page(long version, long siteGeneration, byte[] body, byte[] gzipped, String contentType, String etag,
                       Instant lastModified) {
    }

    private final Cache<String, Page> pages;
    private final boolean enabled;

    PageCache(@ConfigProperty(name = "copydesk.page-cache.enabled", defaultValue = "true") boolean enabled,
              @ConfigProperty(name = "copydesk.page-cache.max-megabytes", defaultValue = "32") long maxMegabytes) {
        this.enabled = enabled;
        // Bounded by bytes, not pages: a sitemap weighs as much as fifty stories. Caffeine keeps the pages
        // asked for most often (a breaking story) and lets one-off ones (an odd search) go first.
        this.pages = Caffeine.newBuilder().maximumWeight(maxMegabytes * 1024 * 1024)
                .<String, Page>weigher((key, page) -> key.length() + page.body().length + page.gzipped().length)
                .expireAfterAccess(Duration.ofHours(1)).build();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The page rendered at this version and settings generation, or null. */
    public Page get(String key, long version, long siteGeneration) {
        Page page = enabled ? pages.getIfPresent(key) : null;
        return page != null && page.version() == version && page.siteGeneration() == siteGeneration ? page : null;
    }

    public void put(String key, Page page) {
        if (enabled) {
            pages.put(key, page);
        }
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
