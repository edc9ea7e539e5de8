package org.copydesk.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.media.TestImages;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.HtmlChecker;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Live coverage as the newsroom runs it through the desk's forms, and as readers get it: the page (no script
 * needed), its structured data, its feed.
 */
@QuarkusTest
class LiveCoverageTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Fixtures fixtures;

    @Test
    void aStoryMadeLiveOnTheNewStoryFormCarriesEntriesNewestFirstWithKeyEventsOnTop() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        String headline = "Storm hits the coast " + Fixtures.unique("l");
        Response created = writer.form(writer.page("/desk/stories/new"), "#story-form").set("headline", headline)
                .set("standfirst", "A storm makes landfall; follow it here.").set("body", "The summary of the day so far.")
                .add("live", "on").press("Submit for review");
        long id = Browser.storyIdOf(created);
        assertThat(fixtures.reload(id).live).as("chosen when it was made").isTrue();
        Document early = writer.page("/desk/stories/" + id + "/live");
        assertThat(early.getElementById("post-refusal").text()).contains("once the story is published");

        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        desk.follow(desk.form(desk.page("/desk/stories/" + id), "#story-form").pressThroughCheck("Publish"));
        Story story = fixtures.reload(id);
        assertThat(story.isPublished()).isTrue();

        Document live = writer.page("/desk/stories/" + id + "/live");
        assertThat(HtmlChecker.errors(live.outerHtml())).isEmpty();
        Response posted = writer.form(live, "#entry-form").set("entry", "Winds of 150 km/h reach the harbour.")
                .add("keyEvent", "on").press("Post entry");
        assertEquals(303, posted.statusCode());
        assertThat(writer.follow(posted).select(".flash").text()).contains("Entry posted");
        writer.follow(writer.form(writer.page("/desk/stories/" + id + "/live"), "#entry-form")
                .set("entry", "<p>The <strong>ferry</strong> is cancelled.</p>").set("author", "").press("Post entry"));

        Document page = new Browser().page(story.publicPath);
        assertThat(HtmlChecker.errors(page.outerHtml())).isEmpty();
        assertThat(page.selectFirst(".standfirst").text()).isEqualTo("A storm makes landfall; follow it here.");
        assertThat(page.select(".live-status").text()).isEqualTo("Live");
        List<Element> entries = page.select("#live-entries .live-entry");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).select(".entry-body").text()).as("newest first").isEqualTo("The ferry is cancelled.");
        assertThat(entries.get(0).select(".entry-body strong").text()).isEqualTo("ferry");
        assertThat(entries.get(0).select(".entry-byline")).as("posted with No byline").isEmpty();
        assertThat(entries.get(1).select(".entry-byline").text()).startsWith("By ");
        assertThat(entries.get(1).hasClass("key-event")).isTrue();
        assertThat(entries.get(1).select("time").attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(page.select("#key-events li").eachText()).singleElement().asString()
                .contains("Winds of 150 km/h reach the harbour.");
        assertThat(page.select("#key-events a").attr("href")).isEqualTo("#" + entries.get(1).id());
        Element section = page.selectFirst(".live-coverage");
        assertThat(section.attr("data-events")).isEqualTo("/live/" + id + "/events");
        assertThat(Long.parseLong(section.attr("data-seq"))).isPositive();
        assertThat(page.select("script[src*=live.js]")).hasSize(1);

        JsonNode ld = JSON.readTree(page.select("script[type=application/ld+json]").first().data());
        assertThat(List.of(ld.path("@type").get(0).asText(), ld.path("@type").get(1).asText()))
                .containsExactly("NewsArticle", "LiveBlogPosting");
        assertThat(ld.path("coverageStartTime").asText()).isEqualTo(page.select(".times time").first().attr("datetime"));
        assertThat(ld.path("coverageEndTime").asText()).isNotBlank();
        assertThat(ld.path("dateModified").asText()).as("the newest entry's time").isEqualTo(entries.get(0).select("time").attr("datetime"));
        assertThat(ld.path("liveBlogUpdate")).hasSize(2);
        assertThat(ld.path("liveBlogUpdate").get(0).path("@type").asText()).isEqualTo("BlogPosting");
        assertThat(ld.path("liveBlogUpdate").get(0).path("articleBody").asText()).isEqualTo("The ferry is cancelled.");
        assertThat(ld.path("liveBlogUpdate").get(1).path("url").asText()).endsWith(story.publicPath + "#" + entries.get(1).id());

        Response feed = new Browser().get(story.publicPath + "/feed.xml");
        assertEquals(200, feed.statusCode());
        assertThat(feed.contentType()).startsWith("application/atom+xml");
        Document atom = Jsoup.parse(feed.asString(), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(atom.select("entry > title").eachText()).containsExactly("The ferry is cancelled.",
                "Winds of 150 km/h reach the harbour.");
        assertThat(atom.select("entry > content").first().text()).contains("<strong>ferry</strong>");
        assertThat(atom.selectFirst("feed > updated").text()).as("the feed changed with its newest entry")
                .isEqualTo(atom.selectFirst("entry > updated").text());
        assertThat(page.select("link[type=application/atom+xml]").attr("href")).isEqualTo(story.publicPath + "/feed.xml");
    }

    @Test
    void anEntryCorrectedSaysSoAndADeletedOneLeavesThePageButNotTheAuditLog() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.liveStory("Count goes on " + Fixtures.unique("c"), reporter, editor);
        LiveEntry first = fixtures.liveEntry(story.id, "Turnout is 40 per cent.", reporter, false);
        LiveEntry second = fixtures.liveEntry(story.id, "A rumour that will be withdrawn.", reporter, false);

        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document form = desk.page("/desk/stories/" + story.id + "/live/entries/" + first.id);
        assertThat(form.getElementById("entry").text()).contains("Turnout is 40 per cent.");
        desk.follow(desk.form(form, "#entry-form").set("entry", "Turnout is 44 per cent.")
                .set("correction", "The turnout was misreported.").press("Save entry"));
        Document listed = desk.page("/desk/stories/" + story.id + "/live");
        Response deleted = desk.form(listed, "#entry-" + second.id + " form")
                .press(listed.selectFirst("#entry-" + second.id + " form button").text());
        assertEquals(303, deleted.statusCode());

        Document page = new Browser().page(story.publicPath);
        assertThat(page.select("#live-entries .live-entry")).hasSize(1);
        Element corrected = page.getElementById("entry-" + first.id);
        assertThat(corrected.select(".entry-body").text()).isEqualTo("Turnout is 44 per cent.");
        assertThat(corrected.select(".entry-corrected").text()).startsWith("Corrected").endsWith(": The turnout was misreported.");
        assertThat(page.text()).doesNotContain("A rumour that will be withdrawn.");
        assertThat(desk.page("/desk/stories/" + story.id + "/history").text()).contains("Live entry deleted")
                .contains("A rumour that will be withdrawn.").contains("Live entry corrected").contains("Turnout is 40 per cent.");

        // Another reporter may neither correct nor delete it.
        Browser other = new Browser().signIn(fixtures.staff(Role.REPORTER).username, Fixtures.PASSWORD);
        assertEquals(403, other.form(other.page("/desk/stories/" + story.id + "/live/entries/" + first.id), "#entry-form")
                .set("entry", "Vandalised").press("Save entry").statusCode());
    }

    @Test
    void badInputComesBackWithItsMessageAndWhatWasTypedThePictureKept() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.liveStory("Summit talks " + Fixtures.unique("b"), reporter, fixtures.staff(Role.EDITOR));
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response empty = writer.form(writer.page("/desk/stories/" + story.id + "/live"), "#entry-form").set("entry", "  ")
                .press("Post entry");
        assertEquals(400, empty.statusCode());
        Document again = Jsoup.parse(empty.asString());
        assertThat(again.title()).startsWith("Error:");
        assertThat(again.select(".error-summary li").eachText()).containsExactly("Write the entry");

        Response noAlt = writer.form(writer.page("/desk/stories/" + story.id + "/live"), "#entry-form")
                .set("entry", "Leaders arrive.").attach("imageFile", "arrival.jpg", TestImages.jpeg(800, 600), "image/jpeg")
                .press("Post entry");
        assertEquals(400, noAlt.statusCode());
        Document kept = Jsoup.parse(noAlt.asString());
        assertThat(kept.select(".error-summary li").eachText()).containsExactly(
                "Describe the image for readers who cannot see it (alt text)");
        assertThat(kept.getElementById("entry").text()).isEqualTo("Leaders arrive.");
        assertThat(kept.select("input[name=imageKey]").val()).as("the picture is not chosen twice").isNotBlank();
        Response posted = writer.form(kept, "#entry-form").set("imageAlt", "Leaders walk to the hall")
                .set("imageCaption", "Arrival at the summit").press("Post entry");
        assertEquals(303, posted.statusCode());
        Document page = new Browser().page(story.publicPath);
        assertThat(page.select(".live-entry figure img").attr("alt")).isEqualTo("Leaders walk to the hall");
        assertThat(page.select(".live-entry figcaption").text()).isEqualTo("Arrival at the summit");
    }

    @Test
    void endedCoverageSaysSoTakesNoMoreEntriesAndItsStreamTellsBrowsersToStop() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.liveStory("Match day " + Fixtures.unique("e"), reporter, editor);
        fixtures.liveEntry(story.id, "Kick-off.", reporter, true);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Response ended = desk.form(desk.page("/desk/stories/" + story.id + "/live"), "form[action$=/live/end]")
                .press("End live coverage");
        assertEquals(303, ended.statusCode());

        Document page = new Browser().page(story.publicPath);
        assertThat(HtmlChecker.errors(page.outerHtml())).isEmpty();
        assertThat(page.select(".live-ended").text()).startsWith("Live coverage has ended");
        assertThat(page.select(".live-badge, script[src*=live.js]")).isEmpty();
        assertThat(page.select("#live-entries .live-entry")).hasSize(1);
        JsonNode ld = JSON.readTree(page.select("script[type=application/ld+json]").first().data());
        assertThat(ld.path("coverageEndTime").asText()).isEqualTo(page.select(".live-ended time").attr("datetime"));

        Document deskPage = desk.page("/desk/stories/" + story.id + "/live");
        assertThat(deskPage.getElementById("post-refusal").text()).contains("has ended");
        assertThat(deskPage.select("#entry-form")).isEmpty();
        assertEquals(204, new Browser().get("/live/" + story.id + "/events").statusCode());
        assertThat(desk.page("/desk/stories/" + story.id + "/history").text()).contains("Live coverage ended");
    }
}
