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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.restassured.response.Response;
import org.copydesk.testing.WebhookReceiver;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Webhooks on two packaged nodes sharing one database, with a receiver on loopback verifying every signature: each
 * event reaches the endpoint once in the normal case, whichever node made the change and whichever sent it; and a
 * node killed while it holds a delivery open loses nothing: the other node sends it.
 */
class WebhooksTwoNodesIT extends OnEmptyDatabase {

    static final Map<String, String> NODE_ENV = Map.of(
            "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "shared-key-for-both-test-nodes-0001",
            "COPYDESK_SCHEDULER_EVERY", "1s",
            "COPYDESK_WEBHOOKS_RETRY_BASE", "1s");

    static final int STORIES = 8;

    @Test
    void eachEventReachesTheEndpointOnceFromTwoNodes() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             PackagedApp a = PackagedApp.start(database, NODE_ENV);
             PackagedApp b = PackagedApp.start(database, NODE_ENV)) {
            Map<String, String> session = SignIn.as(a.base(), "chief", "chief-editor-password").cookies();
            receiver.secret(register(a, session, receiver.url(), "story.published", "story.corrected"));

            // Several stories go live at once by the clustered scheduler (on either node); one more from the desk on B.
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < STORIES; i++) {
                ids.add(StoriesInTheDatabase.insert(database, "Hook story " + i, "hook-story-" + i, "<p>Body.</p>", "SCHEDULED",
                        "now()"));
            }
            for (long id : ids) {
                StoriesInTheDatabase.awaitPublished(database, id, Duration.ofSeconds(30));
            }
            Map<String, String> onB = SignIn.as(b.base(), "chief", "chief-editor-password").cookies();
            String correction = "An earlier version misnamed the river " + System.nanoTime() + ".";
            Response corrected = DeskForms.submit(b.base(), onB, "/desk/stories/" + ids.get(0), "/corrections",
                    Map.of("correction", correction));
            assertEquals(303, corrected.statusCode(), corrected.asString());

            awaitAll(receiver, STORIES + 1, Duration.ofSeconds(30));
            Thread.sleep(3000); // time for a repeat to show, if there were one
            List<WebhookReceiver.Received> got = receiver.received();
            assertThat(got).as("every delivery verifies with the endpoint's secret").allMatch(WebhookReceiver.Received::verified);
            assertThat(got).extracting(WebhookReceiver.Received::id).as("each sent once").doesNotHaveDuplicates();
            assertThat(got).hasSize(STORIES + 1);
            for (int i = 0; i < STORIES; i++) {
                String headline = "\"Hook story " + i + "\"";
                assertThat(got.stream().filter(r -> r.body().contains(headline) && r.body().contains("\"story.published\"")))
                        .as("story %d published, told once", i).hasSize(1);
            }
            assertThat(got.stream().filter(r -> r.body().contains("\"story.corrected\""))).hasSize(1);
            assertThat(statuses()).as("status and attempts of every delivery").containsOnlyKeys("delivered 1");
        }
    }

    @Test
    void aNodeKilledMidDeliveryLosesNothing() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // Long enough that node A's request is still open when it is killed, however long node B takes to start.
            Map<String, String> env = new HashMap<>(NODE_ENV);
            env.put("COPYDESK_WEBHOOKS_TIMEOUT", "60s");
            PackagedApp a = PackagedApp.start(database, env);
            PackagedApp b = null;
            try {
                Map<String, String> session = SignIn.as(a.base(), "chief", "chief-editor-password").cookies();
                receiver.secret(register(a, session, receiver.url(), "story.published"));

                // Node A alone takes the delivery, and the receiver keeps the request open.
                receiver.holdNextRequest();
                long id = StoriesInTheDatabase.insert(database, "Cut off story", "cut-off-story", "<p>Body.</p>", "SCHEDULED", "now()");
                StoriesInTheDatabase.awaitPublished(database, id, Duration.ofSeconds(30));
                assertThat(receiver.awaitHeld(Duration.ofSeconds(20))).as("node A is sending it").isTrue();

                // Node B comes up; node A dies with the request in flight (SIGKILL: no shutdown, no answer recorded).
                b = PackagedApp.start(database, env);
                assertThat(statuses()).as("claimed by A, not yet recorded").containsOnlyKeys("pending 0");
                Instant killed = Instant.now();
                a.kill();

                WebhookReceiver.Received resent = receiver.await(r -> r.body().contains("\"Cut off story\""), Duration.ofSeconds(30));
                assertThat(resent).as("node B sends the delivery node A was cut off in").isNotNull();
                assertThat(resent.verified()).isTrue();
                System.out.printf("WebhooksTwoNodesIT: node B sent the delivery %d ms after node A was killed%n",
                        Duration.between(killed, resent.at()).toMillis());
                awaitStatus("delivered 1", Duration.ofSeconds(10));

                // The request node A had open, let go now: the same webhook-id, so a receiver can drop the repeat.
                receiver.release();
                Thread.sleep(500);
                assertThat(receiver.received()).extracting(WebhookReceiver.Received::id).containsOnly(resent.id());
            } finally {
                receiver.release();
                a.close();
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    /**
     * One node on the production options with half their heap (96 MB): six megabyte stories (in Russian, two bytes a
     * character in memory) go live in one run of the scheduler with three endpoints registered, and each endpoint gets
     * each story's whole ninjs, signed, with no memory error.
     */
    @Test
    void megabyteStoriesReachThreeEndpointsWithinTheProductionHeap() throws Exception {
        String options = PackagedApp.productionOptionsWithHalfTheHeap();
        List<WebhookReceiver> receivers = new ArrayList<>();
        try (PackagedApp app = PackagedApp.startAsTheImageDoes(database, options, NODE_ENV)) {
            Map<String, String> session = SignIn.as(app.base(), "chief", "chief-editor-password").cookies();
            for (int i = 0; i < 3; i++) {
                WebhookReceiver receiver = WebhookReceiver.start();
                receivers.add(receiver);
                receiver.secret(register(app, session, receiver.url(), "story.published"));
            }
            String body = CrowdOnABigStoryIT.bigBody(CrowdOnABigStoryIT.RUSSIAN);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(StoriesInTheDatabase.insert(database, "Big hook story " + i, "big-hook-story-" + i, body, "SCHEDULED",
                        "now()"));
            }
            for (long id : ids) {
                StoriesInTheDatabase.awaitPublished(database, id, Duration.ofSeconds(60));
            }
            for (WebhookReceiver receiver : receivers) {
                awaitAll(receiver, ids.size(), Duration.ofSeconds(90));
                assertThat(receiver.received()).hasSize(ids.size()).allSatisfy(r -> {
                    assertThat(r.verified()).isTrue();
                    assertThat(r.body().length()).as("a megabyte story").isGreaterThan(900_000);
                    assertThat(r.body()).as("the whole story, to its last paragraph").contains("Paragraph 1999 ");
                });
            }
            // A receiver has a delivery before the node records its answer (in the transaction that sent it): the last
            // one may still be on its way to the database.
            awaitStatus("delivered 1", Duration.ofSeconds(10));
            assertThat(app.log()).doesNotContain("OutOfMemoryError");
        } finally {
            receivers.forEach(WebhookReceiver::close);
        }
    }

    /** Registers an endpoint on the desk as the admin does; the signing secret the page then shows. */
    private static String register(PackagedApp node, Map<String, String> session, String url, String... events) {
        Response page = given().baseUri(node.base()).cookies(session).redirects().follow(false).get("/desk/integrations/webhooks");
        assertEquals(200, page.statusCode());
        Map<String, String> cookies = new LinkedHashMap<>(session);
        cookies.putAll(page.cookies());
        String csrf = Jsoup.parse(page.asString()).select("#webhook-form input[name=csrf-token]").val();
        Response added = given().baseUri(node.base()).cookies(cookies).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", csrf).formParam("url", url).formParam("events", (Object[]) events)
                .post("/desk/integrations/webhooks");
        assertEquals(303, added.statusCode(), added.asString());
        Document after = Jsoup.parse(given().baseUri(node.base()).cookies(cookies).get("/desk/integrations/webhooks").asString());
        String secret = after.select("#endpoints tr").stream().filter(row -> row.text().contains(url)).findFirst()
                .orElseThrow().selectFirst(".webhook-secret").text();
        assertThat(secret).startsWith("whsec_");
        return secret;
    }

    private static void awaitAll(WebhookReceiver receiver, int count, Duration within) throws InterruptedException {
        Instant giveUp = Instant.now().plus(within);
        while (receiver.received().size() < count && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        assertThat(receiver.received()).as("deliveries received").hasSizeGreaterThanOrEqualTo(count);
    }

    /** How many deliveries are in each "status attempts". */
    private Map<String, Integer> statuses() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = PackagedApp.connect(database);
             PreparedStatement s = c.prepareStatement("select status || ' ' || attempts, count(*) from webhook_delivery group by 1");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private void awaitStatus(String expected, Duration within) throws Exception {
        Instant giveUp = Instant.now().plus(within);
        while (Instant.now().isBefore(giveUp)) {
            if (statuses().keySet().equals(java.util.Set.of(expected))) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(statuses().keySet().stream().collect(Collectors.toSet())).containsOnly(expected);
    }
}
