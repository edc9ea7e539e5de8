package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: long copy opens again. 480 plain paragraphs overflowed production's 512 KB thread stack when the
 * edit page turned the stored body back into text, for everyone, on every open. The test JVM runs with
 * production's stack size (pom.xml, surefire's argLine), so the server threads here fail as they would there.
 */
@QuarkusTest
class LongCopyTest {

    static final int PARAGRAPHS = 5000;

    @Inject
    Fixtures fixtures;

    static String paragraphs(String what) {
        return IntStream.rangeClosed(1, PARAGRAPHS).mapToObj(i -> "Paragraph " + i + " of the " + what + ", as typed.")
                .collect(Collectors.joining("\n\n"));
    }

    /** The condition the tests below stand on: this JVM's threads get the stack production's do. */
    @Test
    void theTestJvmHasProductionsThreadStack() throws IOException {
        String production = Arrays.stream(Files.readString(Path.of("docker/java-options")).split("\\s+"))
                .filter(option -> option.startsWith("-Xss")).findFirst().orElseThrow();
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).contains(production);
    }

    @Test
    void aStoryOfFiveThousandTypedParagraphsOpensAgainForEditing() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        String body = paragraphs("long report");
        Response saved = browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("headline", "Long report " + Fixtures.unique("l")).set("body", body).press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());
        long id = Browser.storyIdOf(saved);

        Response again = browser.get("/desk/stories/" + id);
        assertEquals(200, again.statusCode());
        assertThat(Jsoup.parse(again.asString()).select("#body").val()).isEqualTo(body);
        assertThat(fixtures.reload(id).body).startsWith("<p>Paragraph 1 of the long report").endsWith("Paragraph 5000 of the long report, as typed.</p>");
    }

    @Test
    void fiveThousandParagraphsOfImportedWireCopyFillTheFormAndOpenAgain() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        String headline = "Long wire " + Fixtures.unique("w");
        Response imported = browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("wireCopy", headline + "\n\nThe standfirst.\n\n" + paragraphs("wire copy")).press("Import text");
        assertEquals(200, imported.statusCode());
        Document form = Jsoup.parse(imported.asString());
        assertThat(form.select("#headline").val()).isEqualTo(headline);
        assertThat(form.select("#body").val()).isEqualTo(paragraphs("wire copy"));

        Response saved = browser.form(form, "#story-form").press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());
        Response again = browser.get("/desk/stories/" + Browser.storyIdOf(saved));
        assertEquals(200, again.statusCode());
        assertThat(Jsoup.parse(again.asString()).select("#body").val()).isEqualTo(paragraphs("wire copy"));
    }

    /** A typed slug of many words overflowed the slug check (a recursive regex) before its length was checked. */
    @Test
    void aVeryLongTypedSlugGetsAMessageNotAnError() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response response = browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("headline", "Long slug").set("slug", "a-".repeat(50_000) + "a").press("Save draft");
        assertEquals(400, response.statusCode());
        assertThat(Jsoup.parse(response.asString()).select("#slug-error").text()).contains("characters");
    }
}
