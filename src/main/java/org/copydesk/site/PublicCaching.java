package org.copydesk.site;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.vertx.ext.web.RoutingContext;

import org.copydesk.ops.NewsroomMetrics;
import org.copydesk.publishing.PublicVersion;
import org.copydesk.web.BusyException;
import org.copydesk.web.PublicRequests;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Public pages and feeds carry a strong ETag (a hash of the bytes) and a short shared cache life with
 * stale-while-revalidate, suitable for a CDN in front, and Last-Modified where the page knows it; a
 * request whose If-None-Match matches (or, without one, whose If-Modified-Since is not older) gets
 * 304 with no body. Desk pages, sign-in and anything personal are left alone.
 */
@jakarta.inject.Singleton
public class PublicCaching {

    /** Request properties: the public version and settings generation read before rendering, for storing the page. */
    static final String VERSION = "copydesk.public-version";
    static final String SITE_GENERATION = "copydesk.site-generation";
    /** Request property: when the REST layer took the request (nanoTime), for the render timer. */
    static final String STARTED = "copydesk.render-started";

    @Inject
    PageFreshness freshness;

    @Inject
    PageCache cache;

    @Inject
    PublicVersion versions;

    @Inject
    SiteInfo site;

    @Inject
    NewsroomMetrics metrics;

    /**
     * Notes what this page is about to be rendered at, so that it can be kept: pages already kept are
     * answered earlier, on the event loop ({@link CachedPages}). Nothing is kept while the version is
     * unknown (changes on other nodes would go unheard).
     */
    @ServerRequestFilter
    public Response beforeRendering(ContainerRequestContext request, RoutingContext routing) {
        request.setProperty(STARTED, System.nanoTime());
        long version = versions.known();
        if (cache.enabled() && version != PublicVersion.UNKNOWN && PublicRequests.readsPage(request.getMethod())
                && PublicRequests.cacheable(routing)) {
            long siteGeneration = site.generation();
            request.setProperty(SITE_GENERATION, siteGeneration);
            request.setProperty(VERSION, version);
            PageCache.Page rendered = renderOnce(cache.key(routing), request, routing, version, siteGeneration);
            if (rendered != null) {
                return kept(rendered, request, routing);
            }
        }
        return null;
    }

    /**
     * How long a request waits for the same page being rendered by another before it is told the site is busy
     * (503, try again): far longer than a render takes, even of a megabyte's story on a busy machine.
     */
    static final long RENDER_WAIT_MILLIS = 20_000;
    /** Request property: ends this request's claim to render its page (see {@link #renderOnce}). */
    static final String RENDERED = "copydesk.rendered";
    /** Request property: the claim this request holds to render its page, with how many wait for it. */
    static final String CLAIM = "copydesk.claim";
    private final ConcurrentHashMap<String, Claim> rendering = new ConcurrentHashMap<>();

    /**
     * A request's claim to render a page; others asking for it meanwhile wait for it to end, and are answered
     * with the page it rendered, kept in memory or not (a one-off page, see {@link #worthKeeping}).
     */
    private static final class Claim {
        final CountDownLatch ended = new CountDownLatch(1);
        final AtomicInteger waiting = new AtomicInteger();
        volatile PageCache.Page rendered;
    }

