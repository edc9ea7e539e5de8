package org.copydesk.story;

import static org.copydesk.story.StoryState.CHANGES_REQUESTED;
import static org.copydesk.story.StoryState.DRAFT;
import static org.copydesk.story.StoryState.IN_REVIEW;
import static org.copydesk.story.StoryState.PUBLISHED;
import static org.copydesk.story.StoryState.SCHEDULED;
import static org.copydesk.story.StoryState.UNPUBLISHED;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.copydesk.people.Role;

/**
 * The one place that says who may move a story where, and who may edit it: a table, read top to bottom.
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
 *
 * <p>Nothing here throws: every question is answered with a {@link Decision}. Turning a refusal into an
 * HTTP answer is for the caller (the service, inside the transaction that would make the move).
 */
public final class StoryWorkflow {

    private static final Set<StoryState> BEING_WRITTEN = EnumSet.of(DRAFT, CHANGES_REQUESTED);

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

    /** The workflow's answer to "may this person do this to this story now?". */
    public sealed interface Decision {

        /** The reason to give the person when the answer is no (refused, or a comment missing). */
        Optional<String> refusal();
    }

    /** Yes: the story moves to {@code to}. */
    public record Allowed(StoryState to) implements Decision {
        @Override
        public Optional<String> refusal() {
            return Optional.empty();
        }
    }

    /** No, whatever is typed: the person or the story's state does not allow it (answered with 403). */
    public record Refused(String reason) implements Decision {
        @Override
        public Optional<String> refusal() {
            return Optional.of(reason);
        }
    }

    /** Yes once the form field {@code field} says why (a comment or a reason): answered beside that field. */
    public record NeedsComment(String field, String message) implements Decision {
        @Override
        public Optional<String> refusal() {
            return Optional.of(message);
        }
    }

    /** Who a rule lets act. */
    private enum Who {
        /** The story's own writer, or an editor. */
        WRITER_OR_EDITOR,
        EDITOR
    }

    /** Which stories a rule is about: any, a story but not a pending update of one, or only a pending update. */
    private enum Kind {
        ANY, NOT_AN_UPDATE, ONLY_AN_UPDATE
    }

    /**
     * One line of the table. Checked in this order: who ({@code notWho}), which kind of story ({@code notKind}),
     * the state it is in ({@code notFrom}), then the comment the move needs ({@code commentField}/{@code noComment}).
     */
    private record Rule(Set<StoryState> from, Who who, String notWho, Kind kind, String notKind, String notFrom,
                        StoryState to, String commentField, String noComment) {
    }

    private static final String UPDATES_GO_LIVE_WITH_PUBLISH_UPDATE = "A pending update goes live with Publish update.";

    private static final Map<StoryAction, Rule> TABLE = new EnumMap<>(Map.of(
            StoryAction.SUBMIT, new Rule(BEING_WRITTEN,
                    Who.WRITER_OR_EDITOR, "Reporters can only submit their own stories.",
                    Kind.ANY, null,
                    "Only a draft or a story with changes requested can be submitted for review.",
                    IN_REVIEW, null, null),
            StoryAction.REQUEST_CHANGES, new Rule(EnumSet.of(IN_REVIEW),
                    Who.EDITOR, "Only an editor can request changes.",
                    Kind.ANY, null,
                    "Changes can only be requested on a story in review.",
                    CHANGES_REQUESTED, "comment", "Say what should change: Request changes needs a comment"),
            StoryAction.PUBLISH, new Rule(EnumSet.of(IN_REVIEW, UNPUBLISHED),
                    Who.EDITOR, "Only an editor can publish.",
                    Kind.NOT_AN_UPDATE, UPDATES_GO_LIVE_WITH_PUBLISH_UPDATE,
                    "Only a story in review (or one that was unpublished) can be published.",
                    PUBLISHED, null, null),
            StoryAction.SCHEDULE, new Rule(EnumSet.of(IN_REVIEW),
                    Who.EDITOR, "Only an editor can schedule.",
                    Kind.NOT_AN_UPDATE, UPDATES_GO_LIVE_WITH_PUBLISH_UPDATE,
                    "Only a story in review can be scheduled.",
                    SCHEDULED, null, null),
            StoryAction.CANCEL_SCHEDULE, new Rule(EnumSet.of(SCHEDULED),
                    Who.EDITOR, "Only an editor can cancel a schedule.",
                    Kind.ANY, null,
                    "This story is not scheduled.",
                    IN_REVIEW, null, null),
            StoryAction.PUBLISH_UPDATE, new Rule(EnumSet.of(DRAFT, CHANGES_REQUESTED, IN_REVIEW),
                    Who.EDITOR, "Only an editor can publish an update.",
                    Kind.ONLY_AN_UPDATE, "Only a pending update of a live story can be published as an update.",
                    "This update cannot be published now.",
                    PUBLISHED, null, null),
            StoryAction.UNPUBLISH, new Rule(EnumSet.of(PUBLISHED),
                    Who.EDITOR, "Only an editor can unpublish.",
                    Kind.NOT_AN_UPDATE, "Only a published story can be unpublished.",
                    "Only a published story can be unpublished.",
                    UNPUBLISHED, "reason", "Give the reason for unpublishing")));

