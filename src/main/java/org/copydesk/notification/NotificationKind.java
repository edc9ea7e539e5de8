package org.copydesk.notification;

/** What a notification tells of; each person chooses per kind whether it also comes by e-mail. */
public enum NotificationKind {
    SUBMITTED("Submitted for review", "a story is submitted for review"),
    CHANGES_REQUESTED("Changes requested", "changes are requested on a story you write"),
    COMMENTED("New comment", "someone comments on a story you write"),
    PUBLISHED("Published", "a story with your byline is published"),
    SCHEDULED("Scheduled", "a story with your byline is scheduled"),
    UNPUBLISHED("Unpublished", "a story with your byline is unpublished"),
    PUBLICATION_FAILED("Scheduled publication failed", "a scheduled story could not be published");

    private final String label;
    private final String when;

    NotificationKind(String label, String when) {
        this.label = label;
        this.when = when;
    }

    /** The words shown for it, and the start of its mail's subject ("Submitted for review: headline"). */
    public String label() {
        return label;
    }

    /** When it comes, for the preferences form. */
    public String when() {
        return when;
    }

    /** Only editors and admins are told of these: a reporter's preferences page does not offer them. */
    public boolean forEditors() {
        return this == SUBMITTED || this == PUBLICATION_FAILED;
    }

    /** Its value in forms and ids ("changes-requested"). */
    public String formValue() {
        return name().toLowerCase().replace('_', '-');
    }
}
