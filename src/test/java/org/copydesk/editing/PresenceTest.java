package org.copydesk.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.TestClock;
import org.hibernate.SessionFactory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, point 7: presence that is true. The open page's lease renewal answers who else has the story open and
 * whether it was saved since the page's version; leases are given back on closing the page and on a workflow move,
 * and run out within the minute when a page dies without saying so.
 */
@QuarkusTest
class PresenceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Inject
    SessionFactory sessions;

    @AfterEach
    void realTime() {
        clock.resume();
    }

    /** A person with the story open in a browser: the page as it was first shown, and its renewals. */
    record OpenPage(Browser browser, long storyId, Document page) {

        static OpenPage open(StaffAccount who, long storyId) {
            Browser browser = new Browser().signIn(who.username, Fixtures.PASSWORD);
            return new OpenPage(browser, storyId, browser.page("/desk/stories/" + storyId));
        }

        String config(String name) {
            return page.getElementById("story-form-config").attr("data-" + name);
        }

        /** What the page's script sends every few seconds, and the answer. */
        JsonPath renew() {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            fields.put("csrf-token", List.of(browser.cookie("copydesk-csrf")));
            fields.put("version", List.of(page.select("input[name=version]").val()));
            fields.put("revision", List.of(config("opened-revision")));
            Response answer = browser.post(config("lease-url"), fields);
            assertEquals(200, answer.statusCode(), answer.asString());
            assertThat(answer.contentType()).startsWith("application/json");
            return answer.jsonPath();
        }

        List<String> othersNames() {
            return renew().getList("others.name");
        }

        /** The page is closed: its script's beacon. */
        Response close(String leaseAt) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            fields.put("csrf-token", List.of(browser.cookie("copydesk-csrf")));
            fields.put("leaseAt", List.of(leaseAt));
            return browser.post(config("lease-release-url"), fields);
        }
    }

    @Test
    void someoneOpeningTheStoryShowsOnThePageAlreadyOpen() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Presence " + Fixtures.unique("p"), reporter, null);
        OpenPage mine = OpenPage.open(reporter, story.id);
        assertThat(mine.page.getElementById("presence").attr("aria-live")).isEqualTo("polite");
        assertThat(mine.othersNames()).isEmpty();
        // The page's clock for renewing, a worker script of the site's own (hidden tabs' timers are slowed).
        Response ticker = mine.browser.get(mine.config("renew-ticker-url"));
        assertEquals(200, ticker.statusCode());
        assertThat(ticker.contentType()).contains("javascript");

        OpenPage theirs = OpenPage.open(editor, story.id);
        JsonPath answer = mine.renew();
        assertThat(answer.getList("others.name")).containsExactly(editor.displayName);
        assertThat(answer.getString("others[0].since")).isNotBlank();
        assertThat(answer.getString("others[0].sinceIso")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*");
        assertThat(answer.getString("saved")).isNull();
        assertThat(theirs.othersNames()).containsExactly(reporter.displayName);
    }

    @Test
    void aClosedPageGivesItsLeaseBackAtOnce() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Closed " + Fixtures.unique("p"), reporter, null);
        OpenPage mine = OpenPage.open(reporter, story.id);
        OpenPage theirs = OpenPage.open(editor, story.id);
        assertThat(mine.othersNames()).containsExactly(editor.displayName);

        String lastRenewal = theirs.renew().getString("leaseAt");
        assertEquals(204, theirs.close(lastRenewal).statusCode());
        assertThat(mine.othersNames()).isEmpty();
    }

    @Test
    void aPageClosedAfterTheNextOneOpenedLeavesThatOnesLease() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Reloaded " + Fixtures.unique("p"), reporter, null);
        OpenPage mine = OpenPage.open(reporter, story.id);
        OpenPage first = OpenPage.open(editor, story.id);
        String firstLease = first.config("lease-at");
        // Reloading: the new page is made (and renews the lease) before the old one says goodbye.
        clock.stopAtOrAfter(Instant.parse(firstLease).plusMillis(5));
        first.browser.page("/desk/stories/" + story.id);
        clock.resume();
        assertEquals(204, first.close(firstLease).statusCode());
        assertThat(mine.othersNames()).containsExactly(editor.displayName);
    }

    @Test
    void aLeaseNotRenewedRunsOutWithinTheMinute() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount gone = fixtures.staff(Role.EDITOR);
        StaffAccount still = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Crashed " + Fixtures.unique("p"), reporter, null);
        Instant now = Instant.now();
        // A page that crashed a minute ago without a goodbye, and one that renewed 10 seconds ago.
        clock.stopAt(now.minusSeconds(60));
        OpenPage.open(gone, story.id);
        clock.stopAt(now.minusSeconds(10));
        OpenPage.open(still, story.id);
        clock.resume();
        assertThat(OpenPage.open(reporter, story.id).othersNames()).containsExactly(still.displayName);
    }

    @Test
    void aSaveBySomeoneElseSinceThePageOpenedIsToldWithALinkToTheDifference() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Saved since " + Fixtures.unique("p"), reporter, null);
        OpenPage mine = OpenPage.open(reporter, story.id);
        int opened = Integer.parseInt(mine.config("opened-revision"));
        assertThat(opened).isPositive();

        OpenPage theirs = OpenPage.open(editor, story.id);
        Response saved = theirs.browser.form(theirs.page, "#story-form").set("headline", "Changed by the editor")
                .press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());

        JsonPath answer = mine.renew();
        assertThat(answer.getString("saved.savedBy")).isEqualTo(editor.displayName);
        assertThat(answer.getString("saved.savedAt")).isNotBlank();
        assertThat(answer.getString("saved.savedAtIso")).isNotBlank();
        assertThat(answer.getInt("saved.version")).isGreaterThan(Integer.parseInt(mine.page.select("input[name=version]").val()));
        String difference = answer.getString("saved.differenceUrl");
        assertThat(difference).isEqualTo("/desk/stories/" + story.id + "/revisions/compare?from=" + opened + "&to=" + (opened + 1));
        assertThat(mine.browser.page(difference).text()).contains("Changed by the editor");
        // The editor, back on the story after the save, still holds it.
        assertThat(answer.getList("others.name")).containsExactly(editor.displayName);
        // Their own save: the page it led back to carries the new version; an older page of theirs says "you".
        assertThat(new OpenPage(theirs.browser, story.id, theirs.browser.page("/desk/stories/" + story.id)).renew()
                .getString("saved")).isNull();
        assertThat(theirs.renew().getString("saved.savedBy")).isEqualTo("you");
    }

    /** Every open page asks every few seconds: a few statements on keys, and never the story itself (its body). */
    @Test
    void aRenewalIsCheap() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Cheap " + Fixtures.unique("p"), reporter, null);
        OpenPage mine = OpenPage.open(reporter, story.id);
        OpenPage theirs = OpenPage.open(editor, story.id);
        mine.renew();
        // The story's row without its text, the lease renewed, the others' leases by the key: 3. Every desk request
        // also looks its person's account up (3 today, the sign-in's own, not the renewal's).
        assertThat(statementsOf(mine::renew)).isLessThanOrEqualTo(3 + 3);
        theirs.browser.follow(theirs.browser.form(theirs.page, "#story-form").set("headline", "Saved over").press("Save draft"));
        // Saved since: the latest revision's number, for the difference link.
        assertThat(statementsOf(mine::renew)).isLessThanOrEqualTo(4 + 3);
    }

    private long statementsOf(Runnable request) {
        sessions.getStatistics().clear();
        request.run();
        assertThat(sessions.getStatistics().getEntityStatistics(Story.class.getName()).getLoadCount())
                .as("stories loaded").isZero();
        return sessions.getStatistics().getPrepareStatementCount();
    }

    @Test
    void submittingForReviewGivesTheLeaseBack() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Submitted " + Fixtures.unique("p"), reporter, null);
        OpenPage mine = OpenPage.open(reporter, story.id);
        OpenPage theirs = OpenPage.open(editor, story.id);
        assertThat(theirs.othersNames()).containsExactly(reporter.displayName);

        Response submitted = mine.browser.form(mine.page, "#story-form").press("Submit for review");
        assertEquals(303, submitted.statusCode(), submitted.asString());
        // The reporter lands on the story, now theirs only to read: no lease taken again.
        mine.browser.page("/desk/stories/" + story.id);
        JsonPath answer = theirs.renew();
        assertThat(answer.getList("others.name")).isEmpty();
        assertThat(answer.getString("saved.savedBy")).isEqualTo(reporter.displayName);
        // Their page (read-only now) may not renew: refused as a save would be.
        Map<String, List<String>> fields = Map.of("csrf-token", List.of(mine.browser.cookie("copydesk-csrf")));
        assertEquals(403, mine.browser.post("/desk/stories/" + story.id + "/lease", fields).statusCode());
    }
}
