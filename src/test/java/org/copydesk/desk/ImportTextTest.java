package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** "Import text" on the new-story page, as a reporter without JavaScript uses it. */
@QuarkusTest
class ImportTextTest {

    @Inject
    Fixtures fixtures;

    @Test
    void theExampleWireStoryFillsTheFormAndSavesWithItsByline() throws IOException {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document blank = browser.page("/desk/stories/new");
        assertThat(blank.select("label[for=wireCopy]").text()).isEqualTo("Paste wire copy");

        Response importedResponse = browser.form(blank, "#story-form").set("wireCopy", Fixtures.agencyStory()).press("Import text");
        assertThat(importedResponse.statusCode()).isEqualTo(200);
        Document imported = Jsoup.parse(importedResponse.asString());
        assertThat(imported.selectFirst("#headline").val()).isEqualTo("Mali denies hiring private Russian military contractor");
        assertThat(imported.selectFirst("#standfirst").text())
                .isEqualTo("Foreign Minister Diop says disinformation part of smear campaign against government.");
        String body = imported.selectFirst("#body").wholeText();
        assertThat(body).startsWith("Malian Foreign Minister Abdoulaye Diop on Thursday denied")
                .doesNotContain("Mali denies hiring private Russian military contractor")
                .doesNotContain("Hüseyin Demir")
                .endsWith("PMCs are not relevant, he said.");
        assertThat(body.split("\n\n")).hasSize(12);
        assertThat(imported.select("#bylines .picker-name").eachText()).singleElement().asString().startsWith("Hüseyin Demir");
        assertThat(imported.select("[role=status]").text()).contains("nothing is saved yet");
        assertThat(Story.count("createdBy", reporter)).as("import saves nothing").isZero();

        Response saved = browser.form(imported, "#story-form").press("Save draft");
        assertThat(saved.statusCode()).isEqualTo(303);
        long id = Browser.storyIdOf(saved);
        Story story = fixtures.reload(id);
        assertThat(story.headline).isEqualTo("Mali denies hiring private Russian military contractor");
        assertThat(story.bylines).extracting(b -> b.author.name).containsExactly("Hüseyin Demir");
        assertThat(story.body).startsWith("<p>Malian Foreign Minister").contains("\"Any state protects its interests.");
    }

    @Test
    void markdownImportsWithItsHeadingsAndEmphasis() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document imported = Jsoup.parse(browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("wireCopy", "# Ports close\n\nThe river rises.\n\n## Shippers\n\nTraffic is **halted**.\n")
                .press("Import text").asString());
        assertThat(imported.selectFirst("#headline").val()).isEqualTo("Ports close");
        assertThat(imported.selectFirst("#body").wholeText()).contains("<h2>Shippers</h2>", "<strong>halted</strong>");
    }

    @Test
    void importingNothingSaysWhatIsMissing() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response response = browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("headline", "Typed before").set("wireCopy", "  ").press("Import text");
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("#wireCopy-error").text()).contains("Paste the wire copy to import");
        assertThat(page.selectFirst("#headline").val()).isEqualTo("Typed before");
    }
}
