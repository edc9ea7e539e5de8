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

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Public pages and feeds carry a strong ETag (a hash of the bytes) and a short shared cache life with
 * stale-while-revalidate, suitable for a CDN in front, and Last-Modified where the page knows it; a
 * request whose If-None-Match matches (or, without one, whose If-Modified-Since is not older) gets
 * 304 with no body. Desk pages, sign-in and anything personal are left alone.
 */
public class PublicCaching {

    @Inject
    PageFreshness freshness;

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
            response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atZone(ZoneOffset.UTC)));
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
