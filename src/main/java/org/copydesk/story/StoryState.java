package org.copydesk.story;

/** Where a story stands in the workflow; see {@link StoryWorkflow} for the moves between them. */
public enum StoryState {
    DRAFT("Draft"),
    IN_REVIEW("In review"),
    CHANGES_REQUESTED("Changes requested"),
    SCHEDULED("Scheduled"),
    PUBLISHED("Published"),
    UNPUBLISHED("Unpublished");

    private final String label;

    StoryState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** CSS-friendly name, e.g. "in-review". */
    public String cssName() {
        return name().toLowerCase().replace('_', '-');
    }
}
