package org.copydesk.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigValue;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import org.copydesk.web.BackOff;
import org.copydesk.web.OutboxSenders;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.PublicAddress;

/**
 * Sends the notifications' e-mail after the commit, on every node, from the rows {@link Notifier} wrote: one sender
 * thread, woken when an act on this node wrote rows and otherwise every {@link #POLL_EVERY}.
 * <p>
 * The claim is the webhook worker's: the row is locked ({@code FOR UPDATE SKIP LOCKED}) in a transaction that stays
 * open while the mail is handed to the SMTP server, and the outcome is recorded in that same transaction; another
 * node skips the locked row, and a node dying mid-send releases it for the others. A mail the server did not take is
 * tried again after {@link #RETRY_BASE}, doubled each time up to {@link #RETRY_MAX}, for {@link #RETRY_FOR} (an SMTP
 * server down for a while loses nothing), then marked failed. It goes only to the recipient's own staff address.
 * <p>
 * E-mail is on when an SMTP server is configured ({@code QUARKUS_MAILER_HOST}); without one the rows are marked
 * {@code off} rather than left pending for ever, and one line at start-up says so.
 */
@ApplicationScoped
public class NotificationMailer {

    private static final Logger LOG = Logger.getLogger(NotificationMailer.class);

    static final Duration POLL_EVERY = Duration.ofSeconds(5);
    static final Duration RETRY_BASE = Duration.ofSeconds(30);
    static final Duration RETRY_MAX = Duration.ofHours(1);
    static final Duration RETRY_FOR = Duration.ofHours(24);
    private static final int ERROR_MAX = 300;

    @Inject
    Mailer mail;

    @Inject
    DataSource dataSource;

    @Inject
    PublicAddress address;

    @Inject
    Clock clock;

    private volatile boolean enabled;
    private volatile Instant lastComplaint = Instant.EPOCH;
    private volatile OutboxSenders sender;

    /** Known before any start-up work (the scheduler's catch-up writes notifications too). */
    @PostConstruct
    void decide() {
        enabled = smtpHostConfigured(smtpHost());
    }

    private static ConfigValue smtpHost() {
        return (ConfigValue) ConfigProvider.getConfig().getConfigValue("quarkus.mailer.host");
    }

    void start(@Observes StartupEvent event) {
        ConfigValue host = smtpHost();
        if (!enabled) {
            LOG.info("E-mail notifications are off: no SMTP server is configured (QUARKUS_MAILER_HOST is not set); "
                    + "notifications reach the desk only");
            turnOffWaitingMail();
            return;
        }
        LOG.infof("E-mail notifications are sent through the SMTP server at %s", host.getValue());
        sender = new OutboxSenders("notification-mailer", this::sendOne, this::complain, POLL_EVERY);
        sender.start(1);
    }

    /**
     * Set by the person running it: {@code quarkus.mailer.host} has a default of Quarkus's own ("localhost"), which
     * is not a server anyone chose.
     */
    static boolean smtpHostConfigured(ConfigValue host) {
        return host != null && host.getValue() != null && !host.getValue().isBlank() && host.getSourceName() != null
                && !host.getSourceName().toLowerCase().contains("default");
    }

    void stop(@Observes ShutdownEvent event) {
        if (sender != null) {
            sender.stop();
        }
    }

    /** Whether notifications wanted by e-mail are mailed (an SMTP server is configured). */
    public boolean enabled() {
        return enabled;
    }

    /** Rows to mail were written on this node: look now rather than at the next poll. */
    void wake() {
        if (sender != null) {
            sender.wake();
        }
    }

