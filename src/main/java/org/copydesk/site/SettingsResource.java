package org.copydesk.site;

import java.time.LocalDate;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.copydesk.language.Language;
import org.copydesk.people.CurrentStaff;
import org.copydesk.people.Role;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;

/** {@code /desk/settings}: the admin sets the paper's name, its house dateline style, its languages and what feeds carry. */
@Path(DeskPaths.SETTINGS)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class SettingsResource {

    @CheckedTemplate(basePath = "site")
    static class Templates {
        static native TemplateInstance settings(SettingsForm form, FormErrors errors, String example);
    }

    @Inject
    SiteInfo site;

    @Inject
    SettingsService settings;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance form() {
        SettingsForm form = currentForm(site);
        return Templates.settings(form, FormErrors.none(), example(form));
    }

    /** The form as the settings stand. */
    static SettingsForm currentForm(SiteInfo site) {
        SiteInfo.Settings current = site.settings();
        return new SettingsForm(current.siteName(), current.agencyCredit(), current.datelineFormat(),
                String.join(" ", current.languages().stream().map(Language::tag).toList()),
                current.feedFullText() ? SettingsForm.FULL : SettingsForm.SUMMARY);
    }

    @POST
    public Response save(@FormParam("siteName") String siteName, @FormParam("agencyCredit") String agencyCredit,
                         @FormParam("datelineFormat") String datelineFormat, @FormParam("languages") String languages,
                         @FormParam("feedText") String feedText) {
        SettingsForm form = new SettingsForm(orEmpty(siteName), orEmpty(agencyCredit), orEmpty(datelineFormat), orEmpty(languages),
                orEmpty(feedText));
        try {
            settings.save(form, me.account());
            site.reload();
            return flash.redirect(DeskPaths.settings(), "Settings saved.");
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.settings(form, invalid.errors(), null)).build();
        }
    }

    private static String example(SettingsForm form) {
        try {
            return Dateline.render("Moscow", LocalDate.of(2026, 11, 11), form.datelineFormat(), form.agencyCredit());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
