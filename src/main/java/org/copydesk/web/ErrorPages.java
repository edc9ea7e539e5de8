package org.copydesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.arc.Arc;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Friendly error pages; a stack trace never reaches the browser. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance gone();

        static native TemplateInstance forbidden(String message);

        static native TemplateInstance serverError();

        static native TemplateInstance badRequest(String message);

        static native TemplateInstance databaseUnavailable(OutagePage page, boolean posted);
    }

    @Inject
    TypedForm typed;

    @Inject
    DatabaseOutage outage;

    /** 403 with a reason the reader can act on (or a general one when null). */
    public static Response forbiddenPage(String message) {
        return html(403, Templates.forbidden(message));
    }

    public static TemplateInstance badRequestPage(String message) {
        return Templates.badRequest(message);
    }

    /** 410 Gone: the story was published and then taken down. */
    public static Response gonePage() {
        return html(410, inSiteLanguage(Templates.gone()));
    }

    public static Response notFoundPage() {
        return html(404, inSiteLanguage(Templates.notFound()));
    }

    /** Readers meet these two: in the site's language, like the front page they lead back to. */
    private static TemplateInstance inSiteLanguage(TemplateInstance page) {
        return page.setLocale(Arc.container().instance(SiteLanguage.class).get().siteLanguage().locale());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return notFoundPage();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return forbiddenPage(null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse(); // not an error: an answer given by throwing (204 for a stream that has ended)
        }
        if (status >= 500 && DatabaseOutage.causedBy(e)) {
            return databaseAway(e, request);
        }
        if (status == 404) {
            return notFoundPage();
        }
        if (status == 403) {
            return forbiddenPage(null);
        }
        if (status >= 400 && status < 500) {
            return html(status, Templates.badRequest("The request could not be understood. Go back and try again."));
        }
        LOG.error("Request failed", e);
        return html(500, Templates.serverError());
    }

    /** 503 with what to do, and when to try again (Retry-After, in seconds). */
    @ServerExceptionMapper
    public Response busy(BusyException busy) {
        return Response.fromResponse(html(503, Templates.badRequest(busy.getMessage()))).header("Retry-After", "5").build();
    }

    static final String UNREADABLE_FORM = "This form could not be read: it was cut off, or held bytes that are not "
            + "text (a broken %-escape, or characters not in UTF-8), so nothing was saved. Go back, copy anything you "
            + "typed, reload the page and send it again.";

    /** A form whose bytes cannot be read as text (web.ReadableForms): a clear 400, nothing stored. */
    @ServerExceptionMapper
    public Response unreadableForm(UnreadableFormException e) {
        LOG.info("Unreadable form refused: " + e.getMessage());
        return html(400, Templates.badRequest(UNREADABLE_FORM));
    }

    /** A form sent without its length that grew past its limit as it was read (web.ReadableForms). */
    @ServerExceptionMapper
    public Response formTooLarge(FormTooLargeException e, HttpHeaders headers, UriInfo uri) {
        boolean json = uri.getPath().startsWith(DeskPaths.IMAGES)
                || String.valueOf(headers.getHeaderString(HttpHeaders.ACCEPT)).startsWith(MediaType.APPLICATION_JSON);
        return json ? Response.status(413).type(MediaType.APPLICATION_JSON).entity(Map.of("error", OversizedUploads.message(e.limit()))).build()
                : Response.status(413).type("text/html;charset=UTF-8")
                        .entity(OversizedUploads.page(e.limit(), e.importing())).build();
    }

    @ServerExceptionMapper
    public Response refused(ActionRefusedException refused) {
        return forbiddenPage(refused.getMessage());
    }

    /**
     * The database went away before the request reached its resource (signed-in staff are checked against it
     * first): the form has not been read yet, so it is read here, to be given back whole on the 503 page.
     */
    @ServerExceptionMapper
    public Uni<Response> databaseUnavailable(DatabaseUnavailableException e, RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        if (request.isEnded() || !OutagePage.keepsTypedForm(request.method().name(), path, request.getHeader("Content-Type"))) {
            return Uni.createFrom().item(databaseAway(e.getCause(), request));
        }
        LOG.warn("The database is not answering: " + e.getCause());
        outage.noticed();
        List<String> files = new ArrayList<>();
        request.setExpectMultipart(true);
        request.uploadHandler(upload -> {
            if (!upload.filename().isEmpty()) {
                files.add(upload.filename());
            }
            upload.handler(ignored -> { });
        });
        Future<Void> read = request.end();
        request.resume();
        return Uni.createFrom().completionStage(read.toCompletionStage())
                .map(done -> {
                    List<Map.Entry<String, String>> sent = new ArrayList<>();
                    request.formAttributes().forEach((name, value) -> sent.add(Map.entry(name, value)));
                    return outageResponse(OutagePage.of(path, sent, !files.isEmpty()), true);
                })
                .onFailure().recoverWithItem(() -> outageResponse(null, true));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpServerRequest request) {
        if (DatabaseOutage.causedBy(e)) {
            return databaseAway(e, request);
        }
        if (isUnstorableText(e)) {
            LOG.info("Text the database cannot store refused: " + e);
            return html(400, Templates.badRequest("The form held a character that cannot be stored (an invisible "
                    + "control character, often pasted from another program). Nothing was saved: go back, remove it "
                    + "and send the form again."));
        }
        if (isConcurrentChange(e)) {
            LOG.info("Concurrent change refused: " + e);
            return html(409, Templates.badRequest("Someone else changed this at the same moment, so nothing of yours "
                    + "was saved. Go back, copy anything you typed, reload the page and try again."));
        }
        LOG.error("Unexpected error", e);
        return html(500, Templates.serverError());
    }

    /** PostgreSQL refusing a NUL byte (or bytes that are not UTF-8): bad input, not a crash. */
    static boolean isUnstorableText(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** An optimistic-lock clash or a unique-key race found at commit: a conflict, not a crash. */
    static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException
                    || t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * 503 with Retry-After: with the form this request's resource kept before the database went away
     * (story saves), or the message alone.
     */
    private Response databaseAway(Throwable e, HttpServerRequest request) {
        LOG.warn("The database is not answering: " + e);
        outage.noticed();
        boolean posted = "POST".equals(request.method().name());
        if (posted && Arc.container().requestContext().isActive() && !typed.isEmpty()) {
            return outageResponse(OutagePage.of(request.path(), typed.fields(), typed.hasFileChosen()), true);
        }
        return outageResponse(null, posted);
    }

    private static Response outageResponse(OutagePage page, boolean posted) {
        return Response.fromResponse(html(503, Templates.databaseUnavailable(page, posted)))
                .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
