package org.copydesk.notification;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One notification for one member of staff, written with the act it tells of ({@link Notifier}). It is also the
 * e-mail's outbox row: {@link NotificationMailer} reads and writes its {@code email_*} columns with plain SQL.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntity {

    /** The person chose the desk only. */
    public static final String EMAIL_NONE = "none";
    /** E-mail was wanted but is not sent: no SMTP server configured, or the person has no address. */
    public static final String EMAIL_OFF = "off";
    public static final String EMAIL_PENDING = "pending";
    public static final String EMAIL_RETRYING = "retrying";
    public static final String EMAIL_SENT = "sent";
    public static final String EMAIL_FAILED = "failed";

    public static final int HEADLINE_MAX = 200;
    public static final int TEXT_MAX = 1000;

    @Column(name = "recipient_id")
    public long recipientId;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    /** The story to open on the desk (a pending update's live story). */
    @Column(name = "story_id")
    public Long storyId;

    @Column(name = "actor_id")
    public Long actorId;

    public String headline;

    public String text;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "email_state")
    public String emailState = EMAIL_NONE;

    @Column(name = "email_next_at")
    public Instant emailNextAt;

    /** When it happened, as the desk shows times. */
    public String created() {
        return org.copydesk.web.Times.display(createdAt);
    }

    public boolean isUnread() {
        return readAt == null;
    }
}
