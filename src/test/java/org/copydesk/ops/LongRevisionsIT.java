package org.copydesk.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.response.Response;
import org.copydesk.revision.LongStories;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Revisions of long stories on the packaged app with the production options (docker/java-options with half its heap: a 96 MB
 * heap): thirty saves of a 900 KB story, its history, comparisons at 300 KB and near 1 MB, several at once.
 * Before the comparison was bounded and the history read summaries, the history answered 500 for good after
 * such saves, a 300 KB comparison took minutes on a core, and a 900 KB one ran out of memory (failing an
 * unrelated sign-in and the scheduler with it). The figures measured are printed.
 */
class LongRevisionsIT extends OnEmptyDatabase {

    @Test
    void longStoriesKeepTheirHistoryAndCompareQuicklyWithinTheProductionHeap() throws Exception {
        String options = PackagedApp.productionOptionsWithHalfTheHeap();
        try (PackagedApp app = PackagedApp.startAsTheImageDoes(database, options)) {
            Map<String, String> cookies = signIn(app);

            // Thirty saves of a 900 KB story, a paragraph changed at each.
            List<String> paragraphs = new ArrayList<>(LongStories.paragraphs(900_000, 1));
            long id = create(app, cookies, "Thirty saves", LongStories.text(paragraphs));
            for (int save = 2; save <= 30; save++) {
                paragraphs.set(save * 7, "Save " + save + " rewrote this paragraph.");
                save(app, cookies, id, LongStories.text(paragraphs));
            }
            long started = System.nanoTime();
            Response history = get(app, cookies, "/desk/stories/" + id + "/history");
            long historyMillis = millisSince(started);
            assertEquals(200, history.statusCode(), app.log());
            assertThat(Jsoup.parse(history.asString()).select("#revisions + table tbody tr")).hasSize(30);
            started = System.nanoTime();
            Response latest = get(app, cookies, "/desk/stories/" + id + "/revisions/compare");
            long latestMillis = millisSince(started);
            assertEquals(200, latest.statusCode());
            assertThat(Jsoup.parse(latest.asString()).select("tr:contains(Body) ins").text()).contains("Save 30");

            // A 300 KB story reworked throughout (every other word of every paragraph).
            List<String> medium = LongStories.paragraphs(300_000, 2);
            long mediumId = create(app, cookies, "Reworked", LongStories.text(medium));
            save(app, cookies, mediumId, LongStories.text(LongStories.reworked(medium, 3)));
            String mediumCompare = "/desk/stories/" + mediumId + "/revisions/compare";
            get(app, cookies, mediumCompare);
            List<Long> mediumMillis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                started = System.nanoTime();
                assertEquals(200, get(app, cookies, mediumCompare).statusCode());
                mediumMillis.add(millisSince(started));
            }
            assertThat(median(mediumMillis)).as("median milliseconds to compare two 300 KB revisions").isLessThan(2_000);

            // Near the 1,000,000-character limit, a different story altogether: beyond the budget, said so.
            long bigId = create(app, cookies, "Rewritten", LongStories.text(LongStories.paragraphs(950_000, 4)));
            save(app, cookies, bigId, LongStories.text(LongStories.paragraphs(950_000, 5)));
            String bigCompare = "/desk/stories/" + bigId + "/revisions/compare";
            started = System.nanoTime();
            Response big = get(app, cookies, bigCompare);
            long bigMillis = millisSince(started);
            assertEquals(200, big.statusCode());
            assertThat(Jsoup.parse(big.asString()).select(".diff-fallback")).isNotEmpty();

            // Four editors comparing 1 MB revisions at once, while someone signs in: no 500, no out-of-memory.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> comparing = new ArrayList<>();
            started = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                comparing.add(pool.submit(() -> get(app, cookies, bigCompare).statusCode()));
            }
            Response signIn = SignIn.as(app.base(), "chief", "chief-editor-password");
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : comparing) {
                statuses.add(status.get());
            }
            long concurrentMillis = millisSince(started);
            pool.shutdown();
            assertThat(statuses).allMatch(status -> status == 200 || status == 503);
            assertEquals(303, signIn.statusCode());
            assertThat(app.log()).doesNotContain("OutOfMemoryError");

            System.out.printf("LongRevisionsIT (%s): history of 30 revisions of 900 KB %d ms; latest two compared %d ms; "
                            + "300 KB reworked compared %s ms (median %d); 950 KB rewritten compared %d ms; "
                            + "4 at once %s in %d ms%n", options.contains("-Xmx96m") ? "96 MB heap" : options,
                    historyMillis, latestMillis, mediumMillis, median(mediumMillis), bigMillis, statuses, concurrentMillis);
        }
    }

    private static Map<String, String> signIn(PackagedApp app) {
        Response signedIn = SignIn.as(app.base(), "chief", "chief-editor-password");
        assertEquals(303, signedIn.statusCode());
        Map<String, String> cookies = new LinkedHashMap<>(signedIn.cookies());
        cookies.putAll(given().baseUri(app.base()).cookies(cookies).get("/desk").cookies());
        return cookies;
    }

    private long create(PackagedApp app, Map<String, String> cookies, String headline, String body) {
        Response created = DeskForms.submit(app.base(), cookies, "/desk/stories/new", "/desk/stories",
                Map.of("headline", headline, "body", body, "action", "save"));
        assertEquals(303, created.statusCode(), created.asString());
        return Long.parseLong(created.header("Location").replaceAll(".*/", ""));
    }

    /**
     * The story form as the browser posts it, with the version the story now has (read from the database:
     * the form page of a story this long is not what is tested here).
     */
    private void save(PackagedApp app, Map<String, String> cookies, long id, String body) throws Exception {
        String headline;
        int version;
        long section;
        try (Connection c = PackagedApp.connect(database);
             PreparedStatement s = c.prepareStatement("select headline, version, section_id from story where id = ?")) {
            s.setLong(1, id);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                headline = row.getString(1);
                version = row.getInt(2);
                section = row.getLong(3);
            }
        }
        Response saved = given().baseUri(app.base()).cookies(cookies).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", cookies.get("copydesk-csrf")).formParam("version", version)
                .formParam("headline", headline).formParam("section", section).formParam("body", body)
                .formParam("action", "save").post("/desk/stories/" + id);
        assertEquals(303, saved.statusCode(), saved.asString());
    }

    private static Response get(PackagedApp app, Map<String, String> cookies, String path) {
        return given().baseUri(app.base()).cookies(cookies).redirects().follow(false).get(path);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
