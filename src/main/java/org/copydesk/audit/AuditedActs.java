package org.copydesk.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.copydesk.people.SignInEvent;
import org.copydesk.people.StaffAccount;
import org.copydesk.people.StaffEvent;
import org.copydesk.publishing.PublicChange;
import org.copydesk.story.Story;
import org.copydesk.story.StoryMoved;
import org.copydesk.story.UpdateFolded;

/**
 * The audit log listening to the packages below it: public changes (publishing), desk moves and folded
 * updates (story), staff acts and sign-ins (people). Each line is written while the act's transaction is in
 * progress (a plain, synchronous observer), so it commits with the act or not at all; not before completion,
 * when Hibernate flushes too and a line persisted after its flush would be lost.
 */
@ApplicationScoped
public class AuditedActs {

    @Inject
    AuditLog audit;

    /** Every public change of a story or of the settings is a line; sections and authors made no line before either. */
    void publicChange(@Observes PublicChange change) {
        AuditAction action = AuditAction.parse(change.kind().name());
        if (action == null) {
            return;
        }
        // Both are in this transaction's persistence context already: found there, not read again.
        StaffAccount actor = change.actorId() == null ? null : StaffAccount.findById(change.actorId());
        if (change.storyId() != null) {
            audit.storyEvent(action, actor, Story.findById(change.storyId()), change.from(), change.to(), change.note());
        } else {
            audit.staffEvent(action, actor, change.from(), change.to(), change.note());
        }
    }

    void storyMoved(@Observes StoryMoved moved) {
        audit.storyEvent(AuditAction.valueOf(moved.action().name()), moved.by(), moved.story(), moved.from().name(),
                moved.to().name(), moved.comment());
    }

    /** The update's own history (submitted, changes requested) becomes part of the live story's. */
    void updateFolded(@Observes UpdateFolded folded) {
        AuditEvent.update("story = ?1 where story = ?2", folded.live(), folded.update());
    }

    void staffEvent(@Observes StaffEvent event) {
        audit.staffEvent(AuditAction.valueOf(event.kind().name()), event.by(), event.from(), event.to(), event.detail());
    }

    void signIn(@Observes SignInEvent event) {
        audit.session(AuditAction.valueOf(event.kind().name()), event.account(), event.typedUsername(), event.address());
    }
}
