package org.copydesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.media.TestImages;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.DatabaseLine;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database going away while staff work: the app runs through a line to PostgreSQL that the test cuts
 * (every connection dropped, new ones refused) and restores. A save meanwhile answers 503 with Retry-After
 * and a page holding everything typed, which posts it again; once the database is back, that works, and
 * nothing was saved in between. Any other request is a 503 too, never a 500.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ThroughACuttableLine.class)
class DatabaseOutageTest {

    /** The app's datasource goes through a {@link DatabaseLine}; no scheduled job while the line is cut. */
    public static class ThroughACuttableLine implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseLine.class));
        }

        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("copydesk.scheduler.every", "1h");
        }
    }

    static final String BODY = "Zeile „eins“ — typed while the database was away…\n\nA second paragraph, with <angle> & ampersand.";

    @Inject
    Fixtures fixtures;

    @AfterEach
    void restoreTheLine() {
        DatabaseLine.current().restore();
        // The next test's fixtures use the app's pool: wait, as the app does, for the database to answer again.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            try {
                fixtures.reload(0);
                return;
            } catch (RuntimeException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                sleep(Duration.ofMillis(200));
            }
        }
    }

    @Test
    void aSaveWhileTheDatabaseIsAwayGivesEverythingTypedBackAndSavesOnceItIsBack() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Before the outage " + Fixtures.unique("o"), reporter, null);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document form = browser.page("/desk/stories/" + story.id);

        DatabaseLine.current().cut();
        Response refused = browser.form(form, "#story-form").set("headline", "Typed during the outage")
                .set("body", BODY).set("tags", "Outage, Database").press("Save draft");
        Document page = outagePage(refused);
        assertThat(page.select("form.outage-form").attr("action")).isEqualTo("/desk/stories/" + story.id);
        assertThat(page.select("textarea[name=headline]").val()).isEqualTo("Typed during the outage");
        assertThat(page.select("textarea[name=body]").val()).isEqualTo(BODY);
        assertThat(page.select("textarea[name=tags]").val()).isEqualTo("Outage, Database");
        assertThat(page.select("label[for=" + page.select("textarea[name=body]").attr("id") + "]").text()).isEqualTo("Body");
        assertThat(page.select("input[type=hidden][name=version]").val()).isEqualTo(String.valueOf(story.version));

        DatabaseLine.current().restore();
        Response saved = untilAnswered(() -> browser.form(page, "form.outage-form").press("Try saving again"));
        assertEquals(303, saved.statusCode(), saved.asString());
        Story stored = fixtures.reload(story.id);
        assertEquals("Typed during the outage", stored.headline);
        assertThat(stored.body).contains("Zeile „eins“").contains("&lt;angle&gt; &amp; ampersand");
    }

    @Test
    void aNewStoryTypedWhileTheDatabaseIsAwayIsGivenBackAndCreatedOnceItIsBack() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document form = browser.page("/desk/stories/new");
        String headline = "Created after the outage " + Fixtures.unique("o");

        DatabaseLine.current().cut();
        Document page = outagePage(browser.form(form, "#story-form").set("headline", headline).set("body", BODY)
                .press("Save draft"));
        assertThat(page.select("form.outage-form").attr("action")).isEqualTo("/desk/stories");
        assertThat(page.select("textarea[name=body]").val()).isEqualTo(BODY);

        DatabaseLine.current().restore();
        Response created = untilAnswered(() -> browser.form(page, "form.outage-form").press("Try saving again"));
        assertEquals(303, created.statusCode(), created.asString());
        assertEquals(headline, fixtures.reload(Browser.storyIdOf(created)).headline);
    }

    /** As browsers send the story form (multipart), with a photo chosen: the text comes back, the file is named lost. */
    @Test
    void aMultipartSaveWithAPhotoGivesTheTextBackAndSaysToChooseThePhotoAgain() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Photo in the outage " + Fixtures.unique("o"), reporter, null);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document form = browser.page("/desk/stories/" + story.id);

        DatabaseLine.current().cut();
        Document page = outagePage(browser.form(form, "#story-form").set("body", BODY).set("imageAlt", "A harbour at dawn")
                .attach("imageFile", "harbour.jpg", TestImages.jpeg(64, 48), "image/jpeg").press("Save draft"));
        assertThat(page.select("textarea[name=body]").val()).isEqualTo(BODY);
        assertThat(page.select("textarea[name=imageAlt]").val()).isEqualTo("A harbour at dawn");
        assertThat(page.select(".notice").text()).contains("choose it again");
    }

    @Test
    void anyOtherRequestWhileTheDatabaseIsAwayIsA503NeverA500() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Browser someoneElse = new Browser();
        Document login = someoneElse.page("/login");

        DatabaseLine.current().cut();
        for (String path : List.of("/desk", "/desk/stories/new", "/")) {
            Response response = browser.get(path);
            assertEquals(503, response.statusCode(), path);
            assertThat(response.header("Retry-After")).isNotBlank();
            assertThat(response.asString()).contains("database is not answering").doesNotContain("Exception");
        }
        Response signIn = someoneElse.form(login, "form[action=/login]").set("username", reporter.username)
                .set("password", "a password never echoed").press("Sign in");
        assertEquals(503, signIn.statusCode());
        assertThat(signIn.asString()).doesNotContain("a password never echoed");

        DatabaseLine.current().restore();
        assertEquals(200, untilAnswered(() -> browser.get("/desk")).statusCode());
    }

    private static Document outagePage(Response response) {
        assertEquals(503, response.statusCode(), response.asString());
        assertThat(response.header("Retry-After")).isEqualTo(DatabaseOutage.RETRY_AFTER_SECONDS);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("h1").text()).contains("Not saved yet");
        return page;
    }

    /**
     * The writer presses the button again while the answer is still 503 (Retry-After), as long as a minute: the
     * app must come back by itself once the database is back.
     */
    private static Response untilAnswered(Supplier<Response> request) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        Response response = request.get();
        while (response.statusCode() == 503 && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(500));
            response = request.get();
        }
        return response;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
