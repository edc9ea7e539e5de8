package org.copydesk.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.copydesk.audit.AuditAction;
import org.copydesk.audit.AuditLog;
import org.copydesk.people.StaffAccount;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Text;

/** The admin's webhooks: endpoints registered, enabled, disabled and deleted; the recent deliveries listed. */
@ApplicationScoped
@Transactional
public class WebhookService {

    /** Deliveries the desk lists, newest first. */
    public static final int RECENT = 50;

    @Inject
    Clock clock;

    /** Adding, disabling, enabling and deleting an endpoint are lines in the audit log (the secret never is). */
    @Inject
    AuditLog audit;

    /** The form as typed: the address, the event types ticked, the description. */
    public record EndpointForm(String url, List<String> events, String description) {
        public boolean ticked(String type) {
            return events.contains(type);
        }
    }

    public List<WebhookEndpoint> endpoints() {
        return WebhookEndpoint.list("order by id");
    }

    public WebhookEndpoint register(EndpointForm form, StaffAccount actor) {
        FormErrors errors = new FormErrors();
        String url = Text.clean(form.url());
        if (url == null) {
            errors.add("url", "Enter the endpoint URL");
        } else if (url.length() > WebhookEndpoint.URL_MAX) {
            errors.add("url", "Endpoint URL must be " + WebhookEndpoint.URL_MAX + " characters or fewer");
        } else if (!isWebAddress(url)) {
            errors.add("url", "Enter the endpoint URL as a full web address starting http:// or https://, such as "
                    + "https://example.com/webhooks");
        }
        List<String> types = form.events().stream().map(type -> WebhookEvent.ofType(type).orElse(null))
                .filter(java.util.Objects::nonNull).distinct().map(WebhookEvent::type).toList();
        if (types.isEmpty()) {
            errors.add("events", "Choose at least one event");
        }
        String description = Text.clean(form.description());
        if (description != null && Text.length(description) > WebhookEndpoint.DESCRIPTION_MAX) {
            errors.add("description", "Description must be " + WebhookEndpoint.DESCRIPTION_MAX + " characters or fewer");
        }
        errors.singleLine("description", "Description", description);
        errors.storable("description", description);
        if (errors.any()) {
            throw new FormInvalidException(errors);
        }
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.url = url;
        endpoint.events = WebhookEvent.all().stream().map(WebhookEvent::type).filter(types::contains)
                .collect(Collectors.joining(" "));
        endpoint.description = description;
        endpoint.secret = WebhookSignature.newSecret();
        endpoint.createdBy = staff(actor);
        endpoint.createdAt = Instant.now(clock);
        endpoint.persist();
        audit.staffEvent(AuditAction.WEBHOOK_ADDED, endpoint.createdBy, null, null, endpoint.url + " (" + endpoint.events + ")");
        return endpoint;
    }

    /** An absolute http or https address with a host, nothing else (no file:, no relative paths). */
    static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public WebhookEndpoint setEnabled(long id, boolean enabled, StaffAccount actor) {
        WebhookEndpoint endpoint = find(id);
        if (endpoint.enabled != enabled) {
            endpoint.enabled = enabled;
            audit.staffEvent(enabled ? AuditAction.WEBHOOK_ENABLED : AuditAction.WEBHOOK_DISABLED, staff(actor), null, null,
                    endpoint.url);
        }
        return endpoint;
    }

    /** Deletes the endpoint and its deliveries (waiting for one being sent right now to end). */
    public String delete(long id, StaffAccount actor) {
        WebhookEndpoint endpoint = find(id);
        String url = endpoint.url;
        WebhookDelivery.delete("endpointId", id);
        endpoint.delete();
        audit.staffEvent(AuditAction.WEBHOOK_DELETED, staff(actor), null, null, url + " (" + endpoint.events + ")");
        return url;
    }

    public List<DeliveryRow> recentDeliveries() {
        return WebhookDelivery.getEntityManager().createQuery(
                "select new org.copydesk.webhook.DeliveryRow(d.id, d.eventType, d.storyId, s.headline, d.status, d.attempts, "
                        + "d.lastStatusCode, d.lastError, d.nextAttemptAt, d.createdAt, d.deliveredAt, e.url) "
                        + "from WebhookDelivery d join WebhookEndpoint e on e.id = d.endpointId "
                        + "left join org.copydesk.story.Story s on s.id = d.storyId "
                        + "order by d.createdAt desc, d.id desc", DeliveryRow.class)
                .setMaxResults(RECENT).getResultList();
    }

    private static StaffAccount staff(StaffAccount actor) {
        return actor == null ? null : StaffAccount.findById(actor.id);
    }

    private static WebhookEndpoint find(long id) {
        WebhookEndpoint endpoint = WebhookEndpoint.findById(id);
        if (endpoint == null) {
            throw new NotFoundException();
        }
        return endpoint;
    }
}
