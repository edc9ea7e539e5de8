package org.copydesk.live;

import java.util.Optional;

import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryState;

/**
 * Who may do what with live coverage, in one place: any member of staff posts entries on a published live story
 * until its coverage ends; an entry is corrected or deleted by whoever posted it or by an editor; editors start
 * and end the coverage. Each rule answers the refusal readers of the desk are shown, or nothing when allowed.
 */
public final class LiveRules {

    private LiveRules() {
    }

    public static boolean isEditor(StaffAccount actor) {
        return actor != null && actor.role() != null && actor.role().atLeast(Role.EDITOR);
    }

    /** Entries go on a published story of the kind Live whose coverage goes on. */
    public static Optional<String> refusesEntries(Story story) {
        if (story.isPendingUpdate()) {
            return Optional.of("Entries are posted on the published story, not on its pending update.");
        }
        if (!story.live) {
            return Optional.of("This story is not live coverage: an editor can start live coverage first.");
        }
        if (story.liveEndedAt != null) {
            return Optional.of("Live coverage of this story has ended: no more entries can be posted.");
        }
        if (!story.isPublished()) {
            return Optional.of("Entries can be posted once the story is published.");
        }
        return Optional.empty();
    }

    public static Optional<String> refusesChange(StaffAccount actor, LiveEntry entry) {
        if (entry.isDeleted()) {
            return Optional.of("This entry was deleted.");
        }
        boolean poster = entry.postedBy != null && actor != null && entry.postedBy.id.equals(actor.id);
        if (!poster && !isEditor(actor)) {
            return Optional.of("Only an editor or whoever posted an entry can correct or delete it.");
        }
        return Optional.empty();
    }

    public static Optional<String> refusesStart(StaffAccount actor, Story story) {
        if (!isEditor(actor)) {
            return Optional.of("Only an editor can start live coverage.");
        }
        return storyRefusesStart(story);
    }

    /** Whether the story itself may become live coverage, whoever asks. */
    public static Optional<String> storyRefusesStart(Story story) {
        if (story.isPendingUpdate()) {
            return Optional.of("Start live coverage on the published story, not on its pending update.");
        }
        if (story.state == StoryState.UNPUBLISHED) {
            return Optional.of("This story was unpublished.");
        }
        if (story.isLiveNow()) {
            return Optional.of("This story is live coverage already.");
        }
        return Optional.empty();
    }

    public static Optional<String> refusesEnd(StaffAccount actor, Story story) {
        if (!isEditor(actor)) {
            return Optional.of("Only an editor can end live coverage.");
        }
        if (!story.isLiveNow()) {
            return Optional.of("This story has no live coverage going on.");
        }
        return Optional.empty();
    }
}
