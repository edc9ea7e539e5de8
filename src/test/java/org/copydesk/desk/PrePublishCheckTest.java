package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

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
import org.copydesk.web.Newsroom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Publish first shows where the story will live and what readers would miss; the editor goes ahead through it. */
@QuarkusTest
class PrePublishCheckTest {

    @Inject
    Fixtures fixtures;

    @Test
    void publishShowsTheAddressAndTheWarningsFirstAndGoesAheadWhenPressedAgain() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story draftRelated = fixtures.story("Unpublished background " + Fixtures.unique("c"), reporter, null);
        String headline = "A headline far too long for search results, which cut it after about seventy characters " + Fixtures.unique("c");
        Story story = fixtures.story(headline, reporter, editor, StoryAction.SUBMIT);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document review = desk.page("/desk/stories/" + story.id);

        Response first = desk.form(review, "#story-form").remove("bylineAuthor").remove("bylineName").remove("bylineRole")
                .set("slug", "long-headline-" + story.id).add("related", String.valueOf(draftRelated.id))
                .add("relatedHeadline", draftRelated.headline).add("relatedState", "Draft").press("Publish");
        assertEquals(200, first.statusCode());
        Document check = Jsoup.parse(first.asString());
        String today = LocalDate.now(Newsroom.zone()).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        assertThat(check.select("#prepublish-check .address").text()).isEqualTo("/world/" + today + "/long-headline-" + story.id);
        assertThat(check.select("#prepublish-check .warnings li").eachText()).satisfiesExactly(
                w -> assertThat(w).startsWith("The headline is " + headline.length() + " characters"),
                w -> assertThat(w).startsWith("No byline"),
                w -> assertThat(w).startsWith("No dateline"),
                w -> assertThat(w).contains("not published").contains(draftRelated.headline));
        assertEquals(StoryState.IN_REVIEW, fixtures.reload(story.id).state, "nothing is published by the check");
        assertThat(check.select("#headline").val()).as("what was typed stays in the form").isEqualTo(headline);

        Document published = desk.follow(desk.form(check, "#story-form").press("Publish"));
        assertThat(published.select(".flash").text()).isEqualTo("Published.");
        Story live = fixtures.reload(story.id);
        assertEquals(StoryState.PUBLISHED, live.state);
        assertThat(live.publicPath).isEqualTo("/world/" + today + "/long-headline-" + story.id);
        assertThat(live.bylines).isEmpty();
    }

    @Test
    void aScheduleTimeInThePastIsWarnedOfAndNeverScheduled() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Embargoed " + Fixtures.unique("c"), reporter, editor, StoryAction.SUBMIT);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document review = desk.page("/desk/stories/" + story.id);
        Document check = Jsoup.parse(desk.form(review, "#story-form").set("publishAt", "2020-01-01T10:00").set("datelinePlace", "Bamako")
                .press("Schedule").asString());
        assertThat(check.select("#prepublish-check .warnings li").eachText()).containsExactly(
                "Publish at is in the past: a story can only be scheduled for a time to come. Change the time, or press Publish to publish now.");
        assertThat(check.select("#prepublish-check button")).as("no going ahead from the check").isEmpty();
        Response refused = desk.form(check, "#story-form").press("Schedule");
        assertEquals(400, refused.statusCode());
        assertEquals(StoryState.IN_REVIEW, fixtures.reload(story.id).state);
    }

    @Test
    void aReporterForgingPublishIsRefusedNotShownTheCheck() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Own draft " + Fixtures.unique("c"), reporter, null);
        Browser desk = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response forged = desk.form(desk.page("/desk/stories/" + story.id), "#story-form").pressValue("action", "publish");
        assertEquals(403, forged.statusCode());
        assertThat(forged.asString()).doesNotContain("prepublish-check");
    }

    @Test
    void aStoryThisPersonMayOnlyReadShowsAsReadersWillSeeItNeverAsHtml() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Sent in " + Fixtures.unique("c"), reporter, editor, StoryAction.SUBMIT);
        fixtures.dateline(story.id, "Bamako");
        Document page = new Browser().signIn(reporter.username, Fixtures.PASSWORD).page("/desk/stories/" + story.id);
        assertThat(page.select("#body, #story-form")).isEmpty();
        assertThat(page.text()).doesNotContain("<p>");
        assertThat(page.select(".reading-copy .story-body p").eachText()).satisfiesExactly(
                first -> assertThat(first).startsWith("BAMAKO, ").endsWith("First paragraph of " + story.headline + "."),
                second -> assertThat(second).isEqualTo("Second paragraph."));
        assertThat(page.select(".reading-copy .byline").text()).startsWith("By Test Reporter");
        assertThat(page.select(".read-only-reason").text()).isEqualTo("This story is in review: only an editor can change it now, publish it or request changes.");
    }
}
