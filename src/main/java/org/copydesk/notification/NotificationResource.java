package org.copydesk.notification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.copydesk.people.CurrentStaff;
import org.copydesk.people.Role;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;

/**
 * {@code /desk/notifications}: each person's own notifications, newest first, and their choice per kind of desk only
 * or desk and e-mail. Opening one (a plain link, so it works without JavaScript) marks it read and leads on to the
 * story on the desk.
 */
@Path(DeskPaths.NOTIFICATIONS)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REPORTER_ROLE)
public class NotificationResource {

    /** A kind on the preferences form, with the person's choice. */
    public record Choice(NotificationKind kind, boolean byEmail) {
    }

    @CheckedTemplate(basePath = "notification")
    static class Templates {
        static native TemplateInstance notifications(Notifications.Page page, long unread, List<Choice> choices,
                                                     boolean mailOn, boolean hasEmail);
    }

    @Inject
    Notifications notifications;

    @Inject
    NotificationMailer mailer;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance list(@QueryParam("page") String page) {
        Notifications.Page shown = notifications.page(me.account(), pageNumber(page));
        Map<NotificationKind, Boolean> preferences = notifications.preferences(me.account());
        List<Choice> choices = preferences.entrySet().stream().filter(e -> me.isEditor() || !e.getKey().forEditors())
                .map(e -> new Choice(e.getKey(), e.getValue())).toList();
        return Templates.notifications(shown, notifications.unread(me.account().id), choices, mailer.enabled(),
                me.account().email != null);
    }

    /** Marks it read and goes on to its story on the desk. */
    @GET
    @Path("{id}")
    public Response open(@PathParam("id") long id) {
        long story = notifications.open(me.account(), id).orElseThrow(NotFoundException::new);
        return Response.seeOther(java.net.URI.create(story < 0 ? DeskPaths.notifications() : DeskPaths.story(story))).build();
    }

    @POST
    @Path("read")
    public Response markAllRead() {
        int read = notifications.markAllRead(me.account());
        return flash.redirect(DeskPaths.notifications(), read == 0 ? "No unread notifications."
                : "All notifications marked as read.");
    }

    /** One form for every kind: {@code <kind>=email} for desk and e-mail, anything else for desk only. */
    @POST
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response savePreferences(MultivaluedMap<String, String> form) {
        Map<NotificationKind, Boolean> chosen = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            String value = form.getFirst(kind.formValue());
            if (value != null) {
                chosen.put(kind, "email".equals(value));
            }
        }
        notifications.savePreferences(me.account(), chosen);
        String note = chosen.containsValue(true) && !mailer.enabled()
                ? " E-mail is off on this server for now: notifications reach the desk only."
                : chosen.containsValue(true) && me.account().email == null
                ? " Add your e-mail address on your account page to receive them by e-mail." : "";
        return flash.redirect(DeskPaths.notifications(), "Notification preferences saved." + note);
    }

    private static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.max(1, Math.min(100_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
