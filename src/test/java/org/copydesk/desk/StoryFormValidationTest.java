package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Bad input comes back with a message beside the field and everything typed still there. */
@QuarkusTest
class StoryFormValidationTest {

    @Inject
    Fixtures fixtures;

    @Test
    void overLongHeadlineComesBackWithMessageAndTypedText() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        String tooLong = "Ü".repeat(201);
        Document form = browser.page("/desk/stories/new");
        Response response = browser.form(form, "#story-form").set("headline", tooLong)
                .set("body", "Typed “body” survives…").press("Save draft");
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select("#headline-error").text()).contains("Headline must be 200 characters or fewer");
        assertThat(page.select("#headline").val()).isEqualTo(tooLong);
        assertThat(page.select("#body").val()).isEqualTo("Typed “body” survives…");
        assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#headline");
        assertThat(page.select("#headline").attr("aria-describedby")).contains("headline-error");
    }

    @Test
    void missingHeadlineComesBackWithMessage() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document form = browser.page("/desk/stories/new");
        Response response = browser.form(form, "#story-form").set("headline", "   ")
                .set("standfirst", "A standfirst to keep").press("Save draft");
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("#headline-error").text()).contains("Enter a headline");
        assertThat(page.select("#standfirst").val()).isEqualTo("A standfirst to keep");
    }

    @Test
    void aFailedSaveLosesNothingAlreadySaved() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        String headline = "Saved before " + Fixtures.unique("v");
        Story story = fixtures.story(headline, reporter, null);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document form = browser.page("/desk/stories/" + story.id);
        Response response = browser.form(form, "#story-form").set("headline", "").set("slug", "Not A Slug")
                .press("Save draft");
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("#slug-error").text()).contains("lower-case letters");
        assertEquals(headline, fixtures.reload(story.id).headline);
    }

    @Test
    void requestChangesWithoutACommentIsRefusedAndKeepsTheEdits() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Needs work " + Fixtures.unique("v"), reporter, editor,
                org.copydesk.story.StoryAction.SUBMIT);
        Browser browser = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document form = browser.page("/desk/stories/" + story.id);
        Response response = browser.form(form, "#story-form").set("standfirst", "Edited standfirst")
                .press("Request changes");
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("#comment-error").text()).contains("needs a comment");
        assertThat(page.select("#standfirst").val()).isEqualTo("Edited standfirst");
        assertEquals(org.copydesk.story.StoryState.IN_REVIEW, fixtures.reload(story.id).state);
    }

    @Test
    void aSaveFromAnOlderVersionIsRefusedNotSilentlyApplied() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Two hands " + Fixtures.unique("v"), reporter, null);
        Browser first = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Browser second = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document firstForm = first.page("/desk/stories/" + story.id);
        Document secondForm = second.page("/desk/stories/" + story.id);
        first.follow(first.form(firstForm, "#story-form").set("headline", "First save wins").press("Save draft"));
        Response late = second.form(secondForm, "#story-form").set("headline", "Second save").press("Save draft");
        assertEquals(409, late.statusCode());
        Document page = Jsoup.parse(late.asString());
        assertThat(page.select(".error-summary").text()).contains("was saved by " + reporter.displayName);
        assertThat(page.select("#headline").val()).isEqualTo("Second save");
        assertThat(page.select(".conflict tr:contains(Headline) del").text()).contains("First");
        assertThat(page.select(".conflict tr:contains(Headline) ins").text()).contains("Second");
        assertEquals("First save wins", fixtures.reload(story.id).headline);
    }
}
