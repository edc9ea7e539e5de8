package org.copydesk.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.web.HtmlCharset;
import org.junit.jupiter.api.Test;

/**
 * HEAD says what GET would, and every HTML answer names its charset (PageCacheTest checks HEAD on pages kept in
 * memory; here they are rendered each time, as with the cache off).
 */
@QuarkusTest
class HttpToTheLetterTest {

    private static final List<String> SAME_AS_GET = List.of("ETag", "Last-Modified", "Cache-Control", "Content-Type", "Vary");

    @Inject
    Fixtures fixtures;

    @Test
    void headAnswersWithTheHeadersOfGetAndNoCookie() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.published("Head of the river " + Fixtures.unique("h"), reporter, fixtures.staff(Role.EDITOR));
        fixtures.tag(story.id, "Rowing");
        String path = fixtures.reload(story.id).publicPath;
        for (String page : List.of("/", "/world", path, "/tags/rowing", "/feed.xml", "/sitemap.xml", "/search?q=river")) {
            Response get = given().get(page);
            Response head = given().head(page);
            assertThat(head.statusCode()).as(page).isEqualTo(200);
            assertThat(head.asByteArray()).as(page).isEmpty();
            for (String header : SAME_AS_GET) {
                assertThat(head.header(header)).as(page + " " + header).isEqualTo(get.header(header));
            }
            assertThat(head.header("ETag")).as(page).isNotNull();
            assertThat(head.header("Set-Cookie")).as(page + ": nothing personal on a public page").isNull();
            Response conditional = given().header("If-None-Match", get.header("ETag")).head(page);
            assertThat(conditional.statusCode()).as(page).isEqualTo(304);
        }
        assertThat(given().head(path).header("Last-Modified")).isNotNull();
    }

    @Test
    void aFormShownAgainAfterAPostSaysItIsUtf8() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response refused = browser.form(browser.page("/desk/stories/new"), "#story-form").set("headline", "")
                .press("Save draft");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        Response forbidden = browser.post("/desk/settings", java.util.Map.of("siteName", List.of("Mine")));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
    }

    @Test
    void everyCharsetIsSaidOnceAndOtherTypesAreLeftAlone() {
        assertThat(HtmlCharset.withCharset("text/html")).isEqualTo("text/html;charset=UTF-8");
        assertThat(HtmlCharset.withCharset("text/html;charset=UTF-8")).isEqualTo("text/html;charset=UTF-8");
        assertThat(HtmlCharset.withCharset("TEXT/HTML; Charset=utf-8")).isEqualTo("TEXT/HTML; Charset=utf-8");
        assertThat(HtmlCharset.withCharset("application/json")).isEqualTo("application/json");
        assertThat(HtmlCharset.withCharset(null)).isNull();
    }
}
