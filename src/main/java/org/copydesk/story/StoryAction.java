package org.copydesk.story;

/** The workflow buttons, with the words shown on them. */
public enum StoryAction {
    SUBMIT("Submit for review"),
    REQUEST_CHANGES("Request changes"),
    PUBLISH("Publish"),
    SCHEDULE("Schedule"),
    CANCEL_SCHEDULE("Cancel schedule"),
    PUBLISH_UPDATE("Publish update"),
    UNPUBLISH("Unpublish");

    private final String label;

    StoryAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Form value, e.g. "request-changes". */
    public String formValue() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The buttons that post the whole story form (they save it first); the others have forms of their own. */
    public boolean savesTheForm() {
        return this != CANCEL_SCHEDULE && this != UNPUBLISH;
    }

    public static StoryAction fromFormValue(String value) {
        for (StoryAction action : values()) {
            if (action.formValue().equals(value)) {
                return action;
            }
        }
        return null;
    }
}
