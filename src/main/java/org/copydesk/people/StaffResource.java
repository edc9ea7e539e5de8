package org.copydesk.people;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;

/** /desk/staff: admins create accounts and set roles. */
@Path(DeskPaths.STAFF)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class StaffResource {

    /** The new-account form as typed (the password is never sent back). */
    public record NewAccount(String username, String displayName, String role, String email) {
    }

    @CheckedTemplate(basePath = "people")
    static class Templates {
        static native TemplateInstance staff(List<StaffAccount> accounts, NewAccount form, FormErrors errors, Role[] roles);
    }

    @Inject
    StaffService staff;

    @Inject
    Flash flash;

    @Inject
    CurrentStaff me;

    @GET
    public TemplateInstance list() {
        return page(new NewAccount("", "", Role.REPORTER.name(), ""), FormErrors.none());
    }

    @POST
    public Response create(@FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("displayName") String displayName, @FormParam("role") String role,
                           @FormParam("email") String email) {
        try {
            StaffAccount account = staff.createAccount(username, password, displayName, Role.parse(role), email, me.account());
            return flash.redirect(DeskPaths.staff(), "Account " + account.username + " created as " + account.role().label() + ".");
        } catch (FormInvalidException invalid) {
            NewAccount typed = new NewAccount(nullToEmpty(username), nullToEmpty(displayName), nullToEmpty(role),
                    nullToEmpty(email));
            return Response.status(Response.Status.BAD_REQUEST).entity(page(typed, invalid.errors())).build();
        }
    }

    @POST
    @Path("{id}/role")
    public Response changeRole(@PathParam("id") long id, @FormParam("role") String role) {
        try {
            staff.changeRole(id, Role.parse(role), me.account());
            return flash.redirect(DeskPaths.staff(), "Role changed.");
        } catch (FormInvalidException invalid) {
            return flash.redirect(DeskPaths.staff(), invalid.errors().all().values().iterator().next());
        }
    }

    /** Disable (sessions end at once, sign-in refused) or enable an account again. */
    @POST
    @Path("{id}/enabled")
    public Response setEnabled(@PathParam("id") long id, @FormParam("enabled") boolean enabled) {
        try {
            staff.setEnabled(id, enabled, me.account());
            return flash.redirect(DeskPaths.staff(), enabled ? "Account enabled." : "Account disabled: its sessions have ended.");
        } catch (FormInvalidException invalid) {
            return flash.redirect(DeskPaths.staff(), invalid.errors().all().values().iterator().next());
        }
    }

    private TemplateInstance page(NewAccount form, FormErrors errors) {
        return Templates.staff(staff.listAccounts(), form, errors, Role.values());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
