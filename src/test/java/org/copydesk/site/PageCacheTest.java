package org.copydesk.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.web.Newsroom;
import org.hibernate.SessionFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Rendered pages come from memory, and every published change is visible at once. */
@QuarkusTest
@TestProfile(PageCacheTest.CacheOn.class)
class PageCacheTest {

    /** The cache as in production, and no scheduler counting statements in the background. */
    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("copydesk.page-cache.enabled", "true", "copydesk.scheduler.every", "1h");
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    StoryService stories;

    @Inject
    SessionFactory sessions;

    /** A story a new reporter wrote and a new editor published, and where readers find it. */
    private record Live(Story story, String path, StaffAccount reporter, StaffAccount editor) {
    }

    private Live published(String headline) {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published(headline + " " + Fixtures.unique("p"), reporter, editor);
        return new Live(story, fixtures.reload(story.id).publicPath, reporter, editor);
    }

    @Test
    void headOnAKeptPageSaysWhatGetWouldWithoutRendering() {
        String path = published("Headed").path();
        Response head = given().head(path); // the first asks: rendered, and kept
        Response get = given().get(path);
        sessions.getStatistics().clear();
        Response keptHead = given().head(path);
        assertThat(sessions.getStatistics().getPrepareStatementCount()).as("answered from memory").isZero();
        for (Response answer : java.util.List.of(head, keptHead)) {
            assertThat(answer.asByteArray()).isEmpty();
            for (String header : java.util.List.of("ETag", "Last-Modified", "Cache-Control", "Content-Type")) {
                assertThat(answer.header(header)).as(header).isEqualTo(get.header(header)).isNotNull();
            }
            assertThat(answer.header("Set-Cookie")).isNull();
        }
        assertThat(keptHead.header("Content-Length")).isEqualTo(get.header("Content-Length")).isNotNull();
        for (int time = 1; time <= 2; time++) { // before the page is kept compressed, and after
            Response gzippedHead = given().header("Accept-Encoding", "gzip").head(path);
            Response gzippedGet = given().header("Accept-Encoding", "gzip").get(path);
            assertThat(gzippedHead.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(gzippedHead.header("Content-Length")).isEqualTo(gzippedGet.header("Content-Length")).isNotNull();
            assertThat(gzippedHead.asByteArray()).isEmpty();
        }
    }

    @Test
    void aRepeatedPageAndAConditionalRequestAreAnsweredWithoutRendering() {
        String path = published("Cached").path();
        Response first = given().get(path);
        assertThat(first.header("Set-Cookie")).as("a rendered public page sets no cookie (proxies would not keep it)").isNull();
        assertThat(first.headers().getValues("Vary")).containsExactly("Accept-Encoding");
        sessions.getStatistics().clear();
        Response second = given().get(path);
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(sessions.getStatistics().getPrepareStatementCount()).as("answered from memory").isZero();
        assertThat(second.header("Content-Security-Policy")).isEqualTo(first.header("Content-Security-Policy")).isNotNull();
        assertThat(second.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(second.header("Set-Cookie")).as("nothing personal in a shared page").isNull();
        sessions.getStatistics().clear();
        Response notModified = given().header("If-None-Match", first.header("ETag")).get(path);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(sessions.getStatistics().getPrepareStatementCount()).isZero();

        for (int time = 1; time <= 2; time++) { // compressed the first time it is asked for so, then kept
            Response gzipped = given().header("Accept-Encoding", "gzip").get(path);
            assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(gzipped.header("ETag")).isEqualTo(first.header("ETag"));
            assertThat(gzipped.asString()).as("RestAssured unzips it").isEqualTo(first.asString());
        }
        assertThat(sessions.getStatistics().getPrepareStatementCount()).isZero();
    }

    @Test
    void keptPagesAreAnsweredBeforeSignInSoNothingBehindItIsEverKept() {
        Live shared = published("Shared");
        String path = shared.path();
        Browser signedIn = new Browser().signIn(shared.editor().username, Fixtures.PASSWORD);
        for (int time = 1; time <= 2; time++) { // the desk, twice, by someone allowed in
            assertThat(signedIn.get("/desk").statusCode()).isEqualTo(200);
        }
        Response anonymous = given().redirects().follow(false).get("/desk");
        assertThat(anonymous.statusCode()).as("the desk is never answered from memory").isEqualTo(302);
        assertThat(anonymous.header("Location")).startsWith("/login?next=");
        String readers = given().get(path).asString();
        assertThat(signedIn.get(path).asString()).as("a signed-in visitor gets the readers' page").isEqualTo(readers);
    }

    @Test
    void aPageAskedForUnderAMadeUpHostIsNotKeptForEveryoneElse() {
        String path = published("Poison").path();
        assertThat(given().header("Host", "evil.example").get(path).asString()).contains("evil.example");
        assertThat(given().header("Host", "evil.example").get(path).asString()).contains("evil.example");
        assertThat(given().get(path).asString()).doesNotContain("evil.example");
    }

    @Test
    void aChangeCommittedByAnotherNodeIsHeardWithinASecond() throws Exception {
        Live heard = published("Heard from afar");
        Story live = heard.story();
        String path = heard.path();
        assertThat(given().get(path).asString()).contains("Heard from afar");
        sessions.getStatistics().clear();
        assertThat(given().get(path).asString()).contains("Heard from afar");
        assertThat(sessions.getStatistics().getPrepareStatementCount()).as("kept in memory").isZero();

        // What another node's publication does to the database, on a connection this node knows nothing of.
        String changed = "Changed elsewhere " + Fixtures.unique("n");
        QuarkusTransaction.requiringNew().run(() -> {
            Story.getEntityManager().createNativeQuery("update story set headline = :headline where id = :id")
                    .setParameter("headline", changed).setParameter("id", live.id).executeUpdate();
            Story.getEntityManager().createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
        });
        long deadline = System.nanoTime() + 1_000_000_000L;
        String page = given().get(path).asString();
        while (!page.contains(changed) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            page = given().get(path).asString();
        }
        assertThat(page).as("the new headline within a second").contains(changed);
    }

    @Test
    void publishedChangesAreVisibleAtOnce() {
        Live published = published("Before the change");
        Story live = published.story();
        StaffAccount reporter = published.reporter();
        StaffAccount editor = published.editor();
        String path = published.path();
        given().get(path);
        given().get("/");

        // A correction.
        QuarkusTransaction.requiringNew().run(() -> stories.addCorrection(live.id, "An earlier version misspelt Bamako.", editor));
        assertThat(given().get(path).asString()).contains("An earlier version misspelt Bamako.");

        // A published update.
        String updated = "After the change " + Fixtures.unique("v");
        QuarkusTransaction.requiringNew().run(() -> {
            StoryForm.Builder form = StoryForm.fromStory(Story.findById(live.id), Newsroom.zone()).toBuilder();
            form.headline = updated;
            Story update = stories.save(live.id, form.build(), reporter, null);
            stories.act(update.id, StoryAction.PUBLISH_UPDATE, editor, null);
        });
        assertThat(Jsoup.parse(given().get(path).asString()).select("h1").text()).isEqualTo(updated);
        assertThat(given().get("/").asString()).contains(updated);

        // A new story on the front page, then taken down.
        Story fresh = fixtures.published("Just in " + Fixtures.unique("v"), reporter, editor);
        assertThat(given().get("/").asString()).contains(fresh.headline);
        QuarkusTransaction.requiringNew().run(() -> stories.act(fresh.id, StoryAction.UNPUBLISH, editor, "Legal"));
        assertThat(given().get("/").asString()).doesNotContain(fresh.headline);
        assertThat(given().get(fixtures.reload(fresh.id).publicPath).statusCode()).isEqualTo(410);
    }

    @Test
    void aStoryTakenDownIsAnsweredFromMemoryUntilItIsBack() {
        Live takenDown = published("Taken down");
        String path = takenDown.path();
        assertThat(given().get(path).statusCode()).isEqualTo(200);
        QuarkusTransaction.requiringNew().run(() -> stories.act(takenDown.story().id, StoryAction.UNPUBLISH, takenDown.editor(), "Legal"));

        Response first = given().get(path); // rendered, and noted
        Response second = given().get(path); // rendered again, and kept
        assertThat(first.statusCode()).isEqualTo(410);
        assertThat(first.header("ETag")).as("a missing page is not announced as cacheable").isNull();
        sessions.getStatistics().clear();
        Response third = given().get(path);
        assertThat(sessions.getStatistics().getPrepareStatementCount()).as("answered from memory").isZero();
        assertThat(third.statusCode()).isEqualTo(410);
        assertThat(third.asString()).isEqualTo(second.asString()).isEqualTo(first.asString());
        assertThat(third.header("Content-Security-Policy")).isEqualTo(first.header("Content-Security-Policy")).isNotNull();
        assertThat(third.header("ETag")).isNull();
        assertThat(given().header("Accept-Encoding", "gzip").get(path).statusCode()).isEqualTo(410);

        QuarkusTransaction.requiringNew().run(() -> stories.act(takenDown.story().id, StoryAction.PUBLISH, takenDown.editor(), null));
        Response back = given().get(path);
        assertThat(back.statusCode()).as("back at once").isEqualTo(200);
        assertThat(back.asString()).contains(takenDown.story().headline);
    }

    @Test
    void anAddressNobodyHasIsKeptOnlyWhenAskedForAgain() {
        String path = "/world/2020/01/01/" + Fixtures.unique("nowhere");
        assertThat(given().get(path).statusCode()).isEqualTo(404);
        assertThat(given().get(path).statusCode()).isEqualTo(404);
        sessions.getStatistics().clear();
        assertThat(given().get(path).statusCode()).isEqualTo(404);
        assertThat(sessions.getStatistics().getPrepareStatementCount()).as("the third answered from memory").isZero();

        String once = "/world/2020/01/01/" + Fixtures.unique("once");
        assertThat(given().get(once).statusCode()).isEqualTo(404);
        sessions.getStatistics().clear();
        assertThat(given().get(once).statusCode()).isEqualTo(404);
        assertThat(sessions.getStatistics().getPrepareStatementCount()).as("asked for once before: not kept yet").isPositive();
    }

    @Test
    void aSearchIsKeptFromItsSecondRequestOnNotForAReaderWhoAskedOnce() {
        String path = "/search?q=" + Fixtures.unique("twice");
        String first = given().get(path).asString();
        sessions.getStatistics().clear();
        assertThat(given().get(path).asString()).isEqualTo(first);
        assertThat(sessions.getStatistics().getPrepareStatementCount()).as("searched again: it was not kept").isPositive();
        sessions.getStatistics().clear();
        assertThat(given().get(path).asString()).isEqualTo(first);
        assertThat(sessions.getStatistics().getPrepareStatementCount()).as("kept from the second request on").isZero();
    }

    /**
     * A story shared a moment ago: sixteen readers at once, each from a link with tracking parameters of its
     * own (utm_source, fbclid), get the same page from one render, and it is kept once for all of them.
     */
    @Test
    void readersAskingAtOnceThroughDifferentShareLinksCauseOneRender() throws Exception {
        String path = published("Shared at once").path();
        double before = renders("story");
        int readersAtOnce = 16;
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(readersAtOnce);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < readersAtOnce; i++) {
                String query = "?utm_source=share-" + i + "&utm_medium=social&fbclid=IwAR" + Fixtures.unique("c");
                answers.add(readers.submit(() -> {
                    go.await();
                    return given().get(path + query);
                }));
            }
            go.countDown();
            java.util.Set<String> etags = new java.util.HashSet<>();
            for (var answer : answers) {
                Response response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.header("Set-Cookie")).isNull();
                assertThat(response.asString()).contains("Shared at once", "</html>");
                etags.add(response.header("ETag"));
            }
            assertThat(etags).hasSize(1);
        } finally {
            readers.shutdownNow();
        }
        assertThat(renders("story") - before).as("renders of the page").isEqualTo(1);
        sessions.getStatistics().clear();
        assertThat(given().get(path + "?utm_campaign=later").statusCode()).isEqualTo(200);
        assertThat(sessions.getStatistics().getPrepareStatementCount()).as("another share link: answered from memory").isZero();
    }

    @Test
    void theParametersAPageReadsStillMakeAPageOfTheirOwn() {
        Live live = published("Listed");
        String first = given().get("/world?utm_source=a").asString();
        String second = given().get("/world?page=2&utm_source=b").asString();
        assertThat(first).contains(live.story().headline);
        assertThat(second).as("page 2 of the section is not page 1").isNotEqualTo(first).doesNotContain(live.story().headline);
        String word = Fixtures.unique("nothingmatches").replace("-", "");
        assertThat(given().get("/search?q=" + word + "&utm_source=x").asString()).contains(word);
        assertThat(given().get("/search?utm_source=x&q=other" + word).asString()).contains("other" + word);
    }

    @Test
    void readersAskingAtOnceForAMissingPageAreNotHeldUp() throws Exception {
        String path = "/world?page=240&missing=" + Fixtures.unique("m");
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            long started = System.nanoTime();
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(readers.submit(() -> given().get(path).statusCode()));
            }
            for (var answer : answers) {
                assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(404);
            }
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                    .as("a page that is not kept does not make readers wait for each other")
                    .isLessThan(java.time.Duration.ofSeconds(2));
        } finally {
            readers.shutdownNow();
        }
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;

    private double renders(String page) {
        String exposition = given().get(metrics).then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^copydesk_page_render_seconds_count\\{page=\"" + page
                + "\"[^}]*} ([0-9.eE+-]+)$").matcher(exposition);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
