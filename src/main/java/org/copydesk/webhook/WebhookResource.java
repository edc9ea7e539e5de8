package org.copydesk.webhook;

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

import org.copydesk.people.CurrentStaff;
import org.copydesk.people.Role;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;

/**
 * {@code /desk/integrations/webhooks}: the admin registers endpoints for story events, sees each one's signing secret,
 * disables or deletes it, and follows the recent deliveries.
 */
@Path(DeskPaths.WEBHOOKS)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class WebhookResource {

    @CheckedTemplate(basePath = "webhook")
    static class Templates {
        static native TemplateInstance webhooks(List<WebhookEndpoint> endpoints, List<DeliveryRow> deliveries,
                                                WebhookService.EndpointForm form, FormErrors errors, List<WebhookEvent> events);
    }

    @Inject
    WebhookService webhooks;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance list() {
        return page(new WebhookService.EndpointForm("", List.of(), ""), FormErrors.none());
    }

    @POST
    public Response register(@FormParam("url") String url, @FormParam("events") List<String> events,
                             @FormParam("description") String description) {
        WebhookService.EndpointForm form = new WebhookService.EndpointForm(orEmpty(url), events == null ? List.of() : events,
                orEmpty(description));
        try {
            WebhookEndpoint endpoint = webhooks.register(form, me.account());
            return flash.redirect(DeskPaths.webhooks(), "Webhook added for " + endpoint.url
                    + ". Give its signing secret to the receiver so it can verify the deliveries.");
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(form, invalid.errors())).build();
        }
    }

    @POST
    @Path("{id}/enabled")
    public Response setEnabled(@PathParam("id") long id, @FormParam("enabled") boolean enabled) {
        WebhookEndpoint endpoint = webhooks.setEnabled(id, enabled, me.account());
        return flash.redirect(DeskPaths.webhooks(), enabled ? "Webhook enabled: " + endpoint.url + " receives deliveries again."
                : "Webhook disabled: " + endpoint.url + " is told of nothing until it is enabled again.");
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") long id) {
        String url = webhooks.delete(id, me.account());
        return flash.redirect(DeskPaths.webhooks(), "Webhook deleted: " + url + " and its deliveries.");
    }

    private TemplateInstance page(WebhookService.EndpointForm form, FormErrors errors) {
        return Templates.webhooks(webhooks.endpoints(), webhooks.recentDeliveries(), form, errors, WebhookEvent.all());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
