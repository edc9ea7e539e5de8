package org.copydesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.hibernate.query.NativeQuery;

import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.publishing.PublicChange;
import org.copydesk.story.Byline;
import org.copydesk.story.ScheduledPublicationFailed;
import org.copydesk.story.Story;
import org.copydesk.story.StoryCommented;
import org.copydesk.story.StoryMoved;
import org.copydesk.web.Text;
import org.copydesk.web.Times;

/**
 * Who is told what. Plain observers of the acts (desk moves, public changes, comments, a failed scheduled
 * publication), run while the act's transaction is in progress, as the webhook outbox's: the rows commit with the act
 * or not at all, so a rolled-back act tells no one. Never the person who did the act; only enabled accounts. After
 * the commit the mailer is woken for the rows that are to be mailed.
 */
@ApplicationScoped
public class Notifier {

    /** How much of a comment or a reason the line quotes. */
    static final int QUOTE_MAX = 300;

    @Inject
    NotificationMailer mailer;

    @Inject
    Clock clock;

    void storyMoved(@Observes StoryMoved moved) {
        Story story = moved.story();
        String by = nameOf(moved.by());
        switch (moved.action()) {
            case SUBMIT -> tell(editors(), NotificationKind.SUBMITTED, story, moved.by(),
                    by + " submitted “" + story.headline + "” for review.");
            case REQUEST_CHANGES -> tell(writers(story), NotificationKind.CHANGES_REQUESTED, story, moved.by(),
                    by + " requested changes to “" + story.headline + "”" + quoted(moved.comment()));
            case SCHEDULE -> tell(bylinedStaff(story), NotificationKind.SCHEDULED, story, moved.by(),
                    by + " scheduled “" + story.headline + "” for " + Times.display(story.scheduledAt) + ".");
            default -> {
            }
        }
    }

    void publicChange(@Observes PublicChange change) {
        if (change.storyId() == null || change.imported()) {
            return;
        }
        NotificationKind kind = switch (change.kind()) {
            case PUBLISH, SCHEDULED_PUBLISH -> NotificationKind.PUBLISHED;
            case UNPUBLISH -> NotificationKind.UNPUBLISHED;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        // In this transaction's persistence context already: found there, as the change left it.
        Story story = Story.findById(change.storyId());
        StaffAccount actor = change.actorId() == null ? null : StaffAccount.findById(change.actorId());
        String text = switch (change.kind()) {
            case SCHEDULED_PUBLISH -> "“" + story.headline + "” was published at its scheduled time.";
            case PUBLISH -> nameOf(actor) + " published “" + story.headline + "”.";
            default -> nameOf(actor) + " unpublished “" + story.headline + "”" + quoted(change.note());
        };
        tell(bylinedStaff(story), kind, story, actor, text);
    }

    void commented(@Observes StoryCommented commented) {
        Story story = commented.comment().story;
        StaffAccount by = commented.comment().author;
        tell(writers(story), NotificationKind.COMMENTED, story, by,
                nameOf(by) + " commented on “" + story.headline + "”" + quoted(commented.comment().text));
    }

    void publicationFailed(@Observes ScheduledPublicationFailed failed) {
        Story story = failed.story();
        tell(editors(), NotificationKind.PUBLICATION_FAILED, story, null, "“" + story.headline
                + "” could not be published at its scheduled time (" + Times.display(failed.dueAt())
                + "). It is back in review: look at it, then publish or schedule it again.");
    }

    /** After the commit: the rows to mail are there now. */
    void movedCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoryMoved moved) {
        mailer.wake();
    }

    void changeCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicChange change) {
        mailer.wake();
    }

    void commentCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoryCommented commented) {
        mailer.wake();
    }

    void failureCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScheduledPublicationFailed failed) {
        mailer.wake();
    }

    /**
     * One row per recipient, in one statement: a submission tells every editor, and the choices of e-mail are read
     * with them. Inserted at once rather than persisted, as the webhook outbox's rows are, and only this table is
     * flushed for it (the act's own changes stay for the commit).
     */
    private void tell(Collection<Long> recipients, NotificationKind kind, Story story, StaffAccount actor, String text) {
        if (recipients.isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock);
        // A pending update is worked on at its live story's address, and is deleted when it goes live.
        long storyId = story.updateOf != null ? story.updateOf.id : story.id;
        Notification.getEntityManager().createNativeQuery("insert into notification (id, recipient_id, kind, story_id, "
                        + "actor_id, headline, text, created_at, email_state, email_next_at) "
                        + "select nextval('notification_seq'), a.id, ?1, ?2, ?3, ?4, ?5, ?6, "
                        + "case when not coalesce(p.by_email, false) then 'none' "
                        + "when cast(?7 as boolean) and a.email is not null then 'pending' else 'off' end, "
                        + "case when coalesce(p.by_email, false) and cast(?7 as boolean) and a.email is not null "
                        + "then cast(?6 as timestamptz) end "
                        + "from staff_account a left join notification_preference p on p.staff_account_id = a.id and p.kind = ?1 "
                        + "where a.id in (?8) and a.enabled and a.id <> ?9")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("notification")
                .setParameter(1, kind.name()).setParameter(2, storyId)
                .setParameter(3, actor == null ? null : actor.id, Long.class)
                .setParameter(4, shorten(story.headline, Notification.HEADLINE_MAX))
                .setParameter(5, shorten(text, Notification.TEXT_MAX)).setParameter(6, now)
                .setParameter(7, mailer.enabled()).setParameter(8, recipients)
                .setParameter(9, actor == null ? -1L : actor.id).executeUpdate();
    }

    /** Every enabled editor and admin. */
    private static List<Long> editors() {
        return StaffAccount.getEntityManager().createQuery("select a.id from StaffAccount a where a.enabled = true "
                + "and a.securityRole in ?1", Long.class).setParameter(1, List.of(Role.EDITOR.name(), Role.ADMIN.name()))
                .getResultList();
    }

    /** The story's writers: whoever created it, and the staff whose author profile is in its bylines. */
    private static Collection<Long> writers(Story story) {
        Set<Long> writers = new LinkedHashSet<>();
        if (story.createdBy != null) {
            writers.add(story.createdBy.id);
        }
        writers.addAll(bylinedStaff(story));
        return writers;
    }

    /** The staff whose author profile is in the story's bylines. */
    private static Collection<Long> bylinedStaff(Story story) {
        Set<Long> staff = new LinkedHashSet<>();
        for (Byline byline : story.bylines) {
            StaffAccount account = byline.author == null ? null : byline.author.staffAccount;
            if (account != null) {
                staff.add(account.id);
            }
        }
        return staff;
    }

    /** At most {@code max} characters, cut at a whole character with an ellipsis. */
    static String shorten(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String nameOf(StaffAccount account) {
        return account == null ? "The scheduler" : account.displayName;
    }

    /** ": what was said." (cut short), or a full stop when nothing was. */
    private static String quoted(String said) {
        String clean = Text.clean(said);
        return clean == null ? "." : ": " + shorten(clean.replaceAll("\\s+", " "), QUOTE_MAX);
    }
}
