package org.copydesk.web;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Request bodies held to their limits before anything reads them. A form may be up to
 * {@code copydesk.uploads.form-limit} (12 MB: one picture with the story form around it); the WordPress import
 * ({@code POST /desk/import}, a site's export and its uploads, written to disk as they arrive) up to Quarkus's own
 * {@code quarkus.http.limits.max-body-size}, which is set high for it.
 * <p>
 * Quarkus's own refusal is a bare 413 with the connection closed while the browser is still sending, which
 * browsers show as an empty page or "connection reset". Here the body is read and thrown away (up to
 * {@link #DRAIN_FACTOR} times the limit: nothing is kept), and then a page says what happened and what to do;
 * the rich-text editor's upload ({@code /desk/images}) and JSON clients get the same as JSON. Browsers send a
 * form's length first (Content-Length), so it is refused before anything is stored. Quarkus's one limit is the
 * import's, far above a form's: a form sent without its length (in chunks) is weighed as it is read
 * ({@link ReadableForms}), and any other body without its length, which may be read whole before it is used, is
 * refused with 411 at once.
 */
@ApplicationScoped
public class OversizedUploads {

    /** After {@link SecurityHeaders} (the page carries its headers), before anything reads the body. */
    static final int PRIORITY = SecurityHeaders.PRIORITY - 5;
    static final int DRAIN_FACTOR = 4;
    /** The import's limit is in gigabytes: a body over it is read this much further at most. */
    static final long DRAIN_ABOVE_IMPORT = 64L * 1024 * 1024;

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance uploadTooLarge(String limit, boolean importing);
    }

    @Inject
    QuarkusSettings quarkus;

    @Inject
    CopydeskConfig config;

    /** The largest body anything takes: a WordPress import's. */
    long importLimit() {
        return quarkus.maxBodySize().map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    /** The largest body of every other request. */
    long formLimit() {
        return Math.min(config.uploads().formLimit().asLongValue(), importLimit());
    }

    void register(@Observes Filters filters) {
        long importLimit = importLimit();
        long formLimit = formLimit();
        filters.register(context -> {
            HttpServerRequest request = context.request();
            boolean importing = isImport(request.method().name(), request.path());
            long limit = importing ? importLimit : formLimit;
            if (sentWithoutLength(request) && !isForm(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
                // A form is weighed as it is read (ReadableForms); other bodies may be buffered whole first.
                answer(context, 411, "A request with a body must say its length (Content-Length); nothing was saved.");
            } else if (contentLength(request) > limit) {
                refuse(context, limit, importing);
            } else {
                context.next();
            }
        }, PRIORITY);
    }

    static String message(long limit) {
        return "The form was larger than " + megabytes(limit) + " in all, so it was not sent and nothing was saved. "
                + "Images may be up to 10 MB: save the picture smaller (or as a JPEG) and choose it again.";
    }

    static boolean isImport(String method, String path) {
        return "POST".equals(method) && DeskPaths.IMPORT.equals(path);
    }

    private static boolean isForm(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }

    /** The page for a form found too large while it was read. */
    static String page(long limit, boolean importing) {
        return Templates.uploadTooLarge(megabytes(limit), importing).render();
    }

    /**
     * A body coming in chunks, its size unknown: HTTP/1.1's Transfer-Encoding, or an HTTP/2 stream that goes on
     * after its headers with no length given. (A request without a body ends with its headers.)
     */
    private static boolean sentWithoutLength(HttpServerRequest request) {
        if (request.getHeader(HttpHeaders.CONTENT_LENGTH) != null) {
            return false;
        }
        if (request.version() != HttpVersion.HTTP_2) {
            return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        }
        // HTTP/2 has no Transfer-Encoding: a stream still open after the headers of a method that sends a body.
        HttpMethod method = request.method();
        return (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) && !request.isEnded();
    }

    private static void answer(RoutingContext context, int status, String message) {
        closing(context.request(), context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json"))
                .end("{\"error\":\"" + message + "\"}");
    }

    /**
     * Asks an HTTP/1 client to close the connection after the answer (the rest of its body is not read). HTTP/2 has
     * no such header (a client refuses an answer carrying it): the stream is reset instead, the connection kept.
     */
    private static HttpServerResponse closing(HttpServerRequest request, HttpServerResponse response) {
        return request.version() == HttpVersion.HTTP_2 ? response : response.putHeader(HttpHeaders.CONNECTION, "close");
    }

    private static void refuse(RoutingContext context, long limit, boolean importing) {
        HttpServerRequest request = context.request();
        boolean json = request.path().startsWith(DeskPaths.IMAGES)
                || String.valueOf(request.getHeader(HttpHeaders.ACCEPT)).startsWith("application/json");
        String body = json ? "{\"error\":\"" + message(limit) + "\"}"
                : Templates.uploadTooLarge(megabytes(limit), importing).render();
        Runnable answer = () -> closing(request, context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, json ? "application/json" : "text/html;charset=UTF-8"))
                .end(body);
        if (request.method() == HttpMethod.GET || "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            answer.run(); // the client waits for a word before sending the body: it is told now, and sends nothing
            return;
        }
        long drainUpTo = Math.min(limit * DRAIN_FACTOR, limit + DRAIN_ABOVE_IMPORT);
        if (contentLength(request) > drainUpTo) {
            answer.run(); // far too large to be worth reading: the browser may show the closed connection instead
            return;
        }
        // Browsers send the whole body before they read an answer: it is read to the end (and dropped), so
        // that the page reaches them rather than a reset connection.
        AtomicLong dropped = new AtomicLong();
        request.handler(chunk -> {
            if (dropped.addAndGet(chunk.length()) > drainUpTo) {
                request.connection().close();
            }
        });
        request.exceptionHandler(ignored -> {
        });
        request.endHandler(ended -> answer.run());
        request.resume();
    }

    private static long contentLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The largest WordPress import (its export and uploads together), as the import form says it. */
    public static String importLimit(QuarkusSettings quarkus) {
        return quarkus.maxBodySize().map(size -> megabytes(size.asLongValue())).orElse("any size");
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024L * 1024 * 1024 ? Math.round(bytes / (1024.0 * 1024 * 1024)) + " GB"
                : Math.round(bytes / (1024.0 * 1024.0)) + " MB";
    }
}
