package org.copydesk.story;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.copydesk.people.Role;

/**
 * The one place that says who may move a story where, and who may edit it.
 *
 * <pre>
 * Draft ──submit──▶ In review ──publish──▶ Published ──unpublish (reason)──▶ Unpublished
 *   ▲                 │   │                   ▲                                │
 *   └─ Changes requested ◀┘   └─schedule─▶ Scheduled ─(time comes)─┘   publish again ◀┘
 *      (request changes,          (cancel schedule ─▶ In review)
 *       with a comment)
 * </pre>
 *
 * A published story is never edited in place: edits go to a pending update (a story row of its own
 * that moves Draft → In review like a draft) until an editor presses Publish update. Reporters work
 * on their own stories while Draft or Changes requested, and may start an update of their own
 * published story; editors and admins may act on any story.
 */
public final class StoryWorkflow {

    private static final Set<StoryState> BEING_WRITTEN = EnumSet.of(StoryState.DRAFT, StoryState.CHANGES_REQUESTED);
    private static final Set<StoryState> UPDATE_PUBLISHABLE =
            EnumSet.of(StoryState.DRAFT, StoryState.CHANGES_REQUESTED, StoryState.IN_REVIEW);

    private StoryWorkflow() {
    }

    /** Who is acting and whether the story is theirs (they created it). */
    public record Actor(Role role, boolean owner) {
        boolean isEditor() {
            return role != null && role.atLeast(Role.EDITOR);
        }
    }

    /** The story as the rules see it: its state, and whether it is a pending update of a live story. */
    public record Subject(StoryState state, boolean pendingUpdate) {
        public static Subject story(StoryState state) {
            return new Subject(state, false);
        }

        public static Subject update(StoryState state) {
            return new Subject(state, true);
        }
    }

    /** May this person save the form? For a live story, saving means starting or editing its pending update. */
    public static boolean canEdit(Actor actor, Subject subject) {
        if (actor.role() == null) {
            return false;
        }
        if (actor.isEditor()) {
            return true;
        }
        if (!actor.owner()) {
            return false;
        }
        return BEING_WRITTEN.contains(subject.state()) || (subject.state() == StoryState.PUBLISHED && !subject.pendingUpdate());
    }

    /** Share preview (and revoking its links): the story's writer and editors, in any state. */
    public static boolean canSharePreview(Actor actor) {
        return actor.role() != null && (actor.owner() || actor.isEditor());
    }

    /** Throws with a reader-friendly reason when this person may not edit the story now. */
    public static void checkEdit(Actor actor, Subject subject) {
        if (canEdit(actor, subject)) {
            return;
        }
        if (actor.role() == null) {
            throw new WorkflowRefusedException("Sign in to do that.");
        }
        if (!actor.owner()) {
            throw new WorkflowRefusedException("Reporters can only edit their own stories.");
        }
        throw new WorkflowRefusedException("This story is " + subject.state().label().toLowerCase()
                + ": only an editor can change it now.");
    }

    /** The state the story moves to, or a refusal saying why not. */
    public static StoryState next(Subject subject, StoryAction action, Actor actor, String comment) {
        if (actor.role() == null) {
            throw new WorkflowRefusedException("Sign in to do that.");
        }
        StoryState from = subject.state();
        switch (action) {
            case SUBMIT -> {
                if (!BEING_WRITTEN.contains(from)) {
                    throw new WorkflowRefusedException("Only a draft or a story with changes requested can be submitted for review.");
                }
                if (!actor.isEditor() && !actor.owner()) {
                    throw new WorkflowRefusedException("Reporters can only submit their own stories.");
                }
                return StoryState.IN_REVIEW;
            }
            case REQUEST_CHANGES -> {
                requireEditor(actor, "request changes");
                if (from != StoryState.IN_REVIEW) {
                    throw new WorkflowRefusedException("Changes can only be requested on a story in review.");
                }
                requireComment(comment, "Say what should change: Request changes needs a comment.");
                return StoryState.CHANGES_REQUESTED;
            }
            case PUBLISH -> {
                requireEditor(actor, "publish");
                notForUpdates(subject, "A pending update goes live with Publish update.");
                if (from != StoryState.IN_REVIEW && from != StoryState.UNPUBLISHED) {
                    throw new WorkflowRefusedException("Only a story in review (or one that was unpublished) can be published.");
                }
                return StoryState.PUBLISHED;
            }
            case SCHEDULE -> {
                requireEditor(actor, "schedule");
                notForUpdates(subject, "A pending update goes live with Publish update.");
                if (from != StoryState.IN_REVIEW) {
                    throw new WorkflowRefusedException("Only a story in review can be scheduled.");
                }
                return StoryState.SCHEDULED;
            }
            case CANCEL_SCHEDULE -> {
                requireEditor(actor, "cancel a schedule");
                if (from != StoryState.SCHEDULED) {
                    throw new WorkflowRefusedException("This story is not scheduled.");
                }
                return StoryState.IN_REVIEW;
            }
            case PUBLISH_UPDATE -> {
                requireEditor(actor, "publish an update");
                if (!subject.pendingUpdate()) {
                    throw new WorkflowRefusedException("Only a pending update of a live story can be published as an update.");
                }
                if (!UPDATE_PUBLISHABLE.contains(from)) {
                    throw new WorkflowRefusedException("This update cannot be published now.");
                }
                return StoryState.PUBLISHED;
            }
            case UNPUBLISH -> {
                requireEditor(actor, "unpublish");
                if (from != StoryState.PUBLISHED || subject.pendingUpdate()) {
                    throw new WorkflowRefusedException("Only a published story can be unpublished.");
                }
                requireComment(comment, "Give the reason for unpublishing.");
                return StoryState.UNPUBLISHED;
            }
            default -> throw new IllegalArgumentException("Unknown action " + action);
        }
    }

    public static boolean allows(Subject subject, StoryAction action, Actor actor) {
        try {
            next(subject, action, actor, "(checking only)");
            return true;
        } catch (WorkflowRefusedException refused) {
            return false;
        }
    }

    /** The buttons to offer this person on this story, in the order they appear. */
    public static List<StoryAction> available(Subject subject, Actor actor) {
        return Arrays.stream(StoryAction.values()).filter(a -> allows(subject, a, actor)).toList();
    }

    private static void requireEditor(Actor actor, String what) {
        if (!actor.isEditor()) {
            throw new WorkflowRefusedException("Only an editor can " + what + ".");
        }
    }

    private static void requireComment(String comment, String message) {
        if (comment == null || comment.isBlank()) {
            throw new WorkflowRefusedException(message);
        }
    }

    private static void notForUpdates(Subject subject, String message) {
        if (subject.pendingUpdate()) {
            throw new WorkflowRefusedException(message);
        }
    }
}
