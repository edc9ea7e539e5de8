package org.copydesk.site;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.copydesk.publishing.PublicVersion;
import org.copydesk.web.PublicRequests;
import org.copydesk.web.SecurityHeaders;

/**
 * Answers a public page kept in {@link PageCache} straight from the event loop, before sign-in, permission
 * checks, CSRF and the REST layer: no thread hop, no query, no rendering, no compression (the gzipped bytes
 * are kept too). A kept page is the same for everyone, so who asks does not matter; sign-in and the path
 * matching done for HTTP metrics cost a fifth of a story page's time (docs/performance.md). Runs after the
 * security-header filter, so the answer carries the same headers as a rendered one, and is counted in the
 * HTTP metrics under the path template it was rendered for. Anything else goes on to be rendered (and kept,
 * by {@link PublicCaching}).
 */
@ApplicationScoped
public class CachedPages {

    /** Below {@code SecurityHeaders}: filters with a higher priority run first. */
    static final int PRIORITY = SecurityHeaders.PRIORITY - 10;

    /** Where Quarkus REST leaves a request's path template, which the HTTP metrics tag it with. */
    private static final String PATH_TEMPLATE = "UrlPathTemplate";

    @Inject
    PageCache cache;

    @Inject
    PublicVersion versions;

    @Inject
    SiteInfo site;

    void register(@Observes Filters filters) {
        filters.register(this::answer, PRIORITY);
    }

    void answer(RoutingContext context) {
        long version = versions.known();
        if (!cache.enabled() || version == PublicVersion.UNKNOWN || !PublicRequests.readsPage(context.request().method().name())
                || !PublicRequests.cacheable(context)) {
            context.next();
            return;
        }
        PageCache.Page page = cache.get(cache.key(context), version, site.generation());
        if (page == null) {
            context.next();
            return;
        }
        if (page.pathTemplate() != null && context.request() instanceof HttpServerRequestInternal request) {
            request.context().putLocal(PATH_TEMPLATE, page.pathTemplate());
        }
        HttpServerResponse response = context.response();
        if (page.status() == 200) {
            PublicCaching.cachingHeaders(page.etag(), page.lastModifiedHeader(), response.headers()::set);
            if (PublicCaching.notModified(context.request().getHeader(HttpHeaders.IF_NONE_MATCH),
                    context.request().getHeader(HttpHeaders.IF_MODIFIED_SINCE), page.etag(), page.lastModified())) {
                response.setStatusCode(304).end();
                return;
            }
        } else { // a page that is not there: the same answer as rendered, without caching headers
            response.setStatusCode(page.status());
            response.headers().set(HttpHeaders.VARY, "Accept-Encoding");
        }
        response.headers().set(HttpHeaders.CONTENT_TYPE, page.contentType());
        if (acceptsGzip(context.request().getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            // Set by us, so the server's own compression leaves the bytes alone.
            response.headers().set(HttpHeaders.CONTENT_ENCODING, "gzip");
            if (page.gzippedMade()) {
                send(context, page.gzipped());
            } else { // compressed once, off the event loop: a sitemap page takes tens of milliseconds
                context.vertx().executeBlocking(page::gzipped, false)
                        .onSuccess(bytes -> send(context, bytes))
                        .onFailure(context::fail);
            }
        } else {
            send(context, page.bodyBuffer());
        }
    }

    /** The bytes, or for HEAD only their length: HEAD says what GET would, Content-Length included, with no body. */
    private static void send(RoutingContext context, io.vertx.core.buffer.Buffer bytes) {
        HttpServerResponse response = context.response();
        if (context.request().method() == io.vertx.core.http.HttpMethod.HEAD) {
            response.headers().set(HttpHeaders.CONTENT_LENGTH, String.valueOf(bytes.length()));
            response.end();
        } else {
            response.end(bytes);
        }
    }

    /** The path template Quarkus REST matched the request to (for the HTTP metrics), if any. */
    static String pathTemplate(RoutingContext context) {
        return context.request() instanceof HttpServerRequestInternal request && request.context().getLocal(PATH_TEMPLATE) instanceof String template
                ? template : null;
    }

    /** gzip listed and not refused with q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }
}
