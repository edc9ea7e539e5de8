package org.copydesk.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * A crowd on a big story, on the packaged app started as production starts it (docker/start-app with
 * docker/java-options, with half its heap: 96 MB): sixteen readers at once on a published story of a megabyte, each
 * arriving with a different tracking parameter from a share link, all get the page. The tracking
 * parameters do not make sixteen pages of it, and the page is rendered once for all of them.
 */
class CrowdOnABigStoryIT extends OnEmptyDatabase {

    private static final int READERS = 16;

    @Test
    void sixteenReadersWithDifferentTrackingParametersAllGetAMegabyteStory() throws Exception {
        String options = PackagedApp.productionOptionsWithHalfTheHeap();
        try (PackagedApp app = PackagedApp.startAsTheImageDoes(database, options, Map.of("COPYDESK_SCHEDULER_EVERY", "1s"))) {
            long id = insertStoryDueNow("crowd-on-a-big-story", bigBody(ENGLISH));
            String path = awaitPublished(id, Duration.ofSeconds(30));

            ExecutorService readers = Executors.newFixedThreadPool(READERS);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (int reader = 0; reader < READERS; reader++) {
                    String query = "?utm_source=share-" + reader + "&utm_medium=social&fbclid=IwAR" + System.nanoTime();
                    answers.add(readers.submit(() -> {
                        go.await();
                        return given().baseUri(app.base()).header("Accept-Encoding", "gzip").get(path + query);
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    Response response = answer.get(120, TimeUnit.SECONDS);
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 200) {
                        assertThat(response.asString()).contains("Crowd on a big story", "Paragraph 1999 ", "</html>");
                    }
                }
                assertThat(statuses).as("what the sixteen readers got").containsOnly(200);
            } finally {
                readers.shutdownNow();
            }
            assertThat(given().baseUri(app.base()).get("/q/health/ready").statusCode()).isEqualTo(200);
            assertThat(app.log()).doesNotContain("OutOfMemoryError");
        }
    }

    /**
     * Sixteen different big stories asked for at once (a crawler through the archive of long reads), in Russian (two
     * bytes a character in memory): each is rendered, and the renders take turns within the memory they may take
     * (site.BigStoryTurns; without the turns, 6 of 16 got 500), so every reader gets the page.
     */
    @Test
    void sixteenDifferentMegabyteStoriesAskedForAtOnceAreAllServed() throws Exception {
        String options = PackagedApp.productionOptionsWithHalfTheHeap();
        try (PackagedApp app = PackagedApp.startAsTheImageDoes(database, options, Map.of("COPYDESK_SCHEDULER_EVERY", "1s"))) {
            String body = bigBody(RUSSIAN);
            List<Long> ids = new ArrayList<>();
            for (int story = 0; story < READERS; story++) {
                ids.add(insertStoryDueNow("big-story-" + story, body));
            }
            List<String> paths = new ArrayList<>();
            for (long id : ids) {
                paths.add(awaitPublished(id, Duration.ofSeconds(60)));
            }
            ExecutorService readers = Executors.newFixedThreadPool(READERS);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (String path : paths) {
                    answers.add(readers.submit(() -> {
                        go.await();
                        return given().baseUri(app.base()).header("Accept-Encoding", "gzip").get(path);
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    statuses.add(answer.get(120, TimeUnit.SECONDS).statusCode());
                }
                assertThat(statuses).as("what the sixteen readers got").containsOnly(200);
            } finally {
                readers.shutdownNow();
            }
            assertThat(given().baseUri(app.base()).get("/q/health/ready").statusCode()).isEqualTo(200);
            assertThat(app.log()).doesNotContain("OutOfMemoryError");
        }
    }

    static final String ENGLISH = "The council met again on Tuesday to weigh the budget, the roads and the new school, "
            + "and the mayor said the vote would come before the summer recess whatever the objections. ";
    /** Text beyond Latin-1 takes two bytes a character in memory: the heavier case. */
    static final String RUSSIAN = "Совет снова собрался во вторник, чтобы обсудить бюджет, дороги и новую школу, "
            + "и мэр сказал, что голосование состоится до летних каникул, несмотря на возражения. ";

    /** About a million characters of story: two thousand paragraphs, some with emphasis and links, and a few pictures. */
    static String bigBody(String words) {
        StringBuilder body = new StringBuilder(1_100_000);
        for (int paragraph = 0; paragraph < 2000; paragraph++) {
            body.append("<p>Paragraph ").append(paragraph).append(' ');
            if (paragraph % 10 == 0) {
                body.append("<strong>Emphasis</strong> and <a href=\"https://example.org/").append(paragraph)
                        .append("\" rel=\"nofollow noopener\">a link</a>. ");
            }
            body.append(words.repeat(2)).append(words, 0, 140).append("</p>");
            if (paragraph % 500 == 250) {
                body.append("<p><img src=\"/images/AAAAAAAAAAAAAAAAAAAAAA/1200.jpg\" alt=\"A picture\" width=\"1200\" height=\"800\"></p>");
            }
        }
        return body.toString();
    }

    /** A story due now, written straight into the database in the Scheduled state: the scheduler publishes it. */
    private long insertStoryDueNow(String slug, String body) throws SQLException {
        return StoriesInTheDatabase.insert(database, "Crowd on a big story", slug, body, "SCHEDULED", "now()");
    }

    private String awaitPublished(long id, Duration within) throws Exception {
        return StoriesInTheDatabase.awaitPublished(database, id, within);
    }
}
