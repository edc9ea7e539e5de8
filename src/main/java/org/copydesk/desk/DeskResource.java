package org.copydesk.desk;

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

import org.copydesk.people.CurrentStaff;
import org.copydesk.people.Role;
import org.copydesk.web.DeskPaths;

/** /desk: the dashboard every member of staff starts from. */
@Path(DeskPaths.DESK)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REPORTER_ROLE)
public class DeskResource {

    @CheckedTemplate(basePath = "desk")
    static class Templates {
        static native TemplateInstance dashboard(DeskHome home);
    }

    @Inject
    DeskHomes homes;

    @Inject
    CurrentStaff me;

    /** {@code section} and {@code author} are slugs; editors' lists are narrowed to them, anything else is ignored. */
    @GET
    public TemplateInstance dashboard(@QueryParam("section") String section, @QueryParam("author") String author) {
        return Templates.dashboard(me.isEditor() ? homes.forEditor(me.account(), DeskFilter.of(section, author))
                : homes.forReporter(me.account()));
    }
}
