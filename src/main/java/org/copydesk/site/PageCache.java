package org.copydesk.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.web.AppRoutes;
import org.copydesk.web.PublicAddress;
import org.copydesk.web.CopydeskConfig;

/**
 * Rendered public pages, kept with the public version (publishing.PublicVersion) and the site settings
 * generation ({@link SiteInfo#generation()}) they were rendered at. An entry is used only while both
 * are current, so nothing stale is served after a change commits; a page is rendered again once after
 * each change. A page's gzipped bytes are made the first time a reader's browser asks for them and kept
 * with it, so that a cached answer costs no compression either, and a page nobody asks for compressed
 * (an odd search, read once) costs none at all.
 */
@ApplicationScoped
public class PageCache {

    /** One rendered page and what its response needs. */
    public static final class Page {
        private final long version;
        private final long siteGeneration;
        private final byte[] body;
        private final String contentType;
        private final String etag;
        private final Instant lastModified;
        private final String lastModifiedHeader;
        private final String pathTemplate;
        private final int status;
        private final Buffer bodyBuffer;
        private volatile Buffer gzipped;

        public Page(int status, long version, long siteGeneration, byte[] body, String contentType, String etag,
                    Instant lastModified, String pathTemplate) {
            this.status = status;
            this.version = version;
            this.siteGeneration = siteGeneration;
            this.body = body;
            this.contentType = contentType;
            this.etag = etag;
            this.lastModified = lastModified;
            this.pathTemplate = pathTemplate;
            // What every answer from memory sends, made once: the date written out, the bytes wrapped (not copied).
            this.lastModifiedHeader = lastModified == null ? null : PublicCaching.httpDate(lastModified);
            this.bodyBuffer = Buffer.buffer(Unpooled.wrappedBuffer(body));
        }

        /** The path template the page's requests are counted under in the HTTP metrics (null: their path). */
        public String pathTemplate() {
            return pathTemplate;
        }

        /** 200, or the 404 or 410 of a page that is not there (see PublicCaching.missing). */
        public int status() {
            return status;
        }

        public long version() {
            return version;
        }

        public long siteGeneration() {
            return siteGeneration;
        }

        public byte[] body() {
            return body;
        }

        /** Whether the gzipped bytes are made yet (making them may take a while: a sitemap is megabytes). */
        public boolean gzippedMade() {
            return gzipped != null;
        }

        /**
         * The body gzipped, made on the first call (two readers at once may both make it: the same bytes). A
         * Vert.x buffer may be written by many responses at once (each writes a duplicate of it).
         */
        public Buffer gzipped() {
            Buffer made = gzipped;
            if (made == null) {
                made = Buffer.buffer(Unpooled.wrappedBuffer(gzip(body)));
                gzipped = made;
            }
            return made;
        }

        /** The body as a Vert.x buffer, for answers written on the event loop. */
        public Buffer bodyBuffer() {
            return bodyBuffer;
        }

        /** Last-Modified as the header writes it, or null. */
        public String lastModifiedHeader() {
            return lastModifiedHeader;
        }

        public String contentType() {
            return contentType;
        }

        public String etag() {
            return etag;
        }

        public Instant lastModified() {
            return lastModified;
        }
    }

    /** What a page's gzipped bytes are counted as before they are made: HTML compresses to a fifth or so. */
    private static final int GZIP_SHARE = 4;

    private final Cache<String, Page> pages;
    private final boolean enabled;

    @Inject
    PageCache(CopydeskConfig config) {
        this(config.pageCache().enabled(), config.pageCache().maxMegabytes());
    }

    PageCache(boolean enabled, long maxMegabytes) {
        this.enabled = enabled;
        // Bounded by bytes, not pages: a sitemap weighs as much as fifty stories. Caffeine keeps the pages
        // asked for most often (a breaking story) and lets one-off ones (an odd search) go first.
        this.pages = Caffeine.newBuilder().maximumWeight(maxMegabytes * 1024 * 1024)
                .<String, Page>weigher((key, page) -> key.length() + page.body().length + page.body().length / GZIP_SHARE)
                .expireAfterAccess(Duration.ofHours(1)).build();
    }

    public boolean enabled() {
        return enabled;
    }

    @Inject
    AppRoutes routes;

    @Inject
    PublicAddress address;

    /**
     * The page's key: its path as routed (decoded, normalised, so that the safety checks see what routing
     * sees) and, of its query, only the parameters pages read ({@link AppRoutes#publicQueryParameters}), in
     * the order of their names: a share link's {@code ?utm_source=...} or {@code fbclid} changes nothing on
     * the page, and keeping a copy per reader's link filled memory with the same story and rendered it once
     * per reader (sixteen readers of a megabyte's story at once ran out of memory). Without a public address
     * configured, the host the page was asked for comes first: pages carry absolute links built from it, so a
     * request with a made-up Host header must not leave a page for everyone else.
     */
    public String key(RoutingContext request) {
        String path = request.normalizedPath();
        String host = address.configured() ? "" : String.valueOf(request.request().authority());
        String query = request.request().query();
        if (query == null || query.isEmpty()) {
            return host + path;
        }
        List<String[]> kept = new ArrayList<>(2);
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (routes.publicQueryParameters().contains(decoded(name))) {
                kept.add(new String[] {decoded(name), pair});
            }
        }
        if (kept.isEmpty()) {
            return host + path;
        }
        kept.sort(Comparator.comparing(pair -> pair[0])); // stable: a name given twice keeps its order
        StringBuilder key = new StringBuilder(host.length() + path.length() + query.length() + 1).append(host).append(path);
        char separator = '?';
        for (String[] pair : kept) {
            key.append(separator).append(pair[1]);
            separator = '&';
        }
        return key.toString();
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }

    /** The page rendered at this version and settings generation, or null. */
    public Page get(String key, long version, long siteGeneration) {
        Page page = enabled ? pages.getIfPresent(key) : null;
        return page != null && page.version() == version && page.siteGeneration() == siteGeneration ? page : null;
    }

    /**
     * Notes that this page was asked for and says whether it was asked for before, lately. A slot per hash of
     * the key, written over by other pages (then a page is asked for once more before it is kept): no memory
     * is taken per page asked for. Used for pages most readers ask for once (PublicCaching.worthKeeping).
     */
    boolean askedBefore(String key) {
        int hash = key.hashCode();
        long tag = (long) hash << 32 | key.length();
        return asked.getAndSet((hash ^ hash >>> 15) & (asked.length() - 1), tag) == tag;
    }

    private final AtomicLongArray asked = new AtomicLongArray(16384);

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
