package org.copydesk.site;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.copydesk.media.ImageRejectedException;
import org.copydesk.media.ImageStore;
import org.copydesk.media.ImageUpload;
import org.copydesk.people.CurrentStaff;
import org.copydesk.people.Role;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** {@code /desk/settings/logo}: the admin uploads the masthead's logo, or takes it away (like an author's photo). */
@Path(DeskPaths.SETTINGS_LOGO)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class LogoResource {

    @Inject
    ImageStore images;

    @Inject
    SettingsService settings;

    @Inject
    SiteInfo site;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("logo") FileUpload file, @RestForm("remove") String remove) {
        if ("on".equals(remove)) {
            settings.removeLogo(me.account());
            site.reload();
            return flash.redirect(DeskPaths.settings(), "Logo removed: the masthead shows the site's name.");
        }
        try {
            // The picture is decoded and scaled in its turn (ImageStore), then the settings row changed in a transaction of its own.
            org.copydesk.media.Image stored = images.store(ImageUpload.of(file), me.account().id);
            settings.setLogo(stored, me.account());
        } catch (ImageRejectedException rejected) {
            Response.ResponseBuilder answer = Response.status(rejected.status()).entity(SettingsResource.Templates.settings(
                    SettingsResource.currentForm(site), new FormErrors().add("logo", rejected.getMessage()), null));
            if (rejected.retryAfterSeconds() > 0) {
                answer.header("Retry-After", rejected.retryAfterSeconds());
            }
            return answer.build();
        }
        site.reload();
        return flash.redirect(DeskPaths.settings(), "Logo saved.");
    }
}
