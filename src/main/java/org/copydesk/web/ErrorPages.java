package org.copydesk.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
    }

    /** 403 with a reason the reader can act on (or a general one when null). */
    public static Response forbiddenPage(String message) {
        return html(403, Templates.forbidden(message));
    }

    public static TemplateInstance badRequestPage(String message) {
        return Templates.badRequest(message);
    }

    /** 410 Gone: the story was published and then taken down. */
    public static Response gonePage() {
        return html(410, Templates.gone());
    }

    public static Response notFoundPage() {
        return html(404, Templates.notFound());
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
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
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

    @ServerExceptionMapper
    public Response refused(ActionRefusedException refused) {
        return forbiddenPage(refused.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
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

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
