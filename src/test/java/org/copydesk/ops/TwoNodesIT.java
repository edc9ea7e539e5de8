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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Two packaged app nodes on loopback sharing one database: a scheduled story goes live exactly once
 * (one publication, one audit line), a sign-in on one node is good on the other, a story whose time
 * passed while every node was down goes live when a node starts, a correction and a publication made on
 * one node show on the other's (cached) pages within a second, and a node killed while a reporter saves
 * loses nothing it confirmed.
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

            // Behind one proxy, a form shown by one node is sent to the other: its signed CSRF token is good there.
            Response form = given().baseUri(first.base()).get("/login");
            Response sentToSecond = given().baseUri(second.base()).redirects().follow(false).cookies(form.cookies())
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("csrf-token", org.jsoup.Jsoup.parse(form.asString()).select("input[name=csrf-token]").val())
                    .formParam("username", "chief").formParam("password", "chief-editor-password").formParam("next", "/desk")
                    .post("/login");
            assertEquals(303, sentToSecond.statusCode(), "the sign-in form from node 1, sent to node 2");
        }

        long overdue = insertScheduledStory("overdue-while-down", "now() - interval '1 hour'");
        try (PackagedApp restarted = PackagedApp.start(database, Map.of("COPYDESK_SCHEDULER_EVERY", "1h"))) {
            awaitPublished(overdue, Duration.ofSeconds(10));
            assertEquals(1, auditCount(overdue));
            assertThat(given().baseUri(restarted.base()).get(publicPath(overdue)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aChangeOnOneNodeShowsOnTheOtherWithinASecondAndAKilledNodeLosesNoSavedWork() throws Exception {
        try (PackagedApp a = PackagedApp.start(database, NODE_ENV); PackagedApp b = PackagedApp.start(database, NODE_ENV)) {
            long storyId = insertScheduledStory("two-nodes-correction", "now()");
            awaitPublished(storyId, Duration.ofSeconds(20));
            String path = publicPath(storyId);
            // Both nodes now keep the page in memory: the second request on each is answered from there.
            for (PackagedApp node : new PackagedApp[] {a, b}) {
                given().baseUri(node.base()).get(path).then().statusCode(200);
                given().baseUri(node.base()).get(path).then().statusCode(200);
            }
            Map<String, String> session = SignIn.as(a.base(), "chief", "chief-editor-password").cookies();

            String correction = "An earlier version misnamed the minister " + System.nanoTime() + ".";
            Response added = DeskForms.submit(a.base(), session, "/desk/stories/" + storyId, "/corrections",
                    Map.of("correction", correction));
            Instant committed = Instant.now();
            assertEquals(303, added.statusCode(), added.asString());
            Duration took = timeUntilShown(b, path, correction, committed);
            assertThat(took).as("node B shows the correction made on node A").isNotNull();
            assertThat(took).as("within a second").isLessThan(Duration.ofSeconds(1));
            System.out.printf("TwoNodesIT: a correction on node A showed on node B after %d ms%n", took.toMillis());

            // An editor publishes on A a story in review; B's front page (kept in memory) shows it within a second.
            long inReview = insertStory("two-nodes-publish", "IN_REVIEW");
            given().baseUri(b.base()).get("/").then().statusCode(200);
            assertThat(given().baseUri(b.base()).get("/").asString()).doesNotContain("Story two-nodes-publish");
            Response published = DeskForms.submit(a.base(), session, "/desk/stories/" + inReview, "/desk/stories/" + inReview,
                    Map.of("action", "publish", "checked", "publish"));
            Instant publishedAt = Instant.now();
            assertEquals(303, published.statusCode(), published.asString());
            Duration shown = timeUntilShown(b, "/", "Story two-nodes-publish", publishedAt);
            assertThat(shown).as("node B's front page shows the story published on node A").isNotNull();
            assertThat(shown).as("within a second").isLessThan(Duration.ofSeconds(1));
            System.out.printf("TwoNodesIT: a story published on node A showed on node B's front page after %d ms%n",
                    shown.toMillis());

            // A reporter saving again and again on node A when it dies: every save A confirmed is kept,
            // the story is whole, and the same sign-in carries on on node B.
            long draftId = insertStory("two-nodes-kill", "DRAFT");
            String editPage = "/desk/stories/" + draftId;
            AtomicInteger confirmed = new AtomicInteger();
            AtomicInteger attempted = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread saving = new Thread(() -> {
                for (int n = 1; ; n++) {
                    attempted.set(n);
                    try {
                        Response saved = DeskForms.submit(a.base(), session, editPage, editPage,
                                Map.of("action", "save", "body", "Save number " + n + " of the test."));
                        if (saved.statusCode() != 303) {
                            throw new AssertionError("save " + n + " answered " + saved.statusCode());
                        }
                        confirmed.set(n);
                    } catch (Throwable e) {
                        if (!killed.get()) {
                            failure.set(e);
                        }
                        return; // after the kill: node A went away mid-request
                    }
                }
            });
            saving.start();
            Instant giveUp = Instant.now().plusSeconds(30);
            while (confirmed.get() < 5 && failure.get() == null && Instant.now().isBefore(giveUp)) {
                Thread.sleep(10);
            }
            assertThat(failure.get()).as("saves on node A before the kill").isNull();
            Thread.sleep(137);
            killed.set(true);
            a.kill();
            saving.join(10_000);
            assertThat(failure.get()).isNull();
            int lastConfirmed = confirmed.get();
            assertThat(lastConfirmed).isGreaterThanOrEqualTo(5);

            String body = single("select body from story where id = ?", draftId);
            int kept = Integer.parseInt(body.replaceAll("(?s).*Save number (\\d+) .*", "$1"));
            assertThat(kept).as("the last confirmed save, or the one in flight if it committed")
                    .isBetween(lastConfirmed, attempted.get());
            Response onB = given().baseUri(b.base()).cookies(session).redirects().follow(false).get(editPage);
            assertEquals(200, onB.statusCode(), "node A's sign-in is good on node B");
            assertThat(onB.asString()).contains("Save number " + kept + " of the test.");
            Response savedOnB = DeskForms.submit(b.base(), session, editPage, editPage,
                    Map.of("action", "save", "body", "Carried on on node B."));
            assertEquals(303, savedOnB.statusCode(), savedOnB.asString());
            assertThat(single("select body from story where id = ?", draftId)).contains("Carried on on node B.");
        }
    }

    /** How long after {@code since} the node's page first contains {@code text}; null if not within 5 s. */
    private static Duration timeUntilShown(PackagedApp node, String path, String text, Instant since) throws InterruptedException {
        while (Duration.between(since, Instant.now()).compareTo(Duration.ofSeconds(5)) < 0) {
            if (given().baseUri(node.base()).get(path).asString().contains(text)) {
                return Duration.between(since, Instant.now());
            }
            Thread.sleep(20);
        }
        return null;
    }

    private long insertStory(String slug, String state) throws SQLException {
        return insertStory("Story " + slug, slug, state, "null");
    }

    /** A story in the Scheduled state, written straight into the database. */
    private long insertScheduledStory(String slug, String when) throws SQLException {
        return insertStory("Scheduled story " + slug, slug, "SCHEDULED", when);
    }

    private long insertStory(String headline, String slug, String state, String scheduledAt) throws SQLException {
        return StoriesInTheDatabase.insert(database, headline, slug, "<p>Body.</p>", state, scheduledAt);
    }

    private void awaitPublished(long id, Duration within) throws Exception {
        StoriesInTheDatabase.awaitPublished(database, id, within);
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
