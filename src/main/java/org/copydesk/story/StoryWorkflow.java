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
 * Draft ──submit──▶ In review ──publish──▶ Published
 *   ▲                  │
 *   └─ Changes requested ◀─request changes (editor, with a comment)
 * </pre>
 *
 * Reporters work on their own stories while they are Draft or Changes requested; editors and admins
 * may act on any story.
 */
public final class StoryWorkflow {

    private static final Set<StoryState> REPORTER_EDITABLE = EnumSet.of(StoryState.DRAFT, StoryState.CHANGES_REQUESTED);

    private StoryWorkflow() {
    }

    /** Who is acting and whether the story is theirs (they created it). */
    public record Actor(Role role, boolean owner) {
        boolean isEditor() {
            return role != null && role.atLeast(Role.EDITOR);
        }
    }

    public static boolean canEdit(Actor actor, StoryState state) {
        if (actor.role() == null) {
            return false;
        }
        if (actor.isEditor()) {
            return true;
        }
        return actor.owner() && REPORTER_EDITABLE.contains(state);
    }

    /** Throws with a reader-friendly reason when this person may not edit the story now. */
    public static void checkEdit(Actor actor, StoryState state) {
        if (canEdit(actor, state)) {
            return;
        }
        if (!actor.owner()) {
            throw new WorkflowRefusedException("Reporters can only edit their own stories.");
        }
        throw new WorkflowRefusedException("This story is " + state.label().toLowerCase()
                + ": only an editor can change it now.");
    }

    /** The state the story moves to, or a refusal saying why not. */
    public static StoryState next(StoryState from, StoryAction action, Actor actor, String comment) {
        if (actor.role() == null) {
            throw new WorkflowRefusedException("Sign in to do that.");
        }
        switch (action) {
            case SUBMIT -> {
                if (!REPORTER_EDITABLE.contains(from)) {
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
                if (comment == null || comment.isBlank()) {
                    throw new WorkflowRefusedException("Say what should change: Request changes needs a comment.");
                }
                return StoryState.CHANGES_REQUESTED;
            }
            case PUBLISH -> {
                requireEditor(actor, "publish");
                if (from != StoryState.IN_REVIEW) {
                    throw new WorkflowRefusedException("Only a story in review can be published.");
                }
                return StoryState.PUBLISHED;
            }
            default -> throw new IllegalArgumentException("Unknown action " + action);
        }
    }

    public static boolean allows(StoryState from, StoryAction action, Actor actor) {
        try {
            next(from, action, actor, "(checking only)");
            return true;
        } catch (WorkflowRefusedException refused) {
            return false;
        }
    }

    /** The buttons to offer this person on this story, in the order they appear. */
    public static List<StoryAction> available(StoryState from, Actor actor) {
        return Arrays.stream(StoryAction.values()).filter(a -> allows(from, a, actor)).toList();
    }

    private static void requireEditor(Actor actor, String what) {
        if (!actor.isEditor()) {
            throw new WorkflowRefusedException("Only an editor can " + what + ".");
        }
    }
}
