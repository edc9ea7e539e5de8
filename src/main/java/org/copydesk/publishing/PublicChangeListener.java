package org.copydesk.publishing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears public changes committed by any node (PostgreSQL LISTEN/NOTIFY on the channel V9's trigger
 * notifies) on one connection of its own, and brings this node's {@link PublicVersion} up to date, after
 * telling those who keep something read from public rows ({@link VersionHeard}: site.SiteInfo's settings and
 * sections) to read it again. If the connection breaks, the version becomes unknown (pages are then
 * rendered, never served stale from memory) until it is back.
 */
@ApplicationScoped
public class PublicChangeListener {

    static final String CHANNEL = "copydesk_public_change";
    private static final Logger LOG = Logger.getLogger(PublicChangeListener.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    /** How long the connection may stay quiet before it is checked with a query. */
    private static final Duration QUIET = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PublicVersion versions;

    @Inject
    Event<VersionHeard> heard;

    private volatile boolean running = true;
    private Thread thread;

    void start(@Observes @Priority(10) StartupEvent event) {
        thread = new Thread(this::listenUntilStopped, "public-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** The connection goes back to the pool before the pool closes. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(2000);
        }
    }

    private void listenUntilStopped() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                versions.deaf();
                LOG.warnf("Not hearing public changes (%s); pages are rendered afresh until the database answers again",
                        e.getMessage());
            }
            sleep(RETRY);
        }
    }

    private void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        String schema;
        try (Statement statement = connection.createStatement()) {
            statement.execute("listen " + CHANNEL);
            try (ResultSet rs = statement.executeQuery("select current_schema(), (select value from public_version where id = 1)")) {
                rs.next();
                schema = rs.getString(1);
                // Anything committed from here on is notified; what came before is read now.
                long stored = rs.getLong(2);
                heard.fire(new VersionHeard(stored));
                versions.listening(stored);
            }
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        String ours = schema + ":";
        long quietSince = System.nanoTime();
        while (running) {
            // Waits half a second at a time, so that a node told to stop is not held up waiting here.
            PGNotification[] notifications = postgres.getNotifications(500);
            if (notifications == null) {
                if (System.nanoTime() - quietSince > QUIET.toNanos()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("select 1"); // a quiet connection may be a broken one: find out now
                    }
                    quietSince = System.nanoTime();
                }
                continue;
            }
            quietSince = System.nanoTime();
            long newest = PublicVersion.UNKNOWN;
            for (PGNotification notification : notifications) {
                String payload = notification.getParameter();
                if (CHANNEL.equals(notification.getName()) && payload.startsWith(ours)) {
                    newest = Math.max(newest, Long.parseLong(payload.substring(ours.length())));
                }
            }
            if (newest != PublicVersion.UNKNOWN) {
                // Settings and sections may be what changed; pages rendered meanwhile are keyed to the old ones.
                heard.fire(new VersionHeard(newest));
                versions.heard(newest);
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
