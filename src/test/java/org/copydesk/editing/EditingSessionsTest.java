package org.copydesk.editing;

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
import org.copydesk.revision.RevisionSummary;
import org.copydesk.story.Story;
import org.copydesk.story.StoryState;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Autosaved working copies and "being edited by" leases. */
@QuarkusTest
class EditingSessionsTest {

    @Inject
    Fixtures fixtures;

    @Test
    void autosaveKeepsAWorkingCopyWithoutTouchingTheStoryItsStateOrItsRevisions() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Autosaved " + Fixtures.unique("a"), reporter, null);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document page = browser.page("/desk/stories/" + story.id);
        int revisionsBefore = revisionCount(story.id);

        Response saved = browser.post("/desk/stories/" + story.id + "/autosave", Map.of(
                "csrf-token", List.of(browser.cookie("copydesk-csrf")),
                "version", List.of(page.select("input[name=version]").val()),
                "headline", List.of("Typed but not saved"), "body", List.of("An hour of typing…")));
        assertEquals(200, saved.statusCode());

        Story stored = fixtures.reload(story.id);
        assertEquals(story.headline, stored.headline);
        assertEquals(StoryState.DRAFT, stored.state);
        assertEquals(revisionsBefore, revisionCount(story.id));

        Document reopened = browser.page("/desk/stories/" + story.id);
        assertThat(reopened.select(".autosave-offer").text()).contains("autosaved text");
        Document restored = browser.page("/desk/stories/" + story.id + "?restore=autosave");
        assertEquals("Typed but not saved", restored.select("#headline").val());
        assertEquals("An hour of typing…", restored.select("#body").val());

        browser.follow(browser.form(restored, "#story-form").press("Save draft"));
        assertEquals("Typed but not saved", fixtures.reload(story.id).headline);
        assertThat(browser.page("/desk/stories/" + story.id).select(".autosave-offer")).isEmpty();
    }

    @Test
    void anotherReportersAutosaveIsRefused() {
        StaffAccount owner = fixtures.staff(Role.REPORTER);
        StaffAccount other = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Not theirs " + Fixtures.unique("a"), owner, null);
        Browser browser = new Browser().signIn(other.username, Fixtures.PASSWORD);
        browser.page("/desk/stories/" + story.id);
        Response refused = browser.post("/desk/stories/" + story.id + "/autosave", Map.of(
                "csrf-token", List.of(browser.cookie("copydesk-csrf")), "headline", List.of("x")));
        assertEquals(403, refused.statusCode());
    }

    @Test
    void theEditPageSaysWhoElseHasTheStoryOpen() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Shared " + Fixtures.unique("a"), reporter, null);
        new Browser().signIn(reporter.username, Fixtures.PASSWORD).page("/desk/stories/" + story.id);
        Document editorView = new Browser().signIn(editor.username, Fixtures.PASSWORD).page("/desk/stories/" + story.id);
        assertThat(editorView.select(".editing-notice").text()).contains("Being edited by " + reporter.displayName);
        expireLeases(story.id);
        Document later = new Browser().signIn(editor.username, Fixtures.PASSWORD).page("/desk/stories/" + story.id);
        assertThat(later.select(".editing-notice")).isEmpty();
    }

    @Transactional
    int revisionCount(long id) {
        return RevisionSummary.of(id).size();
    }

    @Transactional
    void expireLeases(long id) {
        Story.getEntityManager().createNativeQuery(
                "update story_lease set renewed_at = renewed_at - interval '10 minutes' where story_id = ?1")
                .setParameter(1, id).executeUpdate();
    }
}
