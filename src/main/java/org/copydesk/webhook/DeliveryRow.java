package org.copydesk.webhook;

import java.time.Instant;

import org.copydesk.web.Times;

/** A delivery as the desk lists it (its payload is not read). */
public record DeliveryRow(long id, String eventType, Long storyId, String headline, String status, int attempts,
                          Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant createdAt,
                          Instant deliveredAt, String url) {

    public String created() {
        return Times.display(createdAt);
    }

    /** When it is tried next; nothing once delivered or given up. */
    public String nextAttempt() {
        return WebhookDelivery.PENDING.equals(status) || WebhookDelivery.RETRYING.equals(status) ? Times.display(nextAttemptAt) : "";
    }

    public String statusLabel() {
        return switch (status) {
            case WebhookDelivery.PENDING -> "Pending";
            case WebhookDelivery.RETRYING -> "Retrying";
            case WebhookDelivery.DELIVERED -> "Delivered";
            case WebhookDelivery.FAILED -> "Failed";
            default -> status;
        };
    }
}
