package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryState;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The whole path, as browsers walk it: staff made by the admin, a story drafted, reviewed, published, read. */
@QuarkusTest
class NewsroomFlowTest {

    static final String BODY = "Diop said: “This story is part of a blackening campaign against Mali.”\n\n"
            + "We are not concerned about cooperation with PMCs… we are concerned about security.";

    @Inject
    Fixtures fixtures;

    @Test
    void reporterDraftsEditorPublishesReaderReads() {
        String reporterName = Fixtures.unique("rita");
        String editorName = Fixtures.unique("eddie");
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        createAccount(admin, reporterName, "Rita Reporter", "REPORTER");
        createAccount(admin, editorName, "Eddie Editor", "EDITOR");

        // A story to relate to: still a draft, so readers must not see it yet.
        StaffAccount someone = fixtures.staff(Role.REPORTER);
        String relatedHeadline = "Related " + Fixtures.unique("lavrov talks");
        Story related = fixtures.story(relatedHeadline, someone, null);

        Browser reporter = new Browser().signIn(reporterName, Fixtures.PASSWORD);
        Document form = reporter.page("/desk/stories/new");
        assertThat(form.select("#bylines li").text()).contains("Rita Reporter");
        // Without JavaScript a picker's button posts the whole form and the answer opens at the picker, not at the top.
        String action = form.selectFirst("#story-form").attr("action");
        assertThat(form.select("#bylines button[value=add-byline]").attr("formaction")).isEqualTo(action + "#bylines");
        assertThat(form.select("#related button[value=find-related]").attr("formaction")).isEqualTo(action + "#related");
        String headline = "Mali denies hiring private Russian military contractor " + Fixtures.unique("x");

        // Second byline: a new author profile made on the spot.
        Document withByline = page(reporter.form(form, "#story-form")
                .set("headline", headline)
                .set("newAuthorName", "Hüseyin Demir")
                .set("bylineAddRole", "")
                .press("Add byline"));
        assertThat(withByline.select("#bylines li").eachText()).hasSize(2);
        assertEquals(headline, withByline.selectFirst("#headline").val(), "typed text survives a picker step");

        // Related story: searched by headline and ticked.
        Document withSearch = page(reporter.form(withByline, "#story-form")
                .set("relatedQuery", relatedHeadline.substring(8))
                .press("Find stories"));
        Element result = withSearch.selectFirst("input[name=relatedAdd][value=" + related.id + "]");
        assertThat(result).as("the search finds the related story").isNotNull();

        Response saved = reporter.form(withSearch, "#story-form")
                .add("relatedAdd", String.valueOf(related.id))
                .set("standfirst", "Foreign Minister Diop says disinformation part of smear campaign against government.")
                .set("body", BODY)
                .set("datelinePlace", "Moscow")
                .set("tags", "Mali, Russia")
                .press("Save draft");
        Document draft = reporter.follow(saved);
        assertThat(draft.select(".flash").text()).isEqualTo("Draft saved.");
        long storyId = Browser.storyIdOf(saved);
        Story stored = fixtures.reload(storyId);
        assertThat(stored.bylines).extracting(b -> b.author.name).containsExactly("Rita Reporter", "Hüseyin Demir");
        assertThat(stored.related).extracting(s -> s.id).containsExactly(related.id);
        assertThat(stored.body).contains("“This story is part of a blackening campaign against Mali.”")
                .contains("PMCs… we are");

        Document submitted = reporter.follow(reporter.form(draft, "#story-form").press("Submit for review"));
        assertThat(submitted.select(".flash").text()).isEqualTo("Submitted for review.");
        assertEquals(StoryState.IN_REVIEW, fixtures.reload(storyId).state);

        // Not published: readers find nothing at any likely address.
        new Browser().get("/world/2026/01/01/" + stored.slug).then().statusCode(404);

        Browser editor = new Browser().signIn(editorName, Fixtures.PASSWORD);
        Document queue = editor.page("/desk");
        assertThat(queue.select("#review-queue ~ table a").eachText()).contains(headline);
        Document review = editor.page("/desk/stories/" + storyId);
        Document sentBack = editor.follow(editor.form(review, "#story-form")
                .set("comment", "Attribute the second quote.").press("Request changes"));
        assertThat(sentBack.select(".flash").text()).startsWith("Changes requested");

        Document revise = reporter.page("/desk/stories/" + storyId);
        assertThat(revise.select(".notice").text()).contains("Attribute the second quote.");
        reporter.follow(reporter.form(revise, "#story-form")
                .set("body", BODY + "\n\nLavrov said the market was created by Western countries.")
                .press("Submit for review"));

        Document publish = editor.page("/desk/stories/" + storyId);
        Document published = editor.follow(editor.form(publish, "#story-form").pressThroughCheck("Publish"));
        assertThat(published.select(".flash").text()).isEqualTo("Published.");
        String url = published.selectFirst(".story-meta a:contains(Live page)").attr("href");

        Browser reader = new Browser();
        Document page = reader.page(url);
        assertThat(page.select("h1").text()).isEqualTo(headline);
        assertThat(page.select(".byline a").eachAttr("href")).hasSize(2)
                .allMatch(href -> href.startsWith("/authors/"));
        assertThat(page.select(".byline").text()).contains("Rita Reporter").contains("Hüseyin Demir");
        assertThat(page.select(".dateline").text()).matches("MOSCOW, [A-Z][a-z]{2} \\d{1,2} \\(Copydesk\\) –");
        assertThat(page.select(".story-body").text()).contains("“This story is part of a blackening campaign against Mali.”")
                .contains("PMCs… we are");
        assertThat(page.html()).doesNotContain(relatedHeadline);
        assertThat(page.select(".related")).isEmpty();

        // The author page lists the story under the new profile.
        String demirPage = page.select(".byline a:contains(Hüseyin Demir)").attr("href");
        assertThat(reader.page(demirPage).select("h1").text()).isEqualTo("Hüseyin Demir");

        // Once the related story is published too, readers see the link.
        StaffAccount otherEditor = fixtures.staff(Role.EDITOR);
        fixtures.publish(related.id, otherEditor);
        Document again = reader.page(url);
        assertThat(again.select(".related a").eachText()).containsExactly(relatedHeadline);
        assertThat(reader.page("/").select("a").eachText()).contains(headline);
        assertThat(reader.page("/world").select("a").eachText()).contains(headline);
    }

    private static void createAccount(Browser admin, String username, String displayName, String role) {
        Document staff = admin.page("/desk/staff");
        Response created = admin.form(staff, "form[action=/desk/staff]")
                .set("username", username).set("password", Fixtures.PASSWORD)
                .set("displayName", displayName).set("role", role)
                .press("Create account");
        assertThat(admin.follow(created).select(".flash").text()).contains("Account " + username + " created");
    }

    private static Document page(Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        return org.jsoup.Jsoup.parse(response.asString());
    }

    static List<String> texts(Document page, String selector) {
        return page.select(selector).eachText();
    }
}
