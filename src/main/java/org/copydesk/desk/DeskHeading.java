package org.copydesk.desk;

/**
 * The lists of the desk home, in the order an editor works through them: what waits for them first (the review
 * queue, the updates of live stories), then what waits for others, then what is done. The id is the heading's, which
 * links and tests find the list by.
 */
public enum DeskHeading {
    MY_STORIES("my-stories", "My stories", "Last saved", "You have no stories yet."),
    REVIEW_QUEUE("review-queue", "Review queue", "Submitted", "Nothing is waiting for review."),
    PENDING_UPDATES("pending-updates", "Pending updates", "Last saved", "No live story has an update pending."),
    CHANGES_REQUESTED("changes-requested", "Changes requested", "Last saved", "No story is waiting for changes."),
    DRAFTS("drafts", "Drafts", "Last saved", "No drafts."),
    SCHEDULED("scheduled", "Scheduled", "Goes live", "Nothing is scheduled."),
    PUBLISHED_TODAY("published-today", "Published today", "Published", "Nothing published today yet."),
    RECENTLY_PUBLISHED("recently-published", "Recently published", "Published", "Nothing published yet.");

    private final String id;
    private final String title;
    private final String timeHeading;
    private final String empty;

    DeskHeading(String id, String title, String timeHeading, String empty) {
        this.id = id;
        this.title = title;
        this.timeHeading = timeHeading;
        this.empty = empty;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String timeHeading() {
        return timeHeading;
    }

    public String empty() {
        return empty;
    }

    /** Only the review queue says who submitted each story: that is who an editor answers. */
    public boolean showsSubmitter() {
        return this == REVIEW_QUEUE;
    }
}
