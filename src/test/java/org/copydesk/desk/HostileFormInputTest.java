package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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

/** Limits with clear errors: an oversized body, a stale form token, bytes that are not UTF-8. */
@QuarkusTest
class HostileFormInputTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aBodyOverTheLimitGetsAMessageAndTheSavedStoryIsKept() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        String headline = "Big body " + Fixtures.unique("h");
        Story story = fixtures.story(headline, reporter, null);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document form = browser.page("/desk/stories/" + story.id);
        Response response = browser.form(form, "#story-form").set("body", "word ".repeat(210_000)).press("Save draft");
        assertEquals(400, response.statusCode());
        assertThat(Jsoup.parse(response.asString()).select("#body-error").text()).contains("1000000 characters or fewer");
        assertThat(fixtures.reload(story.id).body).isEqualTo(story.body);
    }

    @Test
    void aStaleFormTokenGetsAClearMessageNotAnError() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Stale token " + Fixtures.unique("h"), reporter, null);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document form = browser.page("/desk/stories/" + story.id);
        Response response = browser.form(form, "#story-form").set("csrf-token", "expired-token-value")
                .set("headline", "Changed").press("Save draft");
        assertEquals(400, response.statusCode());
        assertThat(Jsoup.parse(response.asString()).text()).contains("has expired").contains("nothing was saved");
        assertThat(fixtures.reload(story.id).headline).isEqualTo(story.headline);
    }

    @Test
    void bytesThatAreNotUtf8NeverCauseAServerError() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        browser.page("/desk/stories/new");
        byte[] prefix = ("csrf-token=" + browser.cookie("copydesk-csrf") + "&headline=").getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        byte[] body = new byte[prefix.length + bad.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(bad, 0, body, prefix.length, bad.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/desk/stories"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "copydesk-csrf=" + browser.cookie("copydesk-csrf") + "; copydesk-session="
                        + browser.cookie("copydesk-session"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isLessThan(500);
        assertThat(response.body()).doesNotContain("Exception");
    }
}
