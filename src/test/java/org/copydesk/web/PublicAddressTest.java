package org.copydesk.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryRedirect;
import org.copydesk.testing.Browser;
import org.copydesk.testing.ConfiguredLikeProduction;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * With COPYDESK_PUBLIC_URL set, every absolute address the site gives out (canonical links, Open Graph,
 * structured data, feeds, sitemaps, robots.txt, redirects, share links) is on it, whatever Host header the
 * request came with: a page kept in memory, by a proxy or a CDN carries no address someone made up.
 */
@QuarkusTest
@TestProfile(ConfiguredLikeProduction.class)
class PublicAddressTest {

    static final String PUBLIC = ConfiguredLikeProduction.PUBLIC_URL;
    static final String MADE_UP = "evil.example";

    @Inject
    Fixtures fixtures;

    @Test
    void pagesFeedsAndSitemapsGiveThePublicAddressNotTheHostHeader() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Addressed " + Fixtures.unique("a"), reporter, editor);
        String path = fixtures.reload(story.id).publicPath;

        String html = given().header("Host", MADE_UP).get(path).then().statusCode(200).extract().asString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(PUBLIC + path);
        assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo(PUBLIC + path);
        assertThat(page.select("script[type=application/ld+json]").html()).contains("\"url\":\"" + PUBLIC + path + "\"");
        assertThat(html).doesNotContain(MADE_UP);

        for (String address : List.of("/", "/feed.xml", "/world/feed.xml", "/sitemap.xml", "/sitemap-news.xml", "/robots.txt")) {
            String body = given().header("Host", MADE_UP).get(address).then().statusCode(200).extract().asString();
            assertThat(body).as(address).doesNotContain(MADE_UP);
        }
        assertThat(given().header("Host", MADE_UP).get("/sitemap.xml").asString()).contains("<loc>" + PUBLIC + "/sitemaps/");
        assertThat(org.copydesk.testing.SitemapCheck.everything(child -> given().header("Host", MADE_UP).get(child).asString()))
                .contains("<loc>" + PUBLIC + path + "</loc>").doesNotContain(MADE_UP);
        assertThat(given().header("Host", MADE_UP).get("/feed.xml").asString()).contains(PUBLIC + path);
        assertThat(given().header("Host", MADE_UP).get("/robots.txt").asString()).contains("Sitemap: " + PUBLIC + "/sitemap.xml");
        assertThat(given().header("Host", MADE_UP).get("/").asString()).contains("\"url\":\"" + PUBLIC + "/\"");
    }

    @Test
    void redirectsPointAtThePublicAddress() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Moved " + Fixtures.unique("m"), reporter, editor);
        String path = fixtures.reload(story.id).publicPath;
        String oldPath = "/world/2020/01/01/" + Fixtures.unique("old");
        QuarkusTransaction.requiringNew().run(() -> {
            StoryRedirect moved = new StoryRedirect();
            moved.oldPath = oldPath;
            moved.story = Story.findById(story.id);
            moved.createdAt = Instant.now();
            moved.persist();
        });
        Response permanent = given().header("Host", MADE_UP).redirects().follow(false).get(oldPath);
        assertThat(permanent.statusCode()).isEqualTo(301);
        assertThat(permanent.header("Location")).isEqualTo(PUBLIC + path);

        Response login = given().header("Host", MADE_UP).get("/login");
        String csrf = Jsoup.parse(login.asString()).select("input[name=csrf-token]").val();
        Response signedIn = given().header("Host", MADE_UP).cookies(login.cookies()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", csrf)
                .formParam("username", editor.username).formParam("password", Fixtures.PASSWORD).formParam("next", "/desk")
                .post("/login");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).isEqualTo(PUBLIC + "/desk");
    }

    @Test
    void aSharePreviewLinkIsOnThePublicAddress() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story draft = fixtures.story("Shared draft " + Fixtures.unique("s"), reporter, null);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document page = browser.page("/desk/stories/" + draft.id);
        Response shared = browser.form(page, "#previews form").press("Share preview");
        String message = browser.follow(shared).select(".flash").text();
        assertThat(message).contains(PUBLIC + "/preview/");
    }

    @Test
    void anAddressThatCannotBeTheSitesIsRefusedAtStartUp() {
        assertThat(PublicAddress.checked("https://news.example.com/")).isEqualTo("https://news.example.com");
        assertThat(PublicAddress.checked("http://localhost:8080")).isEqualTo("http://localhost:8080");
        for (String wrong : List.of("news.example.com", "ftp://news.example.com", "https://news.example.com/?x=1", "https:///x")) {
            assertThatThrownBy(() -> PublicAddress.checked(wrong)).as(wrong).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("COPYDESK_PUBLIC_URL");
        }
    }
}
