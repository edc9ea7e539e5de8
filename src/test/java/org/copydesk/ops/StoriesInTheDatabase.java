package org.copydesk.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stories written straight into a packaged app's database (ids far above Hibernate's), and a wait for the
 * scheduler to publish one: what the tests of several nodes and of a crowd need without going through the desk.
 */
final class StoriesInTheDatabase {

    private static final AtomicLong NEXT_ID = new AtomicLong(900_000_000L);

    private StoriesInTheDatabase() {
    }

    /** A story in the World section; {@code scheduledAt} is SQL ("null", "now()", "now() + interval '1 hour'"). */
    static long insert(String database, String headline, String slug, String body, String state, String scheduledAt)
            throws SQLException {
        long id = NEXT_ID.incrementAndGet();
        try (Connection c = PackagedApp.connect(database);
             // A published story raises the public version in its transaction, or the database refuses it (V23).
             PreparedStatement raise = c.prepareStatement("update public_version set value = value + 1 where id = 1");
             PreparedStatement s = c.prepareStatement("insert into story (id, headline, standfirst, body, slug, section_id, "
                     + "state, created_at, updated_at, scheduled_at, version) values (?, ?, 'Standfirst', ?, ?, "
                     + "(select id from section where slug = 'world'), ?, now(), now(), " + scheduledAt + ", 0)")) {
            s.setLong(1, id);
            s.setString(2, headline);
            s.setString(3, body);
            s.setString(4, slug);
            s.setString(5, state);
            c.setAutoCommit(false);
            s.executeUpdate();
            if ("PUBLISHED".equals(state)) {
                raise.executeUpdate();
            }
            c.commit();
        }
        return id;
    }

    /** Waits for the story to be published (by a node's scheduler); its public path. */
    static String awaitPublished(String database, long id, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = PackagedApp.connect(database);
                 PreparedStatement s = c.prepareStatement("select state, public_path from story where id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && "PUBLISHED".equals(rs.getString(1))) {
                        return rs.getString(2);
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("story " + id + " was not published within " + within);
    }
}
