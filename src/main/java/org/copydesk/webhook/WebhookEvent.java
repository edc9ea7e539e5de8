package org.copydesk.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.copydesk.publishing.PublicChange;

/** The events an endpoint may receive, named as Standard Webhooks types are ({@code story.published}). */
public enum WebhookEvent {
    PUBLISHED("story.published", "Story published"),
    UPDATED("story.updated", "Update published"),
    CORRECTED("story.corrected", "Correction added"),
    UNPUBLISHED("story.unpublished", "Story unpublished");

    private final String type;
    private final String label;

    WebhookEvent(String type, String label) {
        this.type = type;
        this.label = label;
    }

    /** The {@code type} of the payload and the name an endpoint subscribes to. */
    public String type() {
        return type;
    }

    public String label() {
        return label;
    }

    /** The event a public change is, if it is one a webhook tells of (a scheduled publication is a publication). */
    public static Optional<WebhookEvent> of(PublicChange.Kind kind) {
        return Optional.ofNullable(switch (kind) {
            case PUBLISH, SCHEDULED_PUBLISH -> PUBLISHED;
            case PUBLISH_UPDATE -> UPDATED;
            case CORRECTION -> CORRECTED;
            case UNPUBLISH -> UNPUBLISHED;
            default -> null;
        });
    }

    public static Optional<WebhookEvent> ofType(String type) {
        return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
    }

    public static List<WebhookEvent> all() {
        return List.of(values());
    }
}
