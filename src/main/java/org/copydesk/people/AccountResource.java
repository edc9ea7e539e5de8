package org.copydesk.people;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;

/** {@code /desk/account}: everyone's own account page, where the password is changed. */
@Path(DeskPaths.ACCOUNT)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REPORTER_ROLE)
public class AccountResource {

    @CheckedTemplate(basePath = "people")
    static class Templates {
        static native TemplateInstance account(FormErrors errors, String email);
    }

    @Inject
    StaffService staff;

    @Inject
    CurrentStaff me;

    @Inject
    SessionCookies sessions;

    @Inject
    RoutingContext routing;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance page() {
        return Templates.account(FormErrors.none(), emailOf());
    }

    @POST
    public Response changePassword(@FormParam("currentPassword") String current, @FormParam("newPassword") String fresh,
                                   @FormParam("confirmPassword") String confirmation) {
        try {
            int generation = staff.changePassword(me.account(), current, fresh, confirmation);
            // This browser stays signed in with the new generation; every other session has ended.
            sessions.signIn(me.account().username, generation, routing);
            return flash.redirect(DeskPaths.account(), "Password changed. Any other sign-ins of this account have ended.");
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.account(invalid.errors(), emailOf())).build();
        }
    }

    /** The address notifications chosen by e-mail go to; blank removes it. */
    @POST
    @Path("email")
    public Response changeEmail(@FormParam("email") String email) {
        try {
            staff.changeEmail(me.account(), email);
            return flash.redirect(DeskPaths.account(), me.account().email == null ? "E-mail address removed."
                    : "E-mail address saved.");
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.account(invalid.errors(), email == null ? "" : email)).build();
        }
    }

    private String emailOf() {
        return me.account().email == null ? "" : me.account().email;
    }
}
