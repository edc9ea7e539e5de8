package org.copydesk.story;

/** The workflow buttons, with the words shown on them. */
public enum StoryAction {
    SUBMIT("Submit for review"),
    REQUEST_CHANGES("Request changes"),
    PUBLISH("Publish");

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

    public static StoryAction fromFormValue(String value) {
        for (StoryAction action : values()) {
            if (action.formValue().equals(value)) {
                return action;
            }
        }
        return null;
    }
}
