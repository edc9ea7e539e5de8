package org.copydesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.people.StaffAccount;

/** Each person's own notifications on the desk: the list, the unread count, marking read, the choices per kind. */
@ApplicationScoped
@Transactional
public class Notifications {

    public static final int PAGE_SIZE = 25;

    @Inject
    Clock clock;

    /** One page of the list, newest first, and whether an older page follows. */
    public record Page(List<Notification> items, int page, boolean older) {
        public boolean hasNewer() {
            return page > 1;
        }

        public boolean hasOlder() {
            return older;
        }

        public int newerPage() {
            return page - 1;
        }

        public int olderPage() {
            return page + 1;
        }

        public boolean isEmpty() {
            return items.isEmpty();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(StaffAccount me, int page) {
        int number = Math.max(1, page);
        List<Notification> rows = Notification.<Notification>find("recipientId = ?1 order by createdAt desc, id desc", me.id)
                .range((number - 1) * PAGE_SIZE, number * PAGE_SIZE).list();
        boolean older = rows.size() > PAGE_SIZE;
        return new Page(older ? rows.subList(0, PAGE_SIZE) : rows, number, older);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unread(long accountId) {
        return Notification.count("recipientId = ?1 and readAt is null", accountId);
    }

    /** Marks one of this person's notifications read; the story it is about (null: none), or empty when not theirs. */
    public java.util.Optional<Long> open(StaffAccount me, long id) {
        Notification notification = Notification.findById(id);
        if (notification == null || notification.recipientId != me.id) {
            return java.util.Optional.empty();
        }
        if (notification.readAt == null) {
            notification.readAt = Instant.now(clock);
        }
        return java.util.Optional.of(notification.storyId == null ? -1L : notification.storyId);
    }

    /** @return how many were unread */
    public int markAllRead(StaffAccount me) {
        return Notification.update("readAt = ?1 where recipientId = ?2 and readAt is null", Instant.now(clock), me.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<NotificationKind, Boolean> preferences(StaffAccount me) {
        return NotificationPreferences.of(me.id);
    }

    /** Saves the choice for every kind in {@code byEmail} (true: desk and e-mail). */
    public void savePreferences(StaffAccount me, Map<NotificationKind, Boolean> byEmail) {
        byEmail.forEach((kind, email) -> NotificationPreferences.set(me.id, kind, email));
    }
}
