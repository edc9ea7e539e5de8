package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.revision.LongStories;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * After a save is refused because someone else saved first (409), the writer merges by hand on the
 * conflict page and saves from it: that save, or one made from the text autosaved on that page, is stored.
 */
@QuarkusTest
class ConflictRecoveryTest {

    @Inject
    Fixtures fixtures;

    @Test
    void theMergedTextSavedFromTheConflictPageIsStored() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Merge " + Fixtures.unique("c"), reporter, null);
        Conflict refused = conflictPage(story, reporter, editor);
        Browser writer = refused.writer();
        Document conflict = refused.page();

        // The conflict page carries the version now stored, as the browser sends it back.
        assertEquals(String.valueOf(fixtures.reload(story.id).version), conflict.select("input[name=version]").val());
        Response merged = writer.form(conflict, "#story-form")
                .set("headline", "Merged headline").set("body", "The editor's fix and the writer's new paragraph.")
                .press("Save draft");
        assertEquals(303, merged.statusCode(), merged.asString());
        Story stored = fixtures.reload(story.id);
        assertEquals("Merged headline", stored.headline);
        assertThat(stored.body).contains("the writer's new paragraph");
    }

    /** The conflict page offers each part that differs, theirs beside mine: chosen, saved, nothing retyped. */
    @Test
    void theConflictIsMergedPartByPartOnThePageAndSaved() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Merge by parts " + Fixtures.unique("c"), reporter, null);
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document opened = writer.page("/desk/stories/" + story.id);
        Browser other = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        other.follow(other.form(other.page("/desk/stories/" + story.id), "#story-form").set("headline", "The editor's headline")
                .set("body", "The editor's first paragraph.\n\nSecond paragraph.").press("Save draft"));
        Response stale = writer.form(opened, "#story-form")
                .set("body", "<p>First paragraph of " + story.headline + ".</p><p>Second paragraph. </p><p>The writer's third.</p>")
                .press("Save draft");
        assertEquals(409, stale.statusCode());
        Document conflict = Jsoup.parse(stale.asString());

        assertThat(conflict.select(".merge-part legend").eachText()).containsExactly(
                "Headline", "Body, your paragraph 1", "Body, your paragraph 3");
        assertThat(conflict.select(".merge-part:has(legend:containsOwn(Headline)) .theirs").text()).contains("The editor's headline");
        assertThat(conflict.select(".merge-part:has(legend:containsOwn(paragraph 1)) .theirs .story-body p").eachText())
                .containsExactly("The editor's first paragraph.");
        assertThat(conflict.select(".merge-part:has(legend:containsOwn(paragraph 3)) .mine .story-body p").eachText())
                .containsExactly("The writer's third.");
        // A space no reader sees is no difference; where only the editor changed a part since the writer opened the
        // story, theirs is chosen at first, so Save draft as it comes undoes no one.
        assertThat(checked(conflict, "Headline")).isEqualTo("theirs");
        assertThat(checked(conflict, "Body, your paragraph 1")).isEqualTo("theirs");
        assertThat(checked(conflict, "Body, your paragraph 3")).isEqualTo("mine");
        Response merged = writer.form(conflict, "#story-form")
                .set(choice(conflict, "Headline"), "theirs")
                .set(choice(conflict, "Body, your paragraph 1"), "both")
                .press("Save draft");
        assertEquals(303, merged.statusCode(), merged.asString());
        Story stored = fixtures.reload(story.id);
        assertEquals("The editor's headline", stored.headline);
        assertEquals("<p>The editor's first paragraph.</p><p>First paragraph of " + story.headline + ".</p>"
                + "<p>Second paragraph.</p><p>The writer's third.</p>", stored.body);
    }

    /** The choice made at first in the part with this legend. */
    private static String checked(Document conflict, String legend) {
        return conflict.select(".merge-part").stream().filter(part -> part.selectFirst("legend").text().equals(legend))
                .findFirst().orElseThrow().selectFirst("input[type=radio][checked]").val();
    }

    /** The name of the radio buttons of the part with this legend. */
    private static String choice(Document conflict, String legend) {
        return conflict.select(".merge-part").stream().filter(part -> part.selectFirst("legend").text().equals(legend))
                .findFirst().orElseThrow().selectFirst("input[type=radio]").attr("name");
    }

    @Test
    void textAutosavedOnTheConflictPageRestoresAndSaves() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Autosave merge " + Fixtures.unique("c"), reporter, null);
        Conflict refused = conflictPage(story, reporter, editor);
        Browser writer = refused.writer();
        Document conflict = refused.page();

        // story-form.js autosaves the fields and the form's version field from the conflict page...
        Response autosaved = writer.post("/desk/stories/" + story.id + "/autosave", Map.of(
                "csrf-token", List.of(conflict.select("#story-form input[name=csrf-token]").val()),
                "version", List.of(conflict.select("#story-form input[name=version]").val()),
                "headline", List.of("Merged while autosaving"), "body", List.of("Merged body, autosaved.")));
        assertEquals(200, autosaved.statusCode());
        // ...the writer leaves, comes back, restores the autosaved text and saves it.
        Document reopened = writer.page("/desk/stories/" + story.id);
        assertThat(reopened.select(".autosave-offer a").text()).isEqualTo("Restore autosaved text");
        Document restored = writer.page("/desk/stories/" + story.id + "?restore=autosave");
        assertEquals("Merged while autosaving", restored.select("#headline").val());
        Response saved = writer.form(restored, "#story-form").press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());
        assertEquals("Merged while autosaving", fixtures.reload(story.id).headline);
    }

    @Test
    void autosavedTextFromBeforeTheConflictIsShownTheDifferencesOnceThenSaves() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Old autosave " + Fixtures.unique("c"), reporter, null);
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document opened = writer.page("/desk/stories/" + story.id);
        Browser other = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        other.follow(other.form(other.page("/desk/stories/" + story.id), "#story-form")
                .set("standfirst", "The editor's standfirst").press("Save draft"));
        // The writer's page, opened before the editor's save, autosaves with the version it was opened with.
        writer.post("/desk/stories/" + story.id + "/autosave", Map.of(
                "csrf-token", List.of(opened.select("#story-form input[name=csrf-token]").val()),
                "version", List.of(opened.select("#story-form input[name=version]").val()),
                "headline", List.of("Typed before the editor saved"),
                "standfirst", List.of(opened.select("#standfirst").val())));
        Document restored = writer.page("/desk/stories/" + story.id + "?restore=autosave");
        Response refused = writer.form(restored, "#story-form").press("Save draft");
        assertEquals(409, refused.statusCode(), "the autosave predates the editor's save");
        Document conflict = Jsoup.parse(refused.asString());
        assertThat(conflict.select(".conflict tr:contains(Standfirst) del").text()).contains("editor's");
        Response saved = writer.form(conflict, "#story-form").set("standfirst", "The editor's standfirst").press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());
        Story stored = fixtures.reload(story.id);
        assertEquals("Typed before the editor saved", stored.headline);
        assertEquals("The editor's standfirst", stored.standfirst);
    }

    /**
     * The writer's page autosaves, then closes (a crash, a closed laptop); someone else saves after that autosave.
     * Reopened, the story offers the autosaved text all the same (it was offered only when newer than the last
     * save by anyone, so it sat unseen), and restoring it leads to the differences to merge.
     */
    /** Typed on the page opened before someone else's save, autosaved after it: the offer says so. */
    @Test
    void textAutosavedAfterSomeoneElseSavedSaysTheStoryWasSavedSince() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Typed on " + Fixtures.unique("c"), reporter, null);
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document opened = writer.page("/desk/stories/" + story.id);
        Browser other = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        other.follow(other.form(other.page("/desk/stories/" + story.id), "#story-form")
                .set("kicker", "Exclusive").press("Save draft"));
        writer.post("/desk/stories/" + story.id + "/autosave", Map.of(
                "csrf-token", List.of(opened.select("#story-form input[name=csrf-token]").val()),
                "version", List.of(opened.select("#story-form input[name=version]").val()),
                "headline", List.of(opened.select("#headline").val()),
                "body", List.of("A paragraph typed after the editor saved.")));

        Document reopened = writer.page("/desk/stories/" + story.id);
        assertThat(reopened.select(".autosave-offer").text()).contains("someone has saved the story since");
    }

    @Test
    void textAutosavedBeforeSomeoneElseSavedIsStillOfferedWhenTheWriterComesBack() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Crashed " + Fixtures.unique("c"), reporter, null);
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document opened = writer.page("/desk/stories/" + story.id);
        writer.post("/desk/stories/" + story.id + "/autosave", Map.of(
                "csrf-token", List.of(opened.select("#story-form input[name=csrf-token]").val()),
                "version", List.of(opened.select("#story-form input[name=version]").val()),
                "headline", List.of(opened.select("#headline").val()),
                "body", List.of("A paragraph typed before the browser crashed.")));
        Browser other = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        other.follow(other.form(other.page("/desk/stories/" + story.id), "#story-form")
                .set("kicker", "Exclusive").press("Save draft"));

        Document reopened = writer.page("/desk/stories/" + story.id);
        assertThat(reopened.select(".autosave-offer a").text()).isEqualTo("Restore autosaved text");
        assertThat(reopened.select(".autosave-offer").text()).contains("someone has saved the story since");
        Document restored = writer.page("/desk/stories/" + story.id + "?restore=autosave");
        assertThat(restored.select("#body").val()).contains("typed before the browser crashed");
        Response refused = writer.form(restored, "#story-form").press("Save draft");
        assertEquals(409, refused.statusCode(), "restored on the version it was typed on");
        Response saved = writer.form(Jsoup.parse(refused.asString()), "#story-form").set("kicker", "Exclusive").press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());
        Story stored = fixtures.reload(story.id);
        assertThat(stored.body).contains("typed before the browser crashed");
        assertEquals("Exclusive", stored.kicker);
        assertThat(writer.page("/desk/stories/" + story.id).select(".autosave-offer")).as("saved: nothing left to offer").isEmpty();
    }

    /** The conflict page compares with the same bounded comparison as the history, and says when it fell back. */
    @Test
    void aConflictOnALongStoryComesBackQuicklyWithTheTypedTextAndSaysItComparedParagraphsOnly() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response created = writer.form(writer.page("/desk/stories/new"), "#story-form")
                .set("headline", "Long conflict " + Fixtures.unique("c"))
                .set("body", LongStories.text(LongStories.paragraphs(950_000, 1))).press("Save draft");
        assertEquals(303, created.statusCode());
        long id = Browser.storyIdOf(created);
        Story opened = fixtures.reload(id);
        Browser other = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        assertEquals(303, postBody(other, opened, LongStories.text(LongStories.paragraphs(950_000, 2))).statusCode());

        String typed = LongStories.text(LongStories.reworked(LongStories.paragraphs(950_000, 1), 3));
        Response stale = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> postBody(writer, opened, typed));
        assertEquals(409, stale.statusCode());
        Document conflict = Jsoup.parse(stale.asString());
        assertThat(conflict.select(".conflict .diff-fallback").text()).contains("paragraph by paragraph");
        assertThat(conflict.select("#body").val().strip()).isEqualTo(typed);
        assertEquals(String.valueOf(fixtures.reload(id).version), conflict.select("input[name=version]").val());
    }

    /** The story form as a browser posts it, with the version the page was opened at (a long story's page is not opened here). */
    private static Response postBody(Browser browser, Story opened, String body) {
        return browser.post("/desk/stories/" + opened.id, Map.of("csrf-token", List.of(browser.cookie("copydesk-csrf")),
                "version", List.of(String.valueOf(opened.version)), "headline", List.of(opened.headline),
                "section", List.of(String.valueOf(opened.section.id)), "body", List.of(body), "action", List.of("save")));
    }

    /** The writer's browser and the page it was given. */
    private record Conflict(Browser writer, Document page) {
    }

    /** The writer opens the story, the editor saves it, the writer's save is refused: the 409 page. */
    private static Conflict conflictPage(Story story, StaffAccount reporter, StaffAccount editor) {
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document opened = writer.page("/desk/stories/" + story.id);
        Browser other = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        other.follow(other.form(other.page("/desk/stories/" + story.id), "#story-form")
                .set("headline", "The editor's headline").press("Save draft"));
        Response stale = writer.form(opened, "#story-form").set("body", "The writer's new paragraph.").press("Save draft");
        assertEquals(409, stale.statusCode());
        Document conflict = Jsoup.parse(stale.asString());
        assertThat(conflict.select("#body").val()).isEqualTo("The writer's new paragraph.");
        return new Conflict(writer, conflict);
    }
}
