package org.copydesk.audit;

/** What an audit line records. */
public enum AuditAction {
    SUBMIT("Submitted for review"),
    REQUEST_CHANGES("Changes requested"),
    PUBLISH("Published"),
    SCHEDULE("Scheduled"),
    CANCEL_SCHEDULE("Schedule cancelled"),
    SCHEDULED_PUBLISH("Published on schedule"),
    PUBLISH_UPDATE("Update published"),
    UNPUBLISH("Unpublished"),
    CORRECTION("Correction added"),
    PREVIEW_SHARED("Preview link shared"),
    PREVIEW_REVOKED("Preview link revoked"),
    ACCOUNT_CREATED("Account created"),
    ROLE_CHANGE("Role changed"),
    SETTINGS_CHANGE("Settings changed"),
    PASSWORD_CHANGE("Password changed"),
    ACCOUNT_DISABLED("Account disabled"),
    ACCOUNT_ENABLED("Account enabled"),
    SIGN_IN_LOCKED("Sign-in refused: too many failures"),
    SIGN_IN("Signed in"),
    SIGN_IN_FAILED("Sign-in failed"),
    SIGN_OUT("Signed out"),
    WEBHOOK_ADDED("Webhook added"),
    WEBHOOK_DISABLED("Webhook disabled"),
    WEBHOOK_ENABLED("Webhook enabled"),
    WEBHOOK_DELETED("Webhook deleted"),
    LIVE_STARTED("Live coverage started"),
    LIVE_ENTRY_POSTED("Live entry posted"),
    LIVE_ENTRY_CORRECTED("Live entry corrected"),
    LIVE_ENTRY_DELETED("Live entry deleted"),
    LIVE_ENDED("Live coverage ended");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    /** True for the acts that change what readers see (cached public pages must go). */
    public boolean changesPublicPages() {
        return switch (this) {
            case PUBLISH, SCHEDULED_PUBLISH, PUBLISH_UPDATE, UNPUBLISH, CORRECTION, SETTINGS_CHANGE, LIVE_STARTED,
                 LIVE_ENTRY_POSTED, LIVE_ENTRY_CORRECTED, LIVE_ENTRY_DELETED, LIVE_ENDED -> true;
            default -> false;
        };
    }

    public String label() {
        return label;
    }

    public static AuditAction parse(String value) {
        for (AuditAction action : values()) {
            if (action.name().equals(value)) {
                return action;
            }
        }
        return null;
    }
}
