package org.copydesk.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.hibernate.SessionFactory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A revision per save (none for unchanged saves), word-level comparison, and restore. */
@QuarkusTest
class RevisionsTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SessionFactory sessions;

    @Test
    void everySaveKeepsARevisionButUnchangedSavesDoNot() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        long id = create(browser, "Revisions " + Fixtures.unique("v"), "The minister spoke on Thursday.");
        assertThat(numbers(id)).containsExactly(1);

        Document form = browser.page("/desk/stories/" + id);
        browser.follow(browser.form(form, "#story-form").press("Save draft"));
        assertThat(numbers(id)).as("an unchanged save adds no revision").containsExactly(1);

        form = browser.page("/desk/stories/" + id);
        browser.follow(browser.form(form, "#story-form").set("body", "The minister spoke on Friday morning.")
                .press("Save draft"));
        assertThat(numbers(id)).containsExactly(2, 1);
        Document history = browser.page("/desk/stories/" + id + "/history");
        assertThat(history.select("#revisions ~ table tbody tr")).hasSize(2);
    }

    @Test
    void compareShowsDeletedAndInsertedWordsSideBySide() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        long id = create(browser, "Compare " + Fixtures.unique("v"), "Diop said no contract was signed.");
        Document form = browser.page("/desk/stories/" + id);
        browser.follow(browser.form(form, "#story-form").set("body", "Diop said that no deal was ever signed.")
                .press("Save draft"));
        Document compare = browser.page("/desk/stories/" + id + "/revisions/compare?from=1&to=2");
        String body = "tr:contains(Body)";
        assertThat(compare.select(body + " del").eachText()).contains("contract");
        assertThat(compare.select(body + " ins").eachText()).anyMatch(t -> t.contains("deal"));
        assertThat(compare.select(body + " ins").text()).contains("that").contains("ever");
        assertThat(compare.select(body + " td").get(0).text()).isEqualTo("Diop said no contract was signed.");
        assertThat(compare.select(body + " td").get(1).text()).isEqualTo("Diop said that no deal was ever signed.");
    }

    @Test
    void restoringAnOldRevisionMakesANewRevisionEqualToIt() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        String headline = "Restore " + Fixtures.unique("v");
        long id = create(browser, headline, "Original words.");
        Document form = browser.page("/desk/stories/" + id);
        browser.follow(browser.form(form, "#story-form").set("headline", "Rewritten headline")
                .set("body", "Rewritten words.").press("Save draft"));

        Document history = browser.page("/desk/stories/" + id + "/history");
        Response restored = browser.form(history, "form[action$=/revisions/1/restore]").press("Restore revision 1");
        Document after = browser.follow(restored);
        assertThat(after.select(".flash").text()).contains("Revision 1 restored");
        assertThat(numbers(id)).containsExactly(3, 2, 1);
        assertEquals(hash(id, 1), hash(id, 3));
        assertEquals(headline, fixtures.reload(id).headline);
        assertThat(fixtures.reload(id).body).isEqualTo("<p>Original words.</p>");
    }

    @Test
    void theHistoryAndTheCompareListReadNoRevisionContent() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        String headline = "Many saves " + Fixtures.unique("v");
        long id = create(browser, headline, "First words of the story.");
        for (int i = 2; i <= 4; i++) {
            Document form = browser.page("/desk/stories/" + id);
            browser.follow(browser.form(form, "#story-form").set("body", "Words of save " + i + ".\n\nAnd one more.")
                    .press("Save draft"));
        }
        long loadsBefore = revisionEntitiesLoaded();
        Document history = browser.page("/desk/stories/" + id + "/history");
        assertThat(revisionEntitiesLoaded() - loadsBefore).as("revision entities (with their content) loaded").isZero();
        assertThat(history.select("#revisions ~ table tbody tr")).hasSize(4);
        assertThat(history.select("#revisions ~ table tbody tr").first().select("td").eachText())
                .contains("4", headline, "7");

        Document compare = browser.page("/desk/stories/" + id + "/revisions/compare?from=2&to=4");
        assertThat(revisionEntitiesLoaded() - loadsBefore).isZero();
        assertThat(compare.select("select#from option")).hasSize(4);
        assertThat(compare.select("tr:contains(Body) del").text()).contains("2");
        assertThat(compare.select("tr:contains(Body) ins").text()).contains("4");
        assertThat(compare.select(".diff-fallback")).isEmpty();
    }

    @Test
    void anUpdatesRevisionsJoinTheLiveStorysHistoryWhenItIsPublished() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Folded " + Fixtures.unique("v"), reporter, editor);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document update = desk.follow(desk.form(desk.page("/desk/stories/" + story.id), "#story-form")
                .set("headline", "Folded, first change").press("Save draft"));
        update = desk.follow(desk.form(update, "#story-form").set("headline", "Folded, second change").press("Save draft"));
        desk.follow(desk.form(update, "#story-form").pressThroughCheck("Publish update"));

        assertThat(numbers(story.id)).containsExactly(3, 2, 1);
        Document history = desk.page("/desk/stories/" + story.id + "/history");
        assertThat(history.select("#revisions + table tbody tr td:eq(3)").eachText())
                .containsExactly("Folded, second change", "Folded, first change", story.headline);
        Document compare = desk.page("/desk/stories/" + story.id + "/revisions/compare");
        assertThat(compare.select("tr:contains(Headline) ins").text()).contains("second");
    }

    /** A 300 KB story reworked throughout (every other word of every paragraph replaced), then rewritten. */
    @Test
    void comparingTwoLongRevisionsAnswersQuicklyAndSaysWhenItComparedParagraphsOnly() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        List<String> paragraphs = LongStories.paragraphs(300_000, 7);
        long id = create(browser, "Long story " + Fixtures.unique("v"), LongStories.text(paragraphs));
        saveBody(browser, id, LongStories.text(LongStories.reworked(paragraphs, 8)));

        // A generous bound for a shared test machine (WordDiffTest bounds the work itself; the packaged app's
        // figures are in RevisionsAtScaleIT): the old word diff took minutes here.
        long started = System.nanoTime();
        Document compare = browser.page("/desk/stories/" + id + "/revisions/compare?from=1&to=2");
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to compare").isLessThan(10_000);
        assertThat(compare.select("tr:contains(Body) del")).isNotEmpty();
        assertThat(compare.select("tr:contains(Body) ins")).isNotEmpty();

        // A third version, a different story altogether, near the 1,000,000-character limit: beyond the budget, and
        // the page says so.
        saveBody(browser, id, LongStories.text(LongStories.paragraphs(950_000, 9)));
        Document rewritten = browser.page("/desk/stories/" + id + "/revisions/compare?from=2&to=3");
        assertThat(rewritten.select(".diff-fallback").text()).contains("paragraph by paragraph");
        assertThat(rewritten.select("tr:contains(Body) th .diff-coarse")).isNotEmpty();
    }

    private static long create(Browser browser, String headline, String body) {
        Document form = browser.page("/desk/stories/new");
        Response saved = browser.form(form, "#story-form").set("headline", headline).set("body", body).press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());
        return Browser.storyIdOf(saved);
    }

    /**
     * Saves a new body as the story form would post it (the form page itself is not opened: a story of
     * thousands of paragraphs is a matter for the editor's own tests).
     */
    private void saveBody(Browser browser, long id, String body) {
        Story story = fixtures.reload(id);
        Response saved = browser.post("/desk/stories/" + id, Map.of("csrf-token", List.of(browser.cookie("copydesk-csrf")),
                "version", List.of(String.valueOf(story.version)), "headline", List.of(story.headline),
                "section", List.of(String.valueOf(story.section.id)), "body", List.of(body), "action", List.of("save")));
        assertEquals(303, saved.statusCode(), saved.asString());
    }

    long revisionEntitiesLoaded() {
        return sessions.getStatistics().getEntityStatistics(StoryRevision.class.getName()).getLoadCount();
    }

    @Transactional
    List<Integer> numbers(long id) {
        return RevisionSummary.of(id).stream().map(RevisionSummary::number).toList();
    }

    @Transactional
    String hash(long id, int number) {
        return StoryRevision.<StoryRevision>find("story.id = ?1 and number = ?2", id, number).firstResult().contentHash;
    }
}
