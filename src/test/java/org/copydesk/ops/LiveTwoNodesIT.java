package org.copydesk.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import io.restassured.response.Response;
import org.copydesk.testing.EventStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * A live story on two packaged nodes sharing one database: an entry posted on one node reaches a reader following
 * the story on the other, and the other way round; each node's page shows it on a reload (the page cache of each
 * node drops the page).
 */
class LiveTwoNodesIT extends OnEmptyDatabase {

    static final Map<String, String> NODE_ENV = Map.of(
            "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "shared-key-for-both-test-nodes-0001",
            "COPYDESK_SCHEDULER_EVERY", "1s");

    static final Duration SOON = Duration.ofSeconds(5);

    @Test
    void anEntryPostedOnOneNodeReachesReadersOnTheOther() throws Exception {
        try (PackagedApp a = PackagedApp.start(database, NODE_ENV);
             PackagedApp b = PackagedApp.start(database, NODE_ENV)) {
            long id = StoriesInTheDatabase.insert(database, "Two-node live story", "two-node-live-story", "<p>The summary.</p>",
                    "SCHEDULED", "now()");
            String path = StoriesInTheDatabase.awaitPublished(database, id, Duration.ofSeconds(30));
            Map<String, String> onA = SignIn.as(a.base(), "chief", "chief-editor-password").cookies();
            Map<String, String> onB = SignIn.as(b.base(), "chief", "chief-editor-password").cookies();
            assertEquals(303, DeskForms.submit(a.base(), onA, "/desk/stories/" + id + "/live", "/live/start", Map.of()).statusCode());
            String seq = Jsoup.parse(given().get(b.base() + path).asString()).selectFirst(".live-coverage").attr("data-seq");

            try (EventStream onNodeB = EventStream.open(b.base() + "/live/" + id + "/events?after=" + seq);
                 EventStream onNodeA = EventStream.open(a.base() + "/live/" + id + "/events?after=" + seq)) {
                assertEquals(200, onNodeB.status());
                post(a, onA, id, "Posted on node A.");
                assertThat(onNodeB.await(e -> e.data().contains("Posted on node A."), SOON))
                        .as("node B's reader gets node A's entry").isNotNull();
                post(b, onB, id, "Posted on node B.");
                assertThat(onNodeA.await(e -> e.data().contains("Posted on node B."), SOON))
                        .as("node A's reader gets node B's entry").isNotNull();
                assertThat(onNodeA.await(e -> e.data().contains("Posted on node A."), SOON)).isNotNull();
            }
            for (PackagedApp node : new PackagedApp[] {a, b}) {
                String page = given().get(node.base() + path).asString();
                assertThat(Jsoup.parse(page).select("#live-entries .entry-body").eachText())
                        .as("a reload on each node").containsExactly("Posted on node B.", "Posted on node A.");
            }
        }
    }

    private static void post(PackagedApp node, Map<String, String> session, long id, String text) {
        Response posted = DeskForms.submit(node.base(), session, "/desk/stories/" + id + "/live", "/live/entries",
                Map.of("entry", text));
        assertEquals(303, posted.statusCode(), posted.asString());
    }
}