    private StoryWorkflow() {
    }

    /** The move {@code action} from where the story stands, for this person, with the comment typed. */
    public static Decision decide(Subject subject, StoryAction action, Actor actor, String comment) {
        if (actor.role() == null) {
            return new Refused("Sign in to do that.");
        }
        Rule rule = TABLE.get(action);
        if (rule.who() == Who.EDITOR ? !actor.isEditor() : !(actor.isEditor() || actor.owner())) {
            return new Refused(rule.notWho());
        }
        if ((rule.kind() == Kind.NOT_AN_UPDATE && subject.pendingUpdate())
                || (rule.kind() == Kind.ONLY_AN_UPDATE && !subject.pendingUpdate())) {
            return new Refused(rule.notKind());
        }
        if (!rule.from().contains(subject.state())) {
            return new Refused(rule.notFrom());
        }
        if (rule.commentField() != null && (comment == null || comment.isBlank())) {
            return new NeedsComment(rule.commentField(), rule.noComment());
        }
        return new Allowed(rule.to());
    }

    /**
     * Where a Scheduled story goes when the scheduler cannot publish it: back in review, as Cancel schedule would put
     * it, so an editor sees it in the queue, looks at what went wrong and publishes or schedules it again. It is not
     * left Scheduled: the scheduler would try it again every run, and fail the same way.
     */
    public static StoryState whenScheduledPublicationFails() {
        return TABLE.get(StoryAction.CANCEL_SCHEDULE).to();
    }

    /** The form field that carries the comment of this move (Unpublish has its Reason). */
    public static String commentField(StoryAction action) {
        String field = TABLE.get(action).commentField();
        return field == null ? "comment" : field;
    }

    /**
     * Saving the story form, then (when {@code action} is not null) the move its button asks for: whether this
     * person may edit the story, and the move, in one answer.
     */
    public static Decision decideSave(Subject subject, Actor actor, StoryAction action, String comment) {
        Optional<String> editRefusal = editRefusal(actor, subject);
        if (editRefusal.isPresent()) {
            return new Refused(editRefusal.get());
        }
        return action == null ? new Allowed(subject.state()) : decide(subject, action, actor, comment);
    }

    /** Why this person may not save the form now, if they may not. For a live story, saving starts or edits its pending update. */
    public static Optional<String> editRefusal(Actor actor, Subject subject) {
        if (actor.role() == null) {
            return Optional.of("Sign in to do that.");
        }
        if (actor.isEditor()) {
            return Optional.empty();
        }
        if (!actor.owner()) {
            return Optional.of("Reporters can only edit their own stories.");
        }
        if (BEING_WRITTEN.contains(subject.state()) || (subject.state() == PUBLISHED && !subject.pendingUpdate())) {
            return Optional.empty();
        }
        return Optional.of("This story is " + subject.state().label().toLowerCase() + ": only an editor can change it now.");
    }

    public static boolean canEdit(Actor actor, Subject subject) {
        return editRefusal(actor, subject).isEmpty();
    }

    /** Share preview (and revoking its links): the story's writer and editors, in any state. */
    public static boolean canSharePreview(Actor actor) {
        return actor.role() != null && (actor.owner() || actor.isEditor());
    }

    /** The buttons to offer this person on this story, in the order they appear (a comment is asked for on pressing). */
    public static List<StoryAction> available(Subject subject, Actor actor) {
        return Arrays.stream(StoryAction.values())
                .filter(action -> !(decide(subject, action, actor, null) instanceof Refused)).toList();
    }

    /** What the story page offers this person: whether the form is theirs to save, and the buttons to show. */
    public record Offer(boolean canEdit, List<StoryAction> actions) {
    }

    /**
     * The page's whole question to the workflow, asked once: reporters who may not edit get no buttons, editors
     * always see the ones they may press.
     */
    public static Offer offer(Subject subject, Actor actor) {
        boolean canEdit = canEdit(actor, subject);
        return new Offer(canEdit, canEdit || actor.isEditor() ? available(subject, actor) : List.of());
    }
}
