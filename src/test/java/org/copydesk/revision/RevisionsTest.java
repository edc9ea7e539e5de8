package org.copydesk.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A revision per save (none for unchanged saves), word-level comparison, and restore. */
@QuarkusTest
class RevisionsTest {

    @Inject
    Fixtures fixtures;

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

    private static long create(Browser browser, String headline, String body) {
        Document form = browser.page("/desk/stories/new");
        Response saved = browser.form(form, "#story-form").set("headline", headline).set("body", body).press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());
        return Browser.storyIdOf(saved);
    }

    @Transactional
    List<Integer> numbers(long id) {
        return StoryRevision.of(Story.findById(id)).stream().map(r -> r.number).toList();
    }

    @Transactional
    String hash(long id, int number) {
        return StoryRevision.numbered(Story.findById(id), number).contentHash;
    }
}
