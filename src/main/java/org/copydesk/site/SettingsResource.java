package org.copydesk.site;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.copydesk.audit.AuditAction;
import org.copydesk.audit.AuditLog;
import org.copydesk.people.CurrentStaff;
import org.copydesk.people.Role;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Text;

/** {@code /desk/settings}: the admin sets the paper's name and its house dateline style. */
@Path(DeskPaths.SETTINGS)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class SettingsResource {

    /** The form as typed. */
    public record SettingsForm(String siteName, String agencyCredit, String datelineFormat) {
    }

    /** Date patterns made of day, month, year and weekday letters, spaces and light punctuation only. */
    static final Pattern DATE_PATTERN = Pattern.compile("[dMyE .,/-]{1,40}");

    @CheckedTemplate(basePath = "site")
    static class Templates {
        static native TemplateInstance settings(SettingsForm form, FormErrors errors, String example);
    }

    @Inject
    SiteInfo site;

    @Inject
    AuditLog audit;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance form() {
        SiteInfo.Settings current = site.settings();
        SettingsForm form = new SettingsForm(current.siteName(), current.agencyCredit(), current.datelineFormat());
        return Templates.settings(form, FormErrors.none(), example(form));
    }

    @POST
    public Response save(@FormParam("siteName") String siteName, @FormParam("agencyCredit") String agencyCredit,
                         @FormParam("datelineFormat") String datelineFormat) {
        SettingsForm form = new SettingsForm(orEmpty(siteName), orEmpty(agencyCredit), orEmpty(datelineFormat));
        try {
            store(form);
            site.reload();
            return flash.redirect(DeskPaths.settings(), "Settings saved.");
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.settings(form, invalid.errors(), null)).build();
        }
    }

    @Transactional
    void store(SettingsForm form) {
        FormErrors errors = new FormErrors();
        String name = Text.clean(form.siteName());
        if (name == null) {
            errors.add("siteName", "Enter the site's name");
        } else if (Text.length(name) > 120 || name.contains("\n")) {
            errors.add("siteName", "The site's name must be one line of 120 characters or fewer");
        }
        errors.storable("siteName", form.siteName()).storable("agencyCredit", form.agencyCredit());
        String credit = Text.clean(form.agencyCredit());
        if (credit != null && (Text.length(credit) > 60 || credit.contains("\n"))) {
            errors.add("agencyCredit", "The credit must be one line of 60 characters or fewer");
        }
        String pattern = form.datelineFormat().strip();
        if (!DATE_PATTERN.matcher(pattern).matches()) {
            errors.add("datelineFormat", "Use the letters d (day), M (month), y (year) and E (weekday) with spaces, "
                    + "dots, commas or hyphens, such as MMM d");
        } else {
            try {
                DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(LocalDate.of(2026, 11, 11));
            } catch (IllegalArgumentException e) {
                errors.add("datelineFormat", "That date pattern cannot be used; try MMM d or d MMMM");
            }
        }
        if (errors.any()) {
            throw new FormInvalidException(errors);
        }
        SiteSettings row = SiteSettings.current();
        String before = row.siteName + " · " + row.agencyCredit + " · " + row.datelineFormat;
        row.siteName = name;
        row.agencyCredit = credit == null ? "" : credit;
        row.datelineFormat = pattern;
        audit.staffEvent(AuditAction.SETTINGS_CHANGE, me.account(), null, null, "site settings: " + before + " → "
                + row.siteName + " · " + row.agencyCredit + " · " + row.datelineFormat);
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
