package org.copydesk.preview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Preview from the desk, and Share preview links that work signed-out, expire and can be revoked. */
@QuarkusTest
class PreviewTest {

    @Inject
    Fixtures fixtures;

    @Test
    void previewShowsTheTypedTextAsReadersWouldWithoutSavingIt() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Saved headline " + Fixtures.unique("p"), reporter, null);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document form = browser.page("/desk/stories/" + story.id);

        Response preview = browser.form(form, "#story-form")
                .set("headline", "Typed, not saved")
                .set("body", "A first paragraph.\n\n<script>alert(1)</script><p onclick=\"x()\">Second</p>")
                .set("tags", "Brand-new tag " + Fixtures.unique("t"))
                .set("newAuthorName", "Not Yet Anyone")
                .press("Preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(preview.asString());
        assertThat(page.select("h1").text()).isEqualTo("Typed, not saved");
        assertThat(page.select(".preview-notice").text()).contains("Nothing is saved yet");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex, nofollow");
        assertThat(page.select(".story-body").html()).contains("A first paragraph.").doesNotContain("<script", "onclick");
        assertThat(page.select(".story-body").text()).startsWith("A first paragraph.");
        assertThat(fixtures.reload(story.id).headline).as("preview saves nothing").startsWith("Saved headline");
        assertThat(Story.count("headline", "Typed, not saved")).isZero();
        assertThat(org.copydesk.story.Tag.count("name like 'Brand-new tag%'")).as("no tag made for a preview").isZero();
        assertThat(org.copydesk.people.AuthorProfile.count("name", "Not Yet Anyone")).isZero();
    }

    @Test
    void aNewStoryCanBePreviewedBeforeItsFirstSave() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response preview = browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("headline", "Never saved " + Fixtures.unique("n")).set("body", "Text.").press("Preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(preview.asString()).select("h1").text()).startsWith("Never saved");

        Response invalid = browser.form(browser.page("/desk/stories/new"), "#story-form").set("headline", "").press("Preview");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.asString()).contains("headline").doesNotContain("Exception");
    }

    @Test
    void aSharedPreviewWorksSignedOutUntilRevoked() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        String headline = "Embargoed " + Fixtures.unique("s");
        Story story = fixtures.story(headline, reporter, null);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);

        String link = share(browser, story.id);
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 256 random bits

        Response anonymous = given().redirects().follow(false).get("/preview/" + token);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.header("X-Robots-Tag")).isEqualTo("noindex, nofollow");
        assertThat(anonymous.header("Cache-Control")).isEqualTo("private, no-store");
        Document page = Jsoup.parse(anonymous.asString());
        assertThat(page.select("h1").text()).isEqualTo(headline);
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex, nofollow");
        assertThat(page.select("link[rel=canonical]")).isEmpty();
        assertThat(fixtures.count("PREVIEW_SHARED", story.id)).isEqualTo(1);

        Document storyPage = browser.page("/desk/stories/" + story.id);
        assertThat(storyPage.select("#previews li").text()).contains("works until");
        Response revoked = browser.form(storyPage, "#previews form:has(button:contains(Revoke))").press("Revoke");
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(given().get("/preview/" + token).statusCode()).isEqualTo(404);
        assertThat(fixtures.count("PREVIEW_REVOKED", story.id)).isEqualTo(1);
    }

    @Test
    void anExpiredOrMadeUpLinkShowsNothing() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Expiring " + Fixtures.unique("e"), reporter, null);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        String link = share(browser, story.id);
        String token = link.substring(link.lastIndexOf('/') + 1);
        QuarkusTransaction.requiringNew().run(() -> PreviewLink.update("expiresAt = ?1 where story.id = ?2",
                Instant.now().minusSeconds(1), story.id));

        Response expired = given().get("/preview/" + token);
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(expired.asString()).contains("This preview link does not work").doesNotContain("Expiring");
        assertThat(given().get("/preview/" + "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(given().get("/preview/short").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheWriterAndEditorsShare() {
        StaffAccount writer = fixtures.staff(Role.REPORTER);
        StaffAccount other = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Not yours " + Fixtures.unique("o"), writer, null);

        Browser otherBrowser = new Browser().signIn(other.username, Fixtures.PASSWORD);
        Document page = otherBrowser.page("/desk/stories/" + story.id);
        assertThat(page.select("button:contains(Share preview)")).isEmpty();
        Response refused = otherBrowser.post("/desk/stories/" + story.id + "/preview/links",
                java.util.Map.of("csrf-token", java.util.List.of(page.select("input[name=csrf-token]").first().val())));
        assertThat(refused.statusCode()).isEqualTo(403);

        assertThat(share(new Browser().signIn(editor.username, Fixtures.PASSWORD), story.id)).contains("/preview/");
    }

    /** Presses Share preview on the story's page; returns the link from the message shown. */
    private static String share(Browser browser, long storyId) {
        Document page = browser.page("/desk/stories/" + storyId);
        Response shared = browser.form(page, "#previews form").press("Share preview");
        assertThat(shared.statusCode()).isEqualTo(303);
        String message = browser.follow(shared).select(".flash").text();
        assertThat(message).startsWith("Share preview link (works until");
        return message.substring(message.indexOf("http"));
    }
}
