package org.copydesk.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Two packaged app nodes on loopback sharing one database: a scheduled story goes live exactly once
 * (one publication, one audit line), a sign-in on one node is good on the other, and a story whose
 * time passed while every node was down goes live when a node starts.
 */
class TwoNodesIT extends OnEmptyDatabase {

    static final Map<String, String> NODE_ENV = Map.of(
            "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "shared-key-for-both-test-nodes-0001",
            "COPYDESK_SCHEDULER_EVERY", "1s");

    @Test
    void scheduledStoryGoesLiveExactlyOnceAcrossTwoNodesAndOverdueOnesAtStartUp() throws Exception {
        try (PackagedApp first = PackagedApp.start(database, NODE_ENV);
             PackagedApp second = PackagedApp.start(database, NODE_ENV)) {
            long storyId = insertScheduledStory("two-nodes-embargo", "now() + interval '3 seconds'");
            awaitPublished(storyId, Duration.ofSeconds(20));
            Thread.sleep(3000);
            assertEquals(1, auditCount(storyId), "one publication, audited once");
            String path = publicPath(storyId);
            assertEquals(200, given().baseUri(first.base()).get(path).statusCode());
            assertEquals(200, given().baseUri(second.base()).get(path).statusCode());

            Response signedIn = SignIn.as(first.base(), "chief", "chief-editor-password");
            assertEquals(303, signedIn.statusCode());
            Response desk = given().baseUri(second.base()).redirects().follow(false).cookies(signedIn.cookies())
                    .get("/desk");
            assertEquals(200, desk.statusCode(), "the session cookie from node 1 is good on node 2");
        }

        long overdue = insertScheduledStory("overdue-while-down", "now() - interval '1 hour'");
        try (PackagedApp restarted = PackagedApp.start(database, Map.of("COPYDESK_SCHEDULER_EVERY", "1h"))) {
            awaitPublished(overdue, Duration.ofSeconds(10));
            assertEquals(1, auditCount(overdue));
            assertThat(given().baseUri(restarted.base()).get(publicPath(overdue)).statusCode()).isEqualTo(200);
        }
    }

    /** A story in the Scheduled state, written straight into the database (ids far above Hibernate's). */
    private long insertScheduledStory(String slug, String when) throws SQLException {
        long id = 900_000_000L + (System.nanoTime() % 1_000_000L);
        try (Connection c = PackagedApp.connect(database);
             PreparedStatement s = c.prepareStatement("insert into story (id, headline, standfirst, body, slug, section_id, "
                     + "state, created_at, updated_at, scheduled_at, version) values (?, ?, 'Standfirst', '<p>Body.</p>', ?, "
                     + "(select id from section where slug = 'world'), 'SCHEDULED', now(), now(), " + when + ", 0)")) {
            s.setLong(1, id);
            s.setString(2, "Scheduled story " + slug);
            s.setString(3, slug);
            s.executeUpdate();
        }
        return id;
    }

    private void awaitPublished(long id, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if ("PUBLISHED".equals(single("select state from story where id = ?", id))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("story " + id + " was not published within " + within);
    }

    private long auditCount(long id) throws SQLException {
        return Long.parseLong(single("select count(*) from audit_event where story_id = ? and action = 'SCHEDULED_PUBLISH'", id));
    }

    private String publicPath(long id) throws SQLException {
        return single("select public_path from story where id = ?", id);
    }

    private String single(String sql, long id) throws SQLException {
        try (Connection c = PackagedApp.connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
