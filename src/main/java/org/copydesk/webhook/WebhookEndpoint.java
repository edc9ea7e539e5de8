package org.copydesk.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.copydesk.people.StaffAccount;

/** An address an admin registered to receive signed deliveries of some events. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntity {

    public static final int URL_MAX = 2000;
    public static final int DESCRIPTION_MAX = 200;

    public String url;

    /** {@code whsec_} and base64 of the key bytes ({@link WebhookSignature}). */
    public String secret;

    /** The event types, separated by spaces. */
    public String events;

    public String description;

    public boolean enabled = true;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public StaffAccount createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public List<WebhookEvent> eventList() {
        return Arrays.stream(events.split(" ")).map(WebhookEvent::ofType).flatMap(java.util.Optional::stream).toList();
    }

    public boolean receives(WebhookEvent event) {
        return Arrays.asList(events.split(" ")).contains(event.type());
    }

    /** The enabled endpoints, oldest first. */
    public static List<WebhookEndpoint> listEnabled() {
        return list("enabled = true order by id");
    }
}
