package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryState;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The refusals: who may not do what, and that a refused request changes nothing. */
@QuarkusTest
class StoryPermissionsTest {

    @Inject
    Fixtures fixtures;

    @Test
    void reporterCannotPublishTheirOwnStory() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Own draft " + Fixtures.unique("p"), reporter, null);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document page = browser.page("/desk/stories/" + story.id);
        assertThat(page.select("button").eachText()).doesNotContain("Publish");

        Response forged = browser.form(page, "#story-form").pressValue("action", "publish");
        assertEquals(403, forged.statusCode());
        assertThat(Jsoup.parse(forged.asString()).text()).contains("Only an editor can publish");
        assertEquals(StoryState.DRAFT, fixtures.reload(story.id).state);
    }

    @Test
    void reporterCannotPublishAStoryInReview() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("In review " + Fixtures.unique("p"), reporter, null, StoryAction.SUBMIT);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document page = browser.page("/desk/stories/" + story.id);
        assertThat(page.select("button").eachText()).doesNotContain("Publish", "Save draft");
        Response forged = browser.postFrom(page, "/desk/stories/" + story.id,
                Map.of("version", String.valueOf(story.version), "action", "publish"));
        assertEquals(403, forged.statusCode());
        assertEquals(StoryState.IN_REVIEW, fixtures.reload(story.id).state);
    }

    @Test
    void reporterCannotEditAnotherReportersStory() {
        StaffAccount owner = fixtures.staff(Role.REPORTER);
        StaffAccount other = fixtures.staff(Role.REPORTER);
        String headline = "Not yours " + Fixtures.unique("p");
        Story story = fixtures.story(headline, owner, null);
        Browser browser = new Browser().signIn(other.username, Fixtures.PASSWORD);
        Document page = browser.page("/desk/stories/" + story.id);
        assertThat(page.select("#story-form")).as("no story form to type in").isEmpty();
        assertThat(page.select(".reading-copy .reading-headline").text()).isEqualTo(headline);
        assertThat(page.select(".read-only-reason").text()).contains("only they and editors can change it");
        assertThat(page.select("button").eachText()).doesNotContain("Save draft");

        Response forged = browser.postFrom(page, "/desk/stories/" + story.id, Map.of("version", String.valueOf(story.version),
                "headline", "Hijacked", "body", "Taken over.", "section", String.valueOf(story.section.id), "action", "save"));
        assertEquals(403, forged.statusCode());
        assertThat(Jsoup.parse(forged.asString()).text()).contains("only edit their own");
        assertEquals(headline, fixtures.reload(story.id).headline);
    }

    @Test
    void editorCanEditAnyDraft() {
        StaffAccount owner = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Editable " + Fixtures.unique("p"), owner, null);
        Browser browser = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document page = browser.page("/desk/stories/" + story.id);
        assertThat(readOnlyFields(page)).as("read-only fields for an editor").isEmpty();
        assertThat(page.selectFirst("#section").hasAttr("disabled")).isFalse();
        browser.follow(browser.form(page, "#story-form").set("headline", "Tightened headline").press("Save draft"));
        assertEquals("Tightened headline", fixtures.reload(story.id).headline);
    }

    @Test
    void aReporterTypesFreelyInTheirOwnDraft() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Mine " + Fixtures.unique("p"), reporter, null);
        Document page = new Browser().signIn(reporter.username, Fixtures.PASSWORD).page("/desk/stories/" + story.id);
        assertThat(typedFields(page)).contains("headline", "standfirst", "body", "slug");
        assertThat(readOnlyFields(page)).as("read-only fields in one's own draft").isEmpty();
        assertThat(page.selectFirst("#section").hasAttr("disabled")).isFalse();
    }

    /** The story form's fields a person types in (hidden fields, checkboxes and file choosers aside), by name. */
    private static List<String> typedFields(Document page) {
        return page.select("#story-form textarea, #story-form input:not([type=hidden]):not([type=checkbox]):not([type=file])")
                .eachAttr("name");
    }

    /** The story form's fields carrying the readonly attribute, by name. */
    private static List<String> readOnlyFields(Document page) {
        return page.select("#story-form [readonly]").eachAttr("name");
    }

    @Test
    void restoringAnotherReportersRevisionIsRefusedWithA403() {
        StaffAccount owner = fixtures.staff(Role.REPORTER);
        StaffAccount other = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Not your revision " + Fixtures.unique("p"), owner, null);
        Browser browser = new Browser().signIn(other.username, Fixtures.PASSWORD);
        browser.page("/desk/stories/" + story.id + "/history");
        Response refused = browser.post("/desk/stories/" + story.id + "/revisions/1/restore",
                Map.of("csrf-token", List.of(browser.cookie("copydesk-csrf"))));
        assertEquals(403, refused.statusCode());
    }

    @Test
    void authorsWithNothingPublishedHaveNoPublicPage() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        fixtures.story("Draft only " + Fixtures.unique("p"), reporter, null);
        String slug = org.copydesk.web.Slugs.of(reporter.displayName, 120);
        assertEquals(404, new Browser().get("/authors/" + slug).statusCode());
    }

    @Test
    void readerCannotReachTheDesk() {
        Browser reader = new Browser();
        for (String path : List.of("/desk", "/desk/stories/new", "/desk/staff", "/desk/authors", "/desk/sections")) {
            Response response = reader.get(path);
            assertEquals(302, response.statusCode(), path);
            assertThat(response.header("Location")).contains("/login?next=");
        }
        Response post = reader.post("/desk/stories", Map.of("headline", List.of("Sneaky")));
        assertEquals(302, post.statusCode());
        assertThat(post.header("Location")).startsWith("/login?next=");
    }

    @Test
    void reporterCannotManageStaffOrAuthors() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        assertEquals(403, browser.get("/desk/staff").statusCode());
        assertEquals(403, browser.get("/desk/authors").statusCode());
        assertEquals(403, browser.get("/desk/sections").statusCode());
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser editorBrowser = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        assertEquals(403, editorBrowser.get("/desk/staff").statusCode());
        assertEquals(200, editorBrowser.get("/desk/authors").statusCode());
    }

    @Test
    void readerGetsNotFoundForDraftsAndUnknownStories() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Secret draft " + Fixtures.unique("p"), reporter, null, StoryAction.SUBMIT);
        Browser reader = new Browser();
        Response draft = reader.get("/world/2026/11/28/" + story.slug);
        assertEquals(404, draft.statusCode());
        assertThat(Jsoup.parse(draft.asString()).select("h1").text()).isEqualTo("Page not found");
        assertThat(draft.asString()).doesNotContain(story.headline);
        assertThat(reader.page("/").text()).doesNotContain(story.headline);
        assertThat(reader.page("/world").text()).doesNotContain(story.headline);
        assertEquals(404, reader.get("/no-such-section").statusCode());
        assertEquals(404, reader.get("/world/2026/02/31/whatever").statusCode());
    }
}
