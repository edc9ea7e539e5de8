package org.copydesk.web;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A request body over {@code quarkus.http.limits.max-body-size} (a form with a file of more than about 12 MB)
 * is refused unread. Quarkus's own refusal is a bare 413 with the connection closed while the browser is still
 * sending, which browsers show as an empty page or "connection reset". Here the body is read and thrown
 * away (up to {@link #DRAIN_FACTOR} times the limit: nothing is kept), and then a page says what happened
 * and what to do; the rich-text editor's upload ({@code /desk/images}) gets the same as JSON. Browsers send
 * a form's length first (Content-Length), so it is refused before anything is stored; a body sent in chunks
 * without a length is still cut off by Quarkus's own limit.
 */
public class OversizedUploads {

    /** After {@link SecurityHeaders} (the page carries its headers), before anything reads the body. */
    static final int PRIORITY = SecurityHeaders.PRIORITY - 5;
    static final int DRAIN_FACTOR = 4;

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance uploadTooLarge(String limit);
    }

    @Inject
    QuarkusSettings quarkus;

    void register(@Observes Filters filters) {
        Optional<MemorySize> maxBodySize = quarkus.maxBodySize();
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        filters.register(context -> {
            if (contentLength(context.request()) > limit) {
                refuse(context, limit);
            } else {
                context.next();
            }
        }, PRIORITY);
    }

    static String message(long limit) {
        return "The form was larger than " + megabytes(limit) + " in all, so it was not sent and nothing was saved. "
                + "Images may be up to 10 MB: save the picture smaller (or as a JPEG) and choose it again.";
    }

    private static void refuse(RoutingContext context, long limit) {
        HttpServerRequest request = context.request();
        boolean json = request.path().startsWith(DeskPaths.IMAGES)
                || String.valueOf(request.getHeader(HttpHeaders.ACCEPT)).startsWith("application/json");
        String body = json ? "{\"error\":\"" + message(limit) + "\"}" : Templates.uploadTooLarge(megabytes(limit)).render();
        Runnable answer = () -> context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, json ? "application/json" : "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
        if (request.method() == HttpMethod.GET || "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            answer.run(); // the client waits for a word before sending the body: it is told now, and sends nothing
            return;
        }
        // Browsers send the whole body before they read an answer: it is read to the end (and dropped), so
        // that the page reaches them rather than a reset connection.
        AtomicLong dropped = new AtomicLong();
        request.handler(chunk -> {
            if (dropped.addAndGet(chunk.length()) > limit * DRAIN_FACTOR) {
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

    private static String megabytes(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0)) + " MB";
    }
}
