package org.copydesk.notification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.copydesk.people.StaffAccount;

/**
 * Each person's choice per kind: desk only (the default, and no row) or desk and e-mail. {@link Notifier} reads them
 * with the recipients, in the statement that writes the notifications.
 */
final class NotificationPreferences {

    private NotificationPreferences() {
    }

    /** Every kind with this person's choice: true for e-mail too. */
    static Map<NotificationKind, Boolean> of(long accountId) {
        Map<NotificationKind, Boolean> choices = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            choices.put(kind, false);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = StaffAccount.getEntityManager().createNativeQuery(
                "select kind, by_email from notification_preference where staff_account_id = ?1")
                .setParameter(1, accountId).getResultList();
        for (Object[] row : rows) {
            try {
                choices.put(NotificationKind.valueOf((String) row[0]), Boolean.TRUE.equals(row[1]));
            } catch (IllegalArgumentException gone) {
                // a kind no longer made: nothing to show
            }
        }
        return choices;
    }

    static void set(long accountId, NotificationKind kind, boolean byEmail) {
        StaffAccount.getEntityManager().createNativeQuery("insert into notification_preference (staff_account_id, kind, by_email) "
                        + "values (?1, ?2, ?3) on conflict (staff_account_id, kind) do update set by_email = excluded.by_email")
                .setParameter(1, accountId).setParameter(2, kind.name()).setParameter(3, byEmail).executeUpdate();
    }
}