    /** Without a server, mail waiting from before (configured then) is marked not mailed, once. */
    private void turnOffWaitingMail() {
        try {
            int off = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement update = connection.prepareStatement("update notification set email_state = 'off', "
                             + "email_next_at = null where email_state in ('pending', 'retrying')")) {
                    return update.executeUpdate();
                }
            });
            if (off > 0) {
                LOG.infof("%d notification e-mail%s waiting will not be sent (no SMTP server)", off, off == 1 ? "" : "s");
            }
        } catch (RuntimeException e) {
            complain(e);
        }
    }

    /** A claimed row: what it takes to write the mail. */
    record Claimed(long id, NotificationKind kind, String headline, String text, Long storyId, int attempts,
                   Instant firstAttemptAt, String email, boolean enabled) {
    }

    /** Claims one row whose mail is due, sends it and records how it went, in one transaction; false when none was due. */
    boolean sendOne() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Claimed claimed = claim(connection);
                if (claimed == null) {
                    return false;
                }
                Instant attemptedAt = Instant.now(clock);
                if (claimed.email() == null || !claimed.enabled()) {
                    // The address was taken away, or the account disabled, since the act: no mail, only the desk.
                    record(connection, claimed.id(), Notification.EMAIL_OFF, claimed.attempts(), null, null, null, null);
                    return true;
                }
                String error = send(claimed);
                int attempts = claimed.attempts() + 1;
                Instant first = claimed.firstAttemptAt() == null ? attemptedAt : claimed.firstAttemptAt();
                if (error == null) {
                    record(connection, claimed.id(), Notification.EMAIL_SENT, attempts, first, null, null, attemptedAt);
                } else {
                    Instant next = attemptedAt.plus(BackOff.after(attempts, RETRY_BASE, RETRY_MAX));
                    boolean giveUp = next.isAfter(first.plus(RETRY_FOR));
                    record(connection, claimed.id(), giveUp ? Notification.EMAIL_FAILED : Notification.EMAIL_RETRYING,
                            attempts, first, giveUp ? null : next, error, null);
                    LOG.infof("Notification e-mail %d: attempt %d failed (%s); %s", claimed.id(), attempts, error,
                            giveUp ? "given up" : "next at " + next);
                }
                return true;
            }
        });
    }

    private Claimed claim(Connection connection) throws SQLException {
        try (PreparedStatement due = connection.prepareStatement(
                "select n.id, n.kind, n.headline, n.text, n.story_id, n.email_attempts, n.email_first_attempt_at, "
                        + "a.email, a.enabled from notification n join staff_account a on a.id = n.recipient_id "
                        + "where n.email_state in ('pending', 'retrying') and n.email_next_at <= ? "
                        + "order by n.email_next_at limit 1 for update of n skip locked")) {
            due.setObject(1, at(Instant.now(clock)));
            try (ResultSet row = due.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                // Asked of the column itself: wasNull() speaks of the last column read, which an argument list reorders.
                Long story = row.getObject(5) == null ? null : row.getLong(5);
                OffsetDateTime first = row.getObject(7, OffsetDateTime.class);
                return new Claimed(row.getLong(1), NotificationKind.valueOf(row.getString(2)), row.getString(3),
                        row.getString(4), story, row.getInt(6),
                        first == null ? null : first.toInstant(), row.getString(8), row.getBoolean(9));
            }
        }
    }

    /** Hands the mail to the SMTP server; what went wrong, or null when it was taken. */
    private String send(Claimed claimed) {
        try {
            mail.send(NotificationMails.of(claimed.kind(), claimed.headline(), claimed.text(), claimed.email(),
                    storyLink(claimed.storyId()), address.baseWithoutRequest() + DeskPaths.notifications()));
            return null;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage().replaceAll("\\s+", " ");
            return message.length() > ERROR_MAX ? message.substring(0, ERROR_MAX) : message;
        }
    }

    private String storyLink(Long storyId) {
        String base = address.baseWithoutRequest();
        return storyId == null ? base + DeskPaths.home() : base + DeskPaths.story(storyId);
    }

    private void record(Connection connection, long id, String state, int attempts, Instant first, Instant next,
                        String error, Instant sentAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update notification set email_state = ?, "
                + "email_attempts = ?, email_first_attempt_at = ?, email_next_at = ?, email_last_error = ?, emailed_at = ? "
                + "where id = ?")) {
            update.setString(1, state);
            update.setInt(2, attempts);
            update.setObject(3, first == null ? null : at(first), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            update.setObject(4, next == null ? null : at(next), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            update.setString(5, error);
            update.setObject(6, sentAt == null ? null : at(sentAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            update.setLong(7, id);
            update.executeUpdate();
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The database away or the like: said once a minute at most, then the next look tries again. */
    private void complain(RuntimeException e) {
        Instant now = Instant.now();
        if (now.isAfter(lastComplaint.plusSeconds(60))) {
            lastComplaint = now;
            LOG.warnf("Notification e-mail could not be sent now (%s); trying again", e.getMessage());
        }
    }
}
