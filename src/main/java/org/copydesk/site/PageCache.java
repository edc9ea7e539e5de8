package org.copydesk.site;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rendered public pages, kept with the public version they were rendered at ({@link PublicVersion}).
 * An entry is used only while that version is current, so nothing stale is served after a change
 * commits, on any node; a page is rendered again once after each change.
 */
@ApplicationScoped
public class PageCache {

    /** One rendered page and what its response needs. */
    public record Page(long version, String body, String contentType, String etag, Instant lastModified) {
    }

    private final Cache<String, Page> pages;
    private final boolean enabled;

    PageCache(@ConfigProperty(name = "copydesk.page-cache.enabled", defaultValue = "true") boolean enabled,
              @ConfigProperty(name = "copydesk.page-cache.max-pages", defaultValue = "5000") long maxPages) {
        this.enabled = enabled;
        this.pages = Caffeine.newBuilder().maximumSize(maxPages).expireAfterAccess(Duration.ofHours(1)).build();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The page rendered at this version, or null. */
    public Page get(String key, long version) {
        Page page = enabled ? pages.getIfPresent(key) : null;
        return page != null && page.version() == version ? page : null;
    }

    public void put(String key, Page page) {
        if (enabled) {
            pages.put(key, page);
        }
    }
}
