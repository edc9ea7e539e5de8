package org.copydesk.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.copydesk.people.CurrentStaff;

/** The desk header's count, {@code {inject:notices.unread}}: the signed-in person's unread notifications. */
@Named("notices")
@RequestScoped
public class UnreadNotifications {

    @Inject
    CurrentStaff me;

    @Inject
    Notifications notifications;

    private Long unread;

    public long unread() {
        if (unread == null) {
            unread = me.signedIn() ? notifications.unread(me.account().id) : 0L;
        }
        return unread;
    }
}
