package org.copydesk.webhook;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;

/**
 * One event for one endpoint: a row of the outbox, inserted with the change it tells of ({@link WebhookOutbox}) and
 * sent by {@link WebhookWorker}, which reads and writes it with plain SQL.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntity {

    public static final String PENDING = "pending";
    public static final String RETRYING = "retrying";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    @Column(name = "endpoint_id")
    public long endpointId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "story_id")
    public Long storyId;

    @Column(name = "message_id")
    public String messageId;

    /** The body sent; a story's whole ninjs, so read only when used. */
    @Basic(fetch = FetchType.LAZY)
    public String payload;

    public String status = PENDING;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
