package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Section;
import org.copydesk.story.SectionService;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.web.Newsroom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The desk home (issue 23, point 8): editors see every story by state, narrowed by section and author; a reporter
 * sees the stories they wrote and those they are bylined on, and nobody else's drafts.
 */
@QuarkusTest
class DeskHomeTest {

    @Inject
    Fixtures fixtures;

    @Inject
    StoryService stories;

    @Inject
    SectionService sections;

    @Test
    void anEditorSeesEveryStoryByState() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story draft = fixtures.story("Someone else's draft " + Fixtures.unique("h"), reporter, editor);
        Story sentBack = fixtures.story("Sent back " + Fixtures.unique("h"), reporter, editor, StoryAction.SUBMIT,
                StoryAction.REQUEST_CHANGES);
        Story today = fixtures.published("Out today " + Fixtures.unique("h"), reporter, editor);
        Story liveByReporter = fixtures.published("Live, updated by its writer " + Fixtures.unique("h"), reporter, editor);
        Story liveByEditor = fixtures.published("Live, updated by the editor " + Fixtures.unique("h"), reporter, editor);
        String reportersUpdate = saveUpdate(liveByReporter, reporter, "Reporter's update " + Fixtures.unique("h"));
        String editorsUpdate = saveUpdate(liveByEditor, editor, "Editor's update " + Fixtures.unique("h"));

        Document desk = new Browser().signIn(editor.username, Fixtures.PASSWORD).page("/desk");

        assertThat(row(desk, "drafts", draft.headline).text()).contains("Draft").contains("World").contains(reporter.displayName);
        assertThat(row(desk, "drafts", draft.headline).selectFirst("a").attr("href")).isEqualTo("/desk/stories/" + draft.id);
        assertThat(row(desk, "drafts", draft.headline).select("time").attr("datetime")).isNotBlank();
        assertThat(row(desk, "changes-requested", sentBack.headline).text()).contains("Changes requested")
                .contains("Please fix");
        assertThat(row(desk, "published-today", today.headline).select(".state-published").text()).isEqualTo("Published");
        assertThat(row(desk, "pending-updates", reportersUpdate).text()).contains("Update: " + reportersUpdate).contains("Draft");
        assertThat(row(desk, "pending-updates", editorsUpdate).text()).as("the update the editor saved themselves")
                .contains("Update: " + editorsUpdate);
        assertThat(desk.select("#drafts ~ table").text()).as("updates are under Pending updates only")
                .doesNotContain(editorsUpdate);

        // In the order an editor acts: what waits for them first, what is done last.
        assertThat(desk.select("section > h2[id]").eachAttr("id")).containsExactly("review-queue", "pending-updates",
                "changes-requested", "drafts", "scheduled", "published-today", "recently-published", "my-stories");
        assertThat(desk.select("label[for=filter-section]").text()).isEqualTo("Section");
        assertThat(desk.select("label[for=filter-author]").text()).isEqualTo("Author");
        assertThat(desk.select("form.desk-filter button").text()).isEqualTo("Filter");
        assertThat(desk.select("form.desk-filter a").text()).isEqualTo("Clear");
        assertThat(desk.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
    }