    /**
     * One render of a page at a time: when many readers ask at once for a page nobody has kept yet (the
     * front page just after a publication, a story shared a moment ago, a sitemap after a restart), the first
     * renders it and the others wait for it and are answered with the page it rendered, instead of each reading
     * and rendering the same page (sixteen renders of a sitemap page, or of a megabyte's story, at once needed
     * more memory than the app has). The others never give up and render it too: when the render ends without
     * a page (an error, its reader gone), one of them takes the claim and the rest wait for that one; past
     * {@link #RENDER_WAIT_MILLIS} a reader is told the site is busy. Returns the page rendered or kept
     * meanwhile, or null when this request is to render it.
     */
    private PageCache.Page renderOnce(String key, ContainerRequestContext request, RoutingContext routing, long version,
                                      long siteGeneration) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RENDER_WAIT_MILLIS);
        while (true) {
            Claim mine = new Claim();
            Claim running = rendering.putIfAbsent(key, mine);
            if (running == null) {
                // Kept by a render that ended after this request was looked up in memory (CachedPages) and before
                // it got here: answered with that, not rendered again.
                PageCache.Page kept = cache.get(key, version, siteGeneration);
                if (kept != null) {
                    rendering.remove(key, mine);
                    mine.ended.countDown();
                    return kept;
                }
                // Ended when the response is (kept, an error, the reader gone), or when its response filter ran.
                Runnable done = () -> {
                    rendering.remove(key, mine);
                    mine.ended.countDown();
                };
                request.setProperty(RENDERED, done);
                request.setProperty(CLAIM, mine);
                routing.addEndHandler(ended -> done.run());
                return null;
            }
            running.waiting.incrementAndGet();
            boolean ended;
            try {
                ended = running.ended.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended = false;
            }
            PageCache.Page rendered = running.rendered;
            if (rendered != null && rendered.version() == version && rendered.siteGeneration() == siteGeneration) {
                return rendered;
            }
            PageCache.Page kept = cache.get(key, version, siteGeneration);
            if (kept != null) {
                return kept;
            }
            if (!ended) {
                throw new BusyException("The site is very busy just now. Try again in a few seconds.");
            }
        }
    }

    /**
     * The answer for a page another request rendered while this one waited. Its bytes are copied out of the
     * heap as they are written and compressed on the way, as a rendered page's are: none of it stays in the heap.
     */
    private Response kept(PageCache.Page page, ContainerRequestContext request, RoutingContext routing) {
        setNoCsrfCookie(routing);
        if (page.status() != 200) {
            return Response.status(page.status()).type(page.contentType()).entity(page.body()).build();
        }
        Response.ResponseBuilder answer = notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), page.etag(), page.lastModified())
                ? Response.notModified() : Response.ok(page.body(), page.contentType());
        cachingHeaders(page.etag(), page.lastModifiedHeader(), answer::header);
        return answer.build();
    }

    /**
     * What every answer with a public page carries, rendered or from memory: its ETag, its cache life, one
     * variant per encoding only (not per browser's Accept: a page a proxy or CDN keeps is the same for
     * everyone) and, when the page knows it, its Last-Modified.
     */
    static void cachingHeaders(String etag, String lastModified, java.util.function.BiConsumer<String, String> header) {
        header.accept(HttpHeaders.ETAG, etag);
        header.accept(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        header.accept(HttpHeaders.VARY, "Accept-Encoding");
        if (lastModified != null) {
            header.accept(HttpHeaders.LAST_MODIFIED, lastModified);
        }
    }

    /**
     * No CSRF cookie on a public page: it matters only where there are forms to post, and public pages have
     * none (search is a GET); nginx would rightly refuse to keep a page that sets one. quarkus-rest-csrf
     * creates its cookie in a response filter that runs after ours, from a token its request filter left in
     * the routing context (these names); without it, no cookie is set. PageCacheTest fails if a public page
     * sets a cookie again.
     */
    private static void setNoCsrfCookie(RoutingContext routing) {
        routing.remove("csrf_token_bytes");
        routing.remove("csrf_token");
    }

    /** Browsers keep a page a minute; shared caches (docker/nginx.conf, a CDN) a second, then revalidate (docs/operations.md). */
    static final String CACHE_CONTROL = "public, max-age=60, s-maxage=1, stale-while-revalidate=10";

    @ServerResponseFilter
    public void etag(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing,
            SimpleResourceInfo resource) {
        try {
            keep(request, response, routing, resource);
        } finally {
            if (request.getProperty(RENDERED) instanceof Runnable done) {
                done.run();
            }
        }
    }

    private void keep(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing,
                      SimpleResourceInfo resource) {
        int status = response.getStatus();
        if (!PublicRequests.readsPage(request.getMethod()) || status != 200 && !missing(status) || !PublicRequests.isPublic(routing)) {
            return;
        }
        // Quarkus REST renders a TemplateInstance before response filters run; handle both to be safe.
        String body;
        if (response.getEntity() instanceof String rendered) {
            body = rendered;
        } else if (response.getEntity() instanceof TemplateInstance page) {
            body = page.render();
        } else {
            return;
        }
        boolean found = status == 200;
        if (found && request.getProperty(STARTED) instanceof Long started && resource != null) {
            metrics.rendered(resource.getMethodName(), Duration.ofNanos(System.nanoTime() - started));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String etag = etag(bytes);
        Instant lastModified = freshness.lastModified() == null ? null
                : freshness.lastModified().truncatedTo(ChronoUnit.SECONDS);
        if (found) { // a missing page is not announced as cacheable: it may be there the next moment
            cachingHeaders(etag, lastModified == null ? null : httpDate(lastModified), response.getHeaders()::putSingle);
        }
        setNoCsrfCookie(routing);
        if (request.getProperty(VERSION) instanceof Long version
                && request.getProperty(SITE_GENERATION) instanceof Long siteGeneration) {
            String type = response.getMediaType() != null ? response.getMediaType().toString()
                    : response.getHeaderString(HttpHeaders.CONTENT_TYPE);
            PageCache.Page page = new PageCache.Page(status, version, siteGeneration, bytes,
                    type == null ? "text/html;charset=UTF-8" : type, etag, lastModified, CachedPages.pathTemplate(routing));
            if (request.getProperty(CLAIM) instanceof Claim claim) {
                claim.rendered = page; // for those waiting for it, before the claim ends (the filter's finally)
            }
            String key = cache.key(routing);
            if (worthKeeping(request, routing, status, key)) {
                cache.put(key, page);
            }
        }
        if (found && notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), etag, lastModified)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(bytes); // written as they are: the page encoded once, not again by the writer
        }
    }

    /**
     * Whether to keep a rendered page. Most are kept at once; a one-off page only from its second request on,
     * or when others wait for the same page. Most searches are asked for once, and keeping each pushed the
     * pages readers come back to out of memory and filled the heap with pages to collect (at 16 readers
     * searching, a full collection of 75 ms every 1.5 s; docs/performance.md). A proxy or CDN in front
     * still keeps any of them for its second (the Cache-Control of every public page).
     */
    private boolean worthKeeping(ContainerRequestContext request, RoutingContext routing, int status, String key) {
        if (!oneOff(routing, status)) {
            return true;
        }
        return request.getProperty(CLAIM) instanceof Claim claim && claim.waiting.get() > 0 || cache.askedBefore(key);
    }

    /**
     * A page that is not there (404) or no longer is (410, an unpublished story) is kept like any other page,
     * and dropped by every public change like it: a story taken down while it is being read and shared is
     * asked for as often as it was before, and each answer was a query and a render.
     */
    static boolean missing(int status) {
        return status == 404 || status == 410;
    }

    /**
     * Pages most readers ask for once: a search's results (they depend on what a reader typed) and a page that
     * is not there (addresses made up by scanners).
     */
    private static boolean oneOff(RoutingContext request, int status) {
        return status != 200 || request.normalizedPath().startsWith("/search");
    }

    /** If-None-Match decides when present (RFC 9110); otherwise If-Modified-Since, when the page knows its time. */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            return ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag);
        }
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    /**
     * A strong ETag from the bytes: two checksums (CRC-32 and CRC-32C, 64 bits between them) and the length.
     * It only has to tell one version of a page from the next, and no one chooses the bytes to fool it;
     * SHA-256 did the same at a twelfth of a search's app time (docs/performance.md); CRC-32 runs in zlib.
     */
    static String etag(byte[] bytes) {
        CRC32 crc32 = new CRC32();
        crc32.update(bytes);
        CRC32C crc32c = new CRC32C();
        crc32c.update(bytes);
        return "\"" + Long.toHexString(crc32.getValue() << 32 | crc32c.getValue()) + "-" + Integer.toHexString(bytes.length) + "\"";
    }
}
