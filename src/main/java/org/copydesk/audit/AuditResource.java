package org.copydesk.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.copydesk.people.Role;
import org.copydesk.web.DeskPaths;

/** /desk/audit: the whole audit log for admins, newest first, with filters (a plain GET form). */
@Path(DeskPaths.AUDIT)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class AuditResource {

    /** The filter form as typed. */
    public record Query(String action, String actor, String story, String from, String to) {
    }

    @CheckedTemplate(basePath = "audit")
    static class Templates {
        static native TemplateInstance auditLog(List<AuditEvent> events, Query query, AuditAction[] actions);
    }

    @Inject
    AuditLog audit;

    @GET
    public TemplateInstance list(@QueryParam("action") String action, @QueryParam("actor") String actor,
                                 @QueryParam("story") String story, @QueryParam("from") String from,
                                 @QueryParam("to") String to) {
        AuditAction known = AuditAction.parse(action);
        AuditLog.Filter filter = new AuditLog.Filter(known == null ? null : known.name(), actor, parseId(story),
                parseDate(from), parseDate(to));
        Query typed = new Query(orEmpty(action), orEmpty(actor), orEmpty(story), orEmpty(from), orEmpty(to));
        return Templates.auditLog(audit.search(filter), typed, AuditAction.values());
    }

    private static Long parseId(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
