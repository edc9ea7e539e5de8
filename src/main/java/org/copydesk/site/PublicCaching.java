package org.copydesk.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Public pages and feeds carry a strong ETag (a hash of the bytes) and a short shared cache life with
 * stale-while-revalidate, suitable for a CDN in front; a request whose If-None-Match matches gets
 * 304 with no body. Desk pages, sign-in and anything personal are left alone.
 */
public class PublicCaching {

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
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag))) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body);
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
