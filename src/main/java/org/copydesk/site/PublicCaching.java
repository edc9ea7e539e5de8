package org.copydesk.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Public pages and feeds carry a strong ETag (a hash of the bytes) and a short shared cache life with
 * stale-while-revalidate, suitable for a CDN in front, and Last-Modified where the page knows it; a
 * request whose If-None-Match matches (or, without one, whose If-Modified-Since is not older) gets
 * 304 with no body. Desk pages, sign-in and anything personal are left alone.
 */
public class PublicCaching {

    /** Request property: the public version read before rendering, for storing the page. */
    static final String VERSION = "copydesk.public-version";

    @Inject
    PageFreshness freshness;

    @Inject
    PageCache cache;

    @Inject
    PublicVersion versions;

    /**
     * A public page already rendered at the current public version is sent from memory (or answered
     * 304 when the browser's ETag matches) without running the resource: one small query per request.
     */
    @ServerRequestFilter
    public Response fromCache(ContainerRequestContext request) {
        if (!cache.enabled() || !"GET".equals(request.getMethod()) || !isPublic(request) || !isPage(request)) {
            return null;
        }
        long version = versions.current();
        request.setProperty(VERSION, version);
        PageCache.Page page = cache.get(key(request), version);
        if (page == null) {
            return null;
        }
        Response.ResponseBuilder answer = notModified(request, page.etag(), page.lastModified())
                ? Response.notModified() : Response.ok(page.body(), page.contentType());
        answer.header(HttpHeaders.ETAG, page.etag()).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, "Accept-Encoding");
        if (page.lastModified() != null) {
            answer.header(HttpHeaders.LAST_MODIFIED, httpDate(page.lastModified()));
        }
        return answer.build();
    }

    static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

    @ServerResponseFilter
    public void etag(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200
                || !isPublic(request)) {
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
        String etag = "\"" + sha256(body).substring(0, 32) + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.getHeaders().add(HttpHeaders.VARY, "Accept-Encoding");
        Instant lastModified = freshness.lastModified() == null ? null
                : freshness.lastModified().truncatedTo(ChronoUnit.SECONDS);
        if (lastModified != null) {
            response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, httpDate(lastModified));
        }
        if (request.getProperty(VERSION) instanceof Long version) {
            String type = response.getMediaType() != null ? response.getMediaType().toString()
                    : response.getHeaderString(HttpHeaders.CONTENT_TYPE);
            cache.put(key(request), new PageCache.Page(version, body, type == null ? "text/html;charset=UTF-8" : type,
                    etag, lastModified));
        }
        if (notModified(request, etag, lastModified)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body);
        }
    }

    /** If-None-Match decides when present (RFC 9110); otherwise If-Modified-Since, when the page knows its time. */
    private static boolean notModified(ContainerRequestContext request, String etag, Instant lastModified) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag);
        }
        String ifModifiedSince = request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
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

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    /** Pages and feeds; not the operations endpoints, files and images (their bytes have caches of their own). */
    private static boolean isPage(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return !path.startsWith("/q/") && !path.startsWith("/static/") && !path.startsWith("/images/")
                && !path.startsWith("/bundle/");
    }

    private static String key(ContainerRequestContext request) {
        java.net.URI uri = request.getUriInfo().getRequestUri();
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static boolean isPublic(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/desk") || path.startsWith("/login") || path.startsWith("/logout")
                || path.startsWith("/preview") || path.startsWith("/search")) {
            return false;
        }
        // A page carrying a one-off message for this browser is not for a shared cache.
        return !request.getCookies().containsKey("copydesk-flash");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
