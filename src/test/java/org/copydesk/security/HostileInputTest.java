package org.copydesk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Stored-XSS and template payloads typed into every text field, then every page that shows them
 * checked for anything live; SQL metacharacters in search; bad bytes, control characters and
 * over-long input answered with a clear 4xx, never a 500.
 */
@QuarkusTest
class HostileInputTest {

    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "'><svg onload=alert(1)>",
            "</title><script>alert(1)</script>",
            "javascript:alert(1)",
            "{inject:csrf.token} {#if true}TEMPLATE{/if} ${7*7} {{7*7}} #{7*7}",
            "'; DROP TABLE story; --");

    @Inject
    Fixtures fixtures;

    @Test
    void everyStoryFieldShowsHostileTextInertOnEveryPage() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Browser reader = new Browser();
        for (String payload : PAYLOADS) {
            String mark = Fixtures.unique("hx").replace("-", "");
            Response saved = writer.form(writer.page("/desk/stories/new"), "#story-form")
                    .set("headline", mark + " " + payload).set("standfirst", payload).set("kicker", payload.substring(0, Math.min(60, payload.length())))
                    .set("body", payload + "\n\n" + mark).set("datelinePlace", payload.substring(0, Math.min(80, payload.length())))
                    .set("tags", "Tag " + mark + " " + payload.substring(0, Math.min(50, payload.length()))).set("creditLine", payload)
                    .set("notesToEditor", payload).set("newAuthorName", "Author " + mark + " " + payload)
                    .press("Submit for review");
            assertThat(saved.statusCode()).as(payload + ": " + saved.asString()).isEqualTo(303);
            long id = Browser.storyIdOf(saved);
            Document storyDesk = writer.follow(saved);
            writer.form(storyDesk, "form[action$=/comments]").set("staffComment", payload).press("Add comment");
            Response published = desk.form(desk.page("/desk/stories/" + id), "#story-form").pressThroughCheck("Publish");
            assertThat(published.statusCode()).as(payload).isEqualTo(303);

            Story story = fixtures.reload(id);
            String authorSlug = story.bylines.stream().map(b -> b.author).filter(a -> a.name.contains(mark))
                    .findFirst().map(a -> a.slug).orElseThrow();
            String tagSlug = story.tags.iterator().next().slug;
            for (String path : List.of(story.publicPath, "/", "/world", "/tags/" + tagSlug, "/authors/" + authorSlug,
                    "/search?q=" + mark)) {
                assertInert(reader.get(path), payload, path, true);
            }
            for (String path : List.of("/feed.xml", "/world/feed.xml", "/authors/" + authorSlug + "/feed.xml",
                    "/sitemap-news.xml")) {
                assertWellFormedXml(reader.get(path), payload, path);
            }
            for (String path : List.of("/desk/stories/" + id, "/desk", "/desk/stories/" + id + "/history",
                    "/desk/search?q=" + mark, "/desk/stories/" + id + "/preview")) {
                assertInert(desk.get(path), payload, path, false);
            }
            assertThat(reader.get(story.publicPath).asString()).as("notes and comments stay in the desk")
                    .doesNotContain(mark + "-note");
            assertThat(Jsoup.parse(reader.get(story.publicPath).asString()).select("h1").text())
                    .as("the headline shows as typed").isEqualTo(mark + " " + payload);
        }
    }

    @Test
    void authorBioAndSiteSettingsShowHostileTextInert() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("Settings check " + Fixtures.unique("s"), reporter, editor);
        fixtures.dateline(live.id, "Bamako");
        AuthorProfile author = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> AuthorProfile.findByStaffAccount(reporter).orElseThrow());
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        Browser reader = new Browser();
        try {
            for (String payload : PAYLOADS) {
                Response bio = desk.form(desk.page("/desk/authors/" + author.id), "form.narrow-form")
                        .set("name", author.name).set("bio", payload).press("Save profile");
                assertThat(bio.statusCode()).as(payload).isEqualTo(303);
                Response settings = admin.form(admin.page("/desk/settings"), "form[action=/desk/settings]")
                        .set("siteName", "Paper " + payload).set("agencyCredit", payload.substring(0, Math.min(60, payload.length())))
                        .set("datelineFormat", "MMM d").press("Save settings");
                assertThat(settings.statusCode()).as(payload + ": " + settings.asString()).isEqualTo(303);
                for (String path : List.of("/authors/" + author.slug, "/", fixtures.reload(live.id).publicPath, "/world",
                        "/search?q=settings")) {
                    assertInert(reader.get(path), payload, path, true);
                }
                for (String path : List.of("/feed.xml", "/sitemap-news.xml")) {
                    assertWellFormedXml(reader.get(path), payload, path);
                }
                assertInert(admin.get("/desk/settings"), payload, "/desk/settings", false);
                assertInert(desk.get("/desk/authors/" + author.id), payload, "/desk/authors/{id}", false);
            }
        } finally {
            admin.form(admin.page("/desk/settings"), "form[action=/desk/settings]").set("siteName", "Copydesk")
                    .set("agencyCredit", "Copydesk").set("datelineFormat", "MMM d").press("Save settings");
        }
    }

    @Test
    void sqlMetacharactersInSearchAndFiltersChangeNothing() {
        List<String> wrong = new ArrayList<>();
        String plain = given().get("/search?q=zzqxnothing").asString();
        for (String attack : List.of("' OR 1=1 --", "\" OR \"\"=\"", "1; DROP TABLE story", "%' AND pg_sleep(2)--",
                "') UNION SELECT password_hash FROM staff_account --", "\\", "'''", "!!!", "(", "<->", ":*")) {
            for (String query : List.of("q=" + enc(attack), "q=mali&section=" + enc(attack), "q=mali&author=" + enc(attack),
                    "q=mali&page=" + enc(attack))) {
                long started = System.nanoTime();
                Response response = given().urlEncodingEnabled(false).get("/search?" + query);
                long millis = (System.nanoTime() - started) / 1_000_000;
                String body = response.asString();
                if (response.statusCode() >= 500 || body.contains("$2a$") || body.contains("PSQLException")
                        || body.contains("syntax error") || millis > 1500) {
                    wrong.add(query + " → " + response.statusCode() + " in " + millis + " ms");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(Jsoup.parse(plain).select(".search-results li")).isEmpty();
    }

    @Test
    void badBytesControlCharactersAndOverLongInputGetAClearMessage() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Map<String, String> cases = Map.of(
                "headline", "Null \u0000 byte",
                "standfirst", "Bell \u0007 and escape \u001B[31m",
                "body", "Body with \u0000 inside",
                "kicker", "K\u0008",
                "tags", "Tag\u0000",
                "datelinePlace", "Bamako\u0000",
                "notesToEditor", "Note \u0000");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            Document form = writer.page("/desk/stories/new");
            Response response = writer.form(form, "#story-form").set("headline", "Control characters")
                    .set(bad.getKey(), bad.getValue()).press("Save draft");
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            Document page = Jsoup.parse(response.asString());
            assertThat(page.select(".error-summary, .error-message").text()).as(bad.getKey()).containsIgnoringCase("character");
        }
        Response longHeadline = writer.form(writer.page("/desk/stories/new"), "#story-form")
                .set("headline", "x".repeat(5000)).press("Save draft");
        assertThat(longHeadline.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(longHeadline.asString()).select("#headline-error").text()).contains("200");

        Browser staffer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Story story = fixtures.story("Comment control " + Fixtures.unique("c"), reporter, null);
        Response comment = staffer.form(staffer.page("/desk/stories/" + story.id), "form[action$=/comments]")
                .set("staffComment", "Hello\u0000").press("Add comment");
        assertThat(comment.statusCode()).isEqualTo(400);
        Response empty = staffer.form(staffer.page("/desk/stories/" + story.id), "form[action$=/comments]")
                .set("staffComment", "").press("Add comment");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(empty.asString()).select("#staffComment-error").text()).contains("Write a comment");
    }

    /** Nothing on the page runs: scripts only our own (or JSON-LD data), no event handlers, no javascript: links. */
    static void assertInert(Response response, String payload, String path, boolean isPublic) {
        String what = path + " with " + payload;
        assertThat(response.statusCode()).as(what).isLessThan(500);
        String html = response.asString();
        Document doc = Jsoup.parse(html);
        for (Element script : doc.select("script")) {
            boolean ours = script.attr("src").startsWith("/static/") || script.attr("src").startsWith("/bundle/");
            boolean data = "application/ld+json".equals(script.attr("type"));
            assertThat(ours || data).as(what + ": " + script.outerHtml()).isTrue();
            if (data) {
                assertThat(script.data()).as(what).doesNotContain("</script", "<script", "<img", "<svg");
            }
        }
        for (Element element : doc.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as(what + ": " + element.outerHtml()).doesNotStartWith("on");
                if (List.of("href", "src", "action", "formaction", "srcset", "data", "poster").contains(attribute.getKey())) {
                    assertThat(attribute.getValue().strip().toLowerCase()).as(what).doesNotStartWith("javascript:");
                }
            }
        }
        assertThat(doc.select("img[src=x], svg")).as(what).isEmpty();
        assertThat(html).as(what + ": template syntax is shown, never run").doesNotContain("TEMPLATE}")
                .doesNotContain(">49<");
        if (isPublic) {
            assertThat(html).as(what).doesNotContain("csrf-token\" value");
        }
    }

    static void assertWellFormedXml(Response response, String payload, String path) {
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        Document xml = Jsoup.parse(response.asString(), "", Parser.xmlParser());
        assertThat(xml.select("script, img, svg")).as(path + " with " + payload).isEmpty();
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(response.asByteArray()));
        } catch (Exception e) {
            throw new AssertionError(path + " with " + payload + " is not well-formed XML: " + e.getMessage());
        }
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
