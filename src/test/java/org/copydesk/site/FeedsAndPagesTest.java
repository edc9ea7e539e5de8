package org.copydesk.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import javax.xml.parsers.DocumentBuilderFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.TestClock;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Feeds, sitemaps, robots.txt, tag pages, pagination and conditional requests. */
@QuarkusTest
class FeedsAndPagesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    org.copydesk.story.StoryService stories;

    @Inject
    TestClock clock;

    @AfterEach
    void resumeTheClock() {
        clock.resume();
    }

    @Test
    void feedsAndSitemapsAreXmlWithOnlyPublishedStories() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("Feed <live> & well " + Fixtures.unique("f"), reporter, editor);
        Story draft = fixtures.story("Feed draft " + Fixtures.unique("f"), reporter, editor, StoryAction.SUBMIT);
        Browser reader = new Browser();

        for (String path : new String[] {"/feed.xml", "/world/feed.xml"}) {
            Response feed = reader.get(path);
            assertEquals(200, feed.statusCode(), path);
            assertThat(feed.contentType()).startsWith("application/atom+xml");
            org.w3c.dom.Document xml = parse(feed.asString());
            assertEquals("feed", xml.getDocumentElement().getLocalName());
            assertThat(titles(xml, "entry")).contains(live.headline).doesNotContain(draft.headline);
        }
        org.w3c.dom.Document authorFeed = parse(reader.get("/authors/" + slugOf(reporter) + "/feed.xml").asString());
        assertThat(titles(authorFeed, "entry")).contains(live.headline);

        org.w3c.dom.Document sitemap = parse(reader.get("/sitemap.xml").asString());
        assertThat(sitemap.getDocumentElement().getTextContent()).contains(live.publicPath).doesNotContain(draft.slug);
        org.w3c.dom.Document news = parse(reader.get("/sitemap-news.xml").asString());
        assertThat(news.getDocumentElement().getTextContent()).contains(live.headline).contains("Copydesk");
        assertThat(reader.get("/robots.txt").asString()).contains("Sitemap: ").contains("/sitemap-news.xml")
                .contains("Disallow: /desk");
    }

    @Test
    void theFrontPageHasABlockPerSectionWithItsNewestPublishedStoriesNotShownAbove() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story inBlock = fixtures.published("In the world block " + Fixtures.unique("w"), reporter, editor);
        // Newer stories fill the lead, the second tier and the Latest list: the first one is left for the block.
        for (int i = 0; i < FrontPage.SET; i++) {
            fixtures.published("Newer " + i + " " + Fixtures.unique("w"), reporter, editor);
        }
        Story draft = fixtures.story("Draft not in a block " + Fixtures.unique("w"), reporter, null);
        Document front = new Browser().page("/");
        org.jsoup.nodes.Element world = front.selectFirst("section.section-block:has(h2 a[href=/world])");
        assertThat(world).as("a World block").isNotNull();
        assertThat(world.select(".teaser-headline").eachText()).contains(inBlock.headline).doesNotContain(draft.headline)
                .hasSizeLessThanOrEqualTo(4);
        assertThat(front.select(".teaser-headline").eachText()).filteredOn(inBlock.headline::equals).hasSize(1);
        assertThat(front.select("section.section-block h2").eachText()).doesNotHaveDuplicates();
    }

    @Test
    void tagPagesListPublishedStoriesAndListsPageWithStableLinks() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("Tagged " + Fixtures.unique("t"), reporter, editor);
        fixtures.tag(live.id, "Sahel");
        Document page = new Browser().page(fixtures.reload(live.id).publicPath);
        String tagUrl = page.select(".tags a").attr("href");
        assertThat(tagUrl).isEqualTo("/tags/sahel");
        assertThat(new Browser().page(tagUrl).select(".teaser a").eachText()).contains(live.headline);

        for (int i = 0; i < 31; i++) {
            fixtures.published("Filler " + i + " " + Fixtures.unique("t"), reporter, editor);
        }
        Document first = new Browser().page("/world");
        assertThat(first.select("link[rel=next]").attr("href")).isEqualTo("/world?page=2");
        Document second = new Browser().page("/world?page=2");
        assertThat(second.select("link[rel=prev]").attr("href")).isEqualTo("/world");
        assertEquals(404, new Browser().get("/world?page=9999").statusCode());
        assertEquals(404, new Browser().get("/world?page=" + (StoryList.MAX_PAGE + 1)).statusCode(), "lists stop at a bounded depth");
        java.util.List<org.copydesk.story.Story> full = java.util.Collections.nCopies(21, null);
        assertThat(StoryList.of(full, 20, StoryList.MAX_PAGE, "/world").next()).as("no link past the last page offered").isNull();
        assertThat(StoryList.of(full, 20, StoryList.MAX_PAGE, "/world").stories()).hasSize(20);
        assertThat(StoryList.of(full, 20, StoryList.MAX_PAGE - 1, "/world").next()).isEqualTo("/world?page=" + StoryList.MAX_PAGE);
    }

    @Test
    void aRepeatedRequestWithTheETagGets304() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("Cached " + Fixtures.unique("e"), reporter, editor);
        for (String path : new String[] {live.publicPath, "/", "/feed.xml"}) {
            Response first = io.restassured.RestAssured.given().get(path);
            String etag = first.header("ETag");
            assertThat(etag).as(path).isNotBlank();
            assertThat(first.header("Cache-Control")).contains("max-age").contains("stale-while-revalidate");
            Response again = io.restassured.RestAssured.given().header("If-None-Match", etag).get(path);
            assertEquals(304, again.statusCode(), path);
            assertThat(again.asString()).isEmpty();
        }
    }

    @Test
    void staticAssetsAreFingerprintedAndCachedForAYear() {
        Document front = new Browser().page("/");
        String css = front.select("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/static/[0-9a-f]{12}/copydesk\\.css");
        Response asset = io.restassured.RestAssured.given().get(css);
        assertEquals(200, asset.statusCode());
        assertThat(asset.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
        assertThat(asset.contentType()).startsWith("text/css");
        Response stale = io.restassured.RestAssured.given().redirects().follow(false).get("/static/000000000000/copydesk.css");
        assertEquals(301, stale.statusCode());
        assertEquals(404, io.restassured.RestAssured.given().get("/static/000000000000/application.properties").statusCode());
    }

    @Test
    void aStoryPageCarriesLastModifiedAndHonoursIfModifiedSince() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("Dated " + Fixtures.unique("m"), reporter, editor);
        Response first = io.restassured.RestAssured.given().get(live.publicPath);
        String lastModified = first.header("Last-Modified");
        assertThat(lastModified).isNotBlank();
        assertEquals(304, io.restassured.RestAssured.given().header("If-Modified-Since", lastModified)
                .get(live.publicPath).statusCode());
        assertEquals(200, io.restassured.RestAssured.given().header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
                .get(live.publicPath).statusCode());
    }

    @Test
    void listsAndFeedsCarryLastModifiedThatMovesOnEveryPublicChange() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("Listed " + Fixtures.unique("l"), reporter, editor);
        for (String path : new String[] {"/", "/world", "/feed.xml", "/world/feed.xml", "/sitemap.xml", "/sitemap-news.xml"}) {
            String lastModified = io.restassured.RestAssured.given().get(path).header("Last-Modified");
            assertThat(lastModified).as(path).isNotBlank();
            assertEquals(304, io.restassured.RestAssured.given().header("If-Modified-Since", lastModified).get(path).statusCode(), path);
        }
        String before = io.restassured.RestAssured.given().get("/").header("Last-Modified");
        // HTTP dates count whole seconds: the unpublication comes a second later by the app's clock.
        clock.stopAtOrAfter(ZonedDateTime.parse(before, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().plusSeconds(1));
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(
                () -> stories.act(live.id, org.copydesk.story.StoryAction.UNPUBLISH, editor, "Test"));
        clock.resume();
        Response after = io.restassured.RestAssured.given().header("If-Modified-Since", before).get("/");
        assertEquals(200, after.statusCode(), "unpublishing changes the front page's time");
        assertThat(after.asString()).doesNotContain(live.headline);
    }

    private static String slugOf(StaffAccount account) {
        return org.copydesk.web.Slugs.of(account.displayName, 120);
    }

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static java.util.List<String> titles(org.w3c.dom.Document xml, String parent) {
        java.util.List<String> titles = new java.util.ArrayList<>();
        NodeList entries = xml.getElementsByTagNameNS("*", parent);
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            titles.add(entry.getElementsByTagNameNS("*", "title").item(0).getTextContent());
        }
        return titles;
    }
}
