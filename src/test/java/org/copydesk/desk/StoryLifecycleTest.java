package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.story.ScheduledPublisher;
import org.copydesk.story.StoryState;
import org.copydesk.story.WorkflowRefusedException;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.TestClock;
import org.copydesk.web.Newsroom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A story's life after review: scheduling, live updates, corrections, moved URLs, unpublishing. */
@QuarkusTest
class StoryLifecycleTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ScheduledPublisher publisher;

    @Inject
    TestClock clock;

    @Inject
    StoryService stories;

    /**
     * The form of a live story is saved over its pending update, so the form's moves (Unpublish too, whatever a
     * page sends) are refused for it by the service itself, before anything is written; its moves have buttons of
     * their own.
     */
    @Test
    void theServiceRefusesAFormMoveOnALiveStoryAndWritesNothing() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("Live " + Fixtures.unique("m"), reporter, editor);
        for (StoryAction action : List.of(StoryAction.UNPUBLISH, StoryAction.SUBMIT, StoryAction.PUBLISH)) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                StoryForm.Builder form = StoryForm.fromStory(Story.findById(live.id), Newsroom.zone()).toBuilder();
                form.headline = "Changed through the form";
                stories.save(live.id, form.build(), editor, action);
            })).as(action.name()).isInstanceOf(WorkflowRefusedException.class);
        }
        Story after = fixtures.reload(live.id);
        assertThat(after.state).isEqualTo(StoryState.PUBLISHED);
        assertThat(after.headline).isEqualTo(live.headline);
        assertThat(after.findPendingUpdateId()).isNull();
    }

    @AfterEach
    void resumeTheClock() {
        clock.resume();
    }

    @Test
    void aScheduledStoryGoesLiveAtItsTimeAndNotBefore() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Embargoed " + Fixtures.unique("s"), reporter, editor, StoryAction.SUBMIT);
        Browser browser = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document form = browser.page("/desk/stories/" + story.id);
        // The desk works an hour ago by the app's clock: what it stamps meanwhile is never newer than the real time.
        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        clock.stopAt(start);
        Instant due = start.plus(Duration.ofMinutes(10));
        String at = LocalDateTime.ofInstant(due, Newsroom.zone()).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        Document scheduled = browser.follow(browser.form(form, "#story-form").set("publishAt", at).pressThroughCheck("Schedule"));
        assertThat(scheduled.select(".flash").text()).startsWith("Scheduled for");
        Story waiting = fixtures.reload(story.id);
        assertEquals(StoryState.SCHEDULED, waiting.state);
        assertEquals(due, waiting.scheduledAt);

        clock.stopAt(due.minusSeconds(1));
        publisher.publishDue();
        assertEquals(StoryState.SCHEDULED, fixtures.settled(story.id).state, "a second before its time");
        assertThat(new Browser().page("/").text()).doesNotContain(story.headline);

        clock.stopAt(due);
        publisher.publishDue();
        Story live = fixtures.settled(story.id);
        assertEquals(StoryState.PUBLISHED, live.state, "at its time");
        assertEquals(due, live.firstPublishedAt);
        assertThat(live.scheduledAt).isNull();
        assertThat(new Browser().page(live.publicPath).select("h1").text()).isEqualTo(story.headline);
        assertEquals(1, fixtures.count("SCHEDULED_PUBLISH", story.id));
    }

    @Test
    void aScheduleInThePastIsRefusedAndCancelGoesBackToReview() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Schedule me " + Fixtures.unique("s"), reporter, editor, StoryAction.SUBMIT);
        Browser browser = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document form = browser.page("/desk/stories/" + story.id);
        Response past = browser.form(form, "#story-form").set("publishAt", "2020-01-01T10:00").pressThroughCheck("Schedule");
        assertEquals(400, past.statusCode());
        assertThat(Jsoup.parse(past.asString()).select("#publishAt-error").text()).contains("must be in the future");
        assertEquals(StoryState.IN_REVIEW, fixtures.reload(story.id).state);

        Document again = browser.page("/desk/stories/" + story.id);
        browser.follow(browser.form(again, "#story-form").set("publishAt", "2099-01-01T10:00").pressThroughCheck("Schedule"));
        Document scheduled = browser.page("/desk/stories/" + story.id);
        Document cancelled = browser.follow(browser.form(scheduled, "form[action$=/cancel-schedule]").press("Cancel schedule"));
        assertThat(cancelled.select(".flash").text()).contains("back in review");
        Story back = fixtures.reload(story.id);
        assertEquals(StoryState.IN_REVIEW, back.state);
        assertThat(back.scheduledAt).isNull();
    }

    @Test
    void overdueScheduledStoriesArePublishedExactlyOnce() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Overdue " + Fixtures.unique("s"), reporter, editor, StoryAction.SUBMIT);
        Instant due = clock.instant().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        fixtures.scheduleAt(story.id, due, editor);
        publisher.publishDue();
        publisher.publishDue();
        // The job's own run (every second in the tests) may have been the one to take the row: settled waits for it.
        Story live = fixtures.settled(story.id);
        assertEquals(StoryState.PUBLISHED, live.state);
        assertEquals(due, live.firstPublishedAt, "published at its embargo time, not at the catch-up");
        assertEquals(1, fixtures.count("SCHEDULED_PUBLISH", story.id));
    }

    @Test
    void theLivePageKeepsThePublishedVersionUntilPublishUpdate() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String original = "Original headline " + Fixtures.unique("u");
        Story story = fixtures.published(original, reporter, editor);
        Browser reader = new Browser();
        Document before = reader.page(story.publicPath);
        String modifiedBefore = before.select("meta[property=article:modified_time]").attr("content");
        assertThat(before.select(".times").text()).doesNotContain("Updated");

        // The reporter starts an update of their own live story and submits it.
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document liveForm = writer.page("/desk/stories/" + story.id);
        assertThat(liveForm.select(".notice").text()).contains("pending update");
        String changed = "Changed headline " + Fixtures.unique("u");
        Response saved = writer.form(liveForm, "#story-form").set("headline", changed)
                .set("notesToEditor", "Secret note for the desk").press("Save draft");
        Document update = writer.follow(saved);
        assertThat(update.select(".flash").text()).contains("pending update");
        assertThat(update.select("h1").text()).startsWith("Update:");
        writer.follow(writer.form(update, "#story-form").press("Submit for review"));

        Document stillOld = reader.page(story.publicPath);
        assertThat(stillOld.select("h1").text()).isEqualTo(original);
        assertThat(stillOld.html()).doesNotContain(changed).doesNotContain("Secret note");
        assertThat(reader.page("/").html()).doesNotContain(changed);

        // The editor publishes the update a second later by the app's clock (times on the page are shown to the second).
        clock.stopAtOrAfter(OffsetDateTime.parse(modifiedBefore).toInstant().plusSeconds(1));
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document live = desk.page("/desk/stories/" + story.id);
        String updatePath = live.select("a:contains(Open the pending update)").attr("href");
        Document review = desk.page(updatePath);
        Document done = desk.follow(desk.form(review, "#story-form").pressThroughCheck("Publish update"));
        assertThat(done.select(".flash").text()).contains("Update published");

        Document after = reader.page(story.publicPath);
        assertThat(after.select("h1").text()).isEqualTo(changed);
        assertThat(after.select(".times").text()).contains("Updated");
        assertThat(after.select("meta[property=article:modified_time]").attr("content")).isNotEqualTo(modifiedBefore);
        assertThat(after.select("script[type=application/ld+json]").html()).contains("\"dateModified\"");
        assertThat(after.html()).doesNotContain("Secret note");
        assertThat(fixtures.pendingUpdateOf(story.id)).isNull();
        assertEquals(1, fixtures.count("PUBLISH_UPDATE", story.id));
    }

    @Test
    void aChangedSlugKeepsTheOldAddressWorkingWithA301() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Slug story " + Fixtures.unique("r"), reporter, editor);
        String oldPath = story.publicPath;
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document live = desk.page("/desk/stories/" + story.id);
        String newSlug = "renamed-" + Fixtures.unique("r").toLowerCase();
        Document update = desk.follow(desk.form(live, "#story-form").set("slug", newSlug).press("Save draft"));
        desk.follow(desk.form(update, "#story-form").pressThroughCheck("Publish update"));

        String newPath = fixtures.reload(story.id).publicPath;
        assertThat(newPath).endsWith("/" + newSlug);
        Response moved = new Browser().get(oldPath);
        assertEquals(301, moved.statusCode());
        assertThat(Browser.pathOf(moved.header("Location"))).isEqualTo(newPath);
        assertEquals(200, new Browser().get(newPath).statusCode());
    }

    @Test
    void savingALiveStoryWithNothingChangedMakesNoPendingUpdate() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Left as it was " + Fixtures.unique("n"), reporter, editor);
        fixtures.tag(story.id, "Sahel");
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document same = desk.follow(desk.form(desk.page("/desk/stories/" + story.id), "#story-form").press("Save draft"));
        assertThat(same.select(".flash").text()).startsWith("Nothing changed");
        assertThat(fixtures.pendingUpdateOf(story.id)).isNull();

        Document changed = desk.follow(desk.form(desk.page("/desk/stories/" + story.id), "#story-form")
                .set("standfirst", "A sharper standfirst.").press("Save draft"));
        assertThat(changed.select(".flash").text()).startsWith("Saved as a pending update");
        assertThat(fixtures.pendingUpdateOf(story.id)).isNotNull();
    }

    @Test
    void anUpdateWhoseSlugWasTakenMeanwhileIsRefusedWithAMessage() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Slug race " + Fixtures.unique("r"), reporter, editor);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        String wanted = "wanted-" + Fixtures.unique("r").toLowerCase();
        Document update = desk.follow(desk.form(desk.page("/desk/stories/" + story.id), "#story-form")
                .set("slug", wanted).press("Save draft"));
        Story rival = fixtures.story("Rival " + Fixtures.unique("r"), reporter, null);
        Document rivalForm = desk.page("/desk/stories/" + rival.id);
        desk.follow(desk.form(rivalForm, "#story-form").set("slug", wanted).press("Save draft"));

        // Refused before the pre-publish check: a form that cannot be saved is answered with what is wrong first.
        Response publish = desk.form(update, "#story-form").press("Publish update");
        assertEquals(400, publish.statusCode());
        assertThat(Jsoup.parse(publish.asString()).select("#slug-error").text()).contains("already uses this slug");
        assertThat(fixtures.reload(story.id).slug).isEqualTo(story.slug);
    }

    @Test
    void anUnpublishedStoryAnswers410LeavesEveryListAndCanComeBack() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String headline = "Withdrawn " + Fixtures.unique("g");
        Story story = fixtures.published(headline, reporter, editor);
        Browser reader = new Browser();
        assertThat(reader.page("/").text()).contains(headline);

        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document live = desk.page("/desk/stories/" + story.id);
        Response noReason = desk.form(live, "form[action$=/unpublish]").press("Unpublish");
        assertEquals(400, noReason.statusCode());
        assertThat(Jsoup.parse(noReason.asString()).select("#reason-error").text()).contains("reason");
        desk.follow(desk.form(live, "form[action$=/unpublish]").set("reason", "Legal complaint").press("Unpublish"));

        Response gone = reader.get(story.publicPath);
        assertEquals(410, gone.statusCode());
        assertThat(Jsoup.parse(gone.asString()).select("h1").text()).contains("removed");
        assertThat(gone.asString()).doesNotContain("Legal complaint");
        assertThat(reader.page("/").text()).doesNotContain(headline);
        assertThat(reader.page("/world").text()).doesNotContain(headline);

        Document unpublished = desk.page("/desk/stories/" + story.id);
        desk.follow(desk.form(unpublished, "#story-form").pressThroughCheck("Publish"));
        assertEquals(200, reader.get(story.publicPath).statusCode());
        assertThat(reader.page("/").text()).contains(headline);
    }

    @Test
    void correctionsAreDatedShownInOrderAndKept() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Corrected " + Fixtures.unique("c"), reporter, editor);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        for (String text : new String[] {"An earlier version misspelt Diop’s name.", "The meeting was on Thursday."}) {
            Document live = desk.page("/desk/stories/" + story.id);
            Document done = desk.follow(desk.form(live, "form[action$=/corrections]").set("correction", text)
                    .press("Add correction"));
            assertThat(done.select(".flash").text()).contains("Correction added");
        }
        Document page = new Browser().page(story.publicPath);
        assertThat(page.select(".corrections li").eachText()).hasSize(2);
        assertThat(page.select(".corrections li").get(0).text()).contains("misspelt Diop’s name");
        assertThat(page.select(".corrections li").get(1).text()).contains("on Thursday");
        assertThat(page.select(".corrections time").attr("datetime")).isNotBlank();
        // The times line says the latest change was a correction, with the last correction's time.
        assertThat(page.select(".times").text()).contains("Corrected");
        String corrected = page.select(".corrections time").last().attr("datetime");
        assertThat(page.select(".times time").last().attr("datetime")).isEqualTo(corrected);
        assertThat(page.select("script[type=application/ld+json]").html()).contains("\"dateModified\":\"" + corrected + "\"");
        assertThat(page.select("meta[property=article:modified_time]").attr("content")).isEqualTo(corrected);
        assertThat(page.select("script[type=application/ld+json]").html()).contains("CorrectionComment");

        StaffAccount otherReporter = fixtures.staff(Role.REPORTER);
        Browser notAllowed = new Browser().signIn(otherReporter.username, Fixtures.PASSWORD);
        Document view = notAllowed.page("/desk/stories/" + story.id);
        assertThat(view.select("form[action$=/corrections]")).isEmpty();
        assertEquals(403, notAllowed.post("/desk/stories/" + story.id + "/corrections",
                java.util.Map.of("correction", java.util.List.of("x"), "csrf-token",
                        java.util.List.of(notAllowed.cookie("copydesk-csrf")))).statusCode());
    }

    @Test
    void historyAndTheAuditLogRecordWhoDidWhat() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Audited " + Fixtures.unique("a"), reporter, editor, StoryAction.SUBMIT,
                StoryAction.REQUEST_CHANGES);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document history = desk.page("/desk/stories/" + story.id + "/history");
        assertThat(history.select("#workflow ~ table tbody tr")).hasSize(2);
        assertThat(history.select("#workflow ~ table tbody tr").get(1).text()).contains("Changes requested").contains("In review")
                .contains("Please fix").contains(editor.displayName);

        Browser admin = new Browser().signIn("admin", "test-admin-password");
        Document changes = admin.page("/desk/audit?action=REQUEST_CHANGES&story=" + story.id);
        assertThat(changes.select("tbody tr")).hasSize(1);
        Document signIns = admin.page("/desk/audit?action=SIGN_IN&actor=" + editor.username);
        assertThat(signIns.select("tbody tr").text()).contains(editor.displayName);
        assertEquals(403, desk.get("/desk/audit").statusCode());
    }

    @Test
    void theDashboardShowsTheQueueWithWhoSubmittedTheScheduleAndTheEditorsComment() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story waiting = fixtures.story("Waiting " + Fixtures.unique("d"), reporter, editor, StoryAction.SUBMIT);
        Story sentBack = fixtures.story("Sent back " + Fixtures.unique("d"), reporter, editor, StoryAction.SUBMIT,
                StoryAction.REQUEST_CHANGES);
        Story embargoed = fixtures.story("Embargo " + Fixtures.unique("d"), reporter, editor, StoryAction.SUBMIT);
        fixtures.scheduleAt(embargoed.id, Instant.now().plusSeconds(86_400), editor);

        Document editorDesk = new Browser().signIn(editor.username, Fixtures.PASSWORD).page("/desk");
        assertThat(editorDesk.select("#review-queue ~ table tr:contains(" + waiting.headline + ")").text())
                .contains(reporter.displayName);
        assertThat(editorDesk.select("#scheduled ~ table").text()).contains(embargoed.headline);

        Document reporterDesk = new Browser().signIn(reporter.username, Fixtures.PASSWORD).page("/desk");
        assertThat(reporterDesk.select("#my-stories ~ table tr:contains(" + sentBack.headline + ")").text())
                .contains("Changes requested: Please fix");
        assertThat(reporterDesk.select("#review-queue")).isEmpty();
    }

    @Test
    void staffCommentsStayOnTheDesk() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Discussed " + Fixtures.unique("t"), reporter, editor);
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document page = writer.page("/desk/stories/" + story.id);
        String comment = "Internal thought " + Fixtures.unique("t");
        Document after = writer.follow(writer.form(page, "form[action$=/comments]").set("staffComment", comment)
                .press("Add comment"));
        assertThat(after.select("#comments").text()).contains(comment).contains(reporter.displayName);
        assertThat(new Browser().page(story.publicPath).html()).doesNotContain(comment);
        Response empty = writer.form(after, "form[action$=/comments]").set("staffComment", " ").press("Add comment");
        assertEquals(400, empty.statusCode());
        assertThat(Jsoup.parse(empty.asString()).select("#staffComment-error").text()).contains("Write a comment");
    }

    @Test
    void roleChangesAndAccountsAreAudited() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        Document staff = admin.page("/desk/staff");
        admin.follow(admin.form(staff, "form[action=/desk/staff/" + reporter.id + "/role]").set("role", "EDITOR")
                .press("Set role"));
        Document log = admin.page("/desk/audit?action=ROLE_CHANGE");
        assertThat(log.select("tbody tr:contains(" + reporter.username + ")").text()).contains("Reporter")
                .contains("Editor").contains("Role changed");
    }
}