    @Test
    void theSectionAndAuthorFiltersNarrowTheLists() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount other = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Section section = newSection();
        Story inSection = fixtures.story("In the new section " + Fixtures.unique("f"), reporter, editor);
        moveTo(inSection, section);
        Story elsewhere = fixtures.story("In World " + Fixtures.unique("f"), reporter, editor);
        Story othersDraft = fixtures.story("The other's draft " + Fixtures.unique("f"), other, editor);
        Story bylinedOnly = bylined("Written by the other, bylined to the reporter " + Fixtures.unique("f"), other,
                profileOf(reporter));
        Story othersSubmission = fixtures.story("The other's submission " + Fixtures.unique("f"), other, editor, StoryAction.SUBMIT);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);

        Document bySection = desk.page("/desk?section=" + section.slug);
        assertThat(bySection.select("#drafts ~ table").text()).contains(inSection.headline).doesNotContain(elsewhere.headline);
        assertThat(bySection.select("#filter-section option[selected]").val()).isEqualTo(section.slug);

        AuthorProfile author = profileOf(reporter);
        Document byAuthor = desk.page("/desk?author=" + author.slug);
        assertThat(byAuthor.select("#drafts ~ table").text()).contains(inSection.headline).contains(elsewhere.headline)
                .contains(bylinedOnly.headline).doesNotContain(othersDraft.headline);
        assertThat(byAuthor.select("#filter-author option[selected]").val()).isEqualTo(author.slug);
        assertThat(byAuthor.select("#review-queue ~ *").text()).doesNotContain(othersSubmission.headline);
        assertThat(desk.page("/desk?author=" + profileOf(other).slug).select("#review-queue ~ table").text())
                .contains(othersSubmission.headline);

        Document both = desk.page("/desk?section=" + section.slug + "&author=" + profileOf(other).slug);
        assertThat(both.select("#drafts ~ table")).isEmpty();
        assertThat(both.select("#drafts ~ p").first().text()).isEqualTo("Nothing here matches the filter.");
    }

    @Test
    void badFilterValuesShowTheWholeDesk() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story draft = fixtures.story("Still shown " + Fixtures.unique("b"), reporter, editor);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        for (String query : List.of("section=no-such-section&author=nobody", "section=%27%3B--&author=%00", "section=&author=",
                "section=" + "x".repeat(1000), "author=1&author=2&section=%F0%9F%93%B0", "section=%E0%A4")) {
            assertEquals(200, desk.get("/desk?" + query).statusCode(), () -> query.substring(0, Math.min(60, query.length())));
        }
        assertThat(desk.page("/desk?section=no-such-section&author=nobody").select("#drafts ~ table").text())
                .contains(draft.headline);
    }

    @Test
    void aReporterSeesTheirOwnAndBylinedStoriesButNotOthersDrafts() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount other = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story own = fixtures.story("My own draft " + Fixtures.unique("r"), reporter, editor);
        Story bylinedOnly = bylined("Bylined, not created " + Fixtures.unique("r"), other, profileOf(reporter));
        Story othersDraft = fixtures.story("Not mine " + Fixtures.unique("r"), other, editor);
        Story live = fixtures.published("My live story " + Fixtures.unique("r"), reporter, editor);
        String update = saveUpdate(live, editor, "Update the editor began " + Fixtures.unique("r"));

        Document desk = new Browser().signIn(reporter.username, Fixtures.PASSWORD).page("/desk");
        String mine = desk.select("#my-stories ~ table").text();
        assertThat(mine).contains(own.headline).contains(bylinedOnly.headline).contains("Update: " + update);
        assertThat(desk.html()).doesNotContain(othersDraft.headline);
        assertThat(desk.select("#drafts, #pending-updates, #review-queue, form.desk-filter")).isEmpty();
        assertThat(desk.select("section > h2[id]").eachAttr("id")).containsExactly("my-stories", "scheduled",
                "recently-published");
        assertEquals(200, new Browser().signIn(reporter.username, Fixtures.PASSWORD).get("/desk?section=x").statusCode());
    }

    @Test
    void aLongListShowsItsFirstFiftyAndSaysSo() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Section section = newSection();
        for (int i = 0; i < 51; i++) {
            moveTo(fixtures.story("Draft " + i + " " + Fixtures.unique("l"), reporter, editor), section);
        }
        Document desk = new Browser().signIn(editor.username, Fixtures.PASSWORD).page("/desk?section=" + section.slug);
        assertThat(desk.select("#drafts ~ table tbody tr")).hasSize(50);
        assertThat(desk.select("#drafts ~ .list-cut").text()).isEqualTo("Showing the first 50.");
        assertThat(desk.select("#changes-requested ~ .list-cut")).isEmpty();
    }

    /** The row of the list under heading {@code id} whose text has {@code headline}. */
    private static Element row(Document desk, String id, String headline) {
        Element row = desk.select("#" + id + " ~ table tbody tr").stream().filter(tr -> tr.text().contains(headline))
                .findFirst().orElse(null);
        assertThat(row).as(headline + " under #" + id).isNotNull();
        return row;
    }

    /** Saves a live story's form with a new headline, as the desk page does: the save starts its pending update. */
    private String saveUpdate(Story live, StaffAccount actor, String headline) {
        QuarkusTransaction.requiringNew().run(() -> {
            StoryForm.Builder form = StoryForm.fromStory(Story.findById(live.id), Newsroom.zone()).toBuilder();
            form.headline = headline;
            stories.save(live.id, form.build(), actor, null);
        });
        return headline;
    }

    /** A draft created by {@code writer} whose only byline is {@code author}. */
    private Story bylined(String headline, StaffAccount writer, AuthorProfile author) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoryForm.Builder form = StoryForm.builder();
            form.headline = headline;
            form.body = "First paragraph of " + headline + ".";
            form.sectionId = Section.findBySlug("world").orElseThrow().id;
            form.bylines.add(new StoryForm.BylineRow(author.id, author.name, "", false));
            return stories.save(null, form.build(), writer, null);
        });
    }

    private AuthorProfile profileOf(StaffAccount staff) {
        return QuarkusTransaction.requiringNew().call(() -> AuthorProfile.findByStaffAccount(staff).orElseThrow());
    }

    private Section newSection() {
        return QuarkusTransaction.requiringNew().call(() -> sections.create("Desk " + Fixtures.unique("s"), null, null));
    }

    /** Files a story not yet published under another section (no public page changes). */
    private static void moveTo(Story story, Section section) {
        QuarkusTransaction.requiringNew().run(() -> {
            Story stored = Story.findById(story.id);
            stored.section = Section.findById(section.id);
        });
    }
}
