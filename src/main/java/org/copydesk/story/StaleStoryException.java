package org.copydesk.story;

import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Times;

/**
 * A save made from an older version of the story than the one stored: someone saved in between.
 * The form comes back with the typed text, who saved and when, and what differs.
 */
public class StaleStoryException extends FormInvalidException {

    private final transient Story saved;

    public StaleStoryException(Story saved) {
        super("headline", "This story was saved by " + (saved.updatedBy == null ? "someone else" : saved.updatedBy.displayName)
                + " at " + Times.display(saved.updatedAt) + ", after you opened it. Your text is kept below; "
                + "above the form, choose what to keep where the two differ, then press Save draft.");
        this.saved = saved;
    }

    public Story saved() {
        return saved;
    }
}
