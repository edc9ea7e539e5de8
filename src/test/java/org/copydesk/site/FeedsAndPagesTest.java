package org.copydesk.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.SitemapCheck;
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

        String sitemaps = SitemapCheck.everything(path -> reader.get(path).asString());
        assertThat(sitemaps).contains(live.publicPath).doesNotContain(draft.slug);
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

    @Test
    void aTagHasAFeedLinkedFromItsPageAndNoneWhenNothingPublishedCarriesIt() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("Tag feed " + Fixtures.unique("g"), reporter, editor);
        Story draft = fixtures.story("Tag feed draft " + Fixtures.unique("g"), reporter, editor, StoryAction.SUBMIT);
        String tag = "Feedtag " + Fixtures.unique("g");
        fixtures.tag(live.id, tag);
        fixtures.tag(draft.id, tag);
        String draftsOnly = "Drafttag " + Fixtures.unique("g");
        fixtures.tag(draft.id, draftsOnly);
        String slug = org.copydesk.web.Slugs.of(tag, 90);
        Browser reader = new Browser();

        Response feed = reader.get("/tags/" + slug + "/feed.xml");
        assertEquals(200, feed.statusCode());
        assertThat(feed.contentType()).startsWith("application/atom+xml");
        assertThat(feed.header("Last-Modified")).isNotBlank();
        org.w3c.dom.Document xml = parse(feed.asString());
        assertThat(titles(xml, "entry")).containsExactly(live.headline);
        assertThat(xml.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent()).endsWith("/tags/" + slug + "/feed.xml");
        Document page = reader.page("/tags/" + slug);
        assertThat(page.select("head link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("/tags/" + slug + "/feed.xml");
        assertEquals(404, reader.get("/tags/" + org.copydesk.web.Slugs.of(draftsOnly, 90) + "/feed.xml").statusCode());
        assertEquals(404, reader.get("/tags/no-such-tag-" + Fixtures.unique("n") + "/feed.xml").statusCode());
    }

    @Test
    void aBylineWithARoleLineIsAContributorKeepingItsRole() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("Two bylines " + Fixtures.unique("c"), reporter, editor);
        String helper = "Helping Hand " + Fixtures.unique("c");
        QuarkusTransaction.requiringNew().run(() -> {
            Story story = Story.findById(live.id);
            org.copydesk.people.AuthorProfile author = new org.copydesk.people.AuthorProfile();
            author.name = helper;
            author.slug = org.copydesk.web.Slugs.of(helper, 120);
            author.persist();
            story.bylines.add(new org.copydesk.story.Byline(author, "Additional reporting by"));
            Story.getEntityManager().createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
        });
        Element entry = entry(parse(new Browser().get("/feed.xml").asString()), live.headline);
        List<Element> authors = children(entry, ATOM, "author");
        assertThat(authors).hasSize(1);
        assertThat(text(authors.get(0), ATOM, "name")).isEqualTo(fixtures.reload(live.id).bylines.get(0).author.name);
        List<Element> contributors = children(entry, ATOM, "contributor");
        assertThat(contributors).hasSize(1);
        assertThat(text(contributors.get(0), ATOM, "name")).as("the name kept plain").isEqualTo(helper);
        assertThat(text(contributors.get(0), ATOM, "uri")).endsWith("/authors/" + org.copydesk.web.Slugs.of(helper, 120));
        assertThat(text(contributors.get(0), "urn:x-copydesk:atom", "role")).isEqualTo("Additional reporting by");
    }

    @Test
    void feedsCarryTheFullTextWhenTheSettingsSaySo() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.publishedWithBody("Full text " + Fixtures.unique("t"),
                "<p>Words of the body, with <a href=\"/world\">a link home</a>.</p><p>A second paragraph &amp; more.</p>", reporter, editor);
        Element summaryOnly = entry(parse(new Browser().get("/feed.xml").asString()), live.headline);
        assertThat(children(summaryOnly, ATOM, "content")).as("the summary only, by default").isEmpty();
        try {
            feedText("full");
            assertThat(new Browser().signIn("admin", "test-admin-password").page("/desk/settings")
                    .select("input[name=feedText][checked]").val()).isEqualTo("full");
            Element full = entry(parse(new Browser().get("/feed.xml").asString()), live.headline);
            List<Element> content = children(full, ATOM, "content");
            assertThat(content).hasSize(1);
            assertThat(content.get(0).getAttribute("type")).isEqualTo("html");
            Document body = org.jsoup.Jsoup.parseBodyFragment(content.get(0).getTextContent());
            assertThat(body.text()).contains("Words of the body", "A second paragraph & more.");
            assertThat(body.select("a").attr("href")).as("links made absolute").matches("https?://[^/]+/world");
        } finally {
            feedText("summary");
        }
        Element again = entry(parse(new Browser().get("/feed.xml").asString()), live.headline);
        assertThat(children(again, ATOM, "content")).isEmpty();
    }

    @Test
    void aCorrectionMovesTheFeedsUpdatedAndTheSitemapsLastmod() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("Corrected later " + Fixtures.unique("k"), reporter, editor);
        String path = fixtures.reload(live.id).publicPath;
        Story before = fixtures.reload(live.id);
        String published = org.copydesk.web.Times.iso(before.firstPublishedAt);
        String lastPublished = org.copydesk.web.Times.iso(Story.lastChange(before.firstPublishedAt, before.lastPublishedAt, null));
        Browser reader = new Browser();
        assertThat(text(entry(parse(reader.get("/feed.xml").asString()), live.headline), ATOM, "updated")).isEqualTo(lastPublished);

        // Whole seconds, so that the time written (to the second) is the correction's exactly.
        java.time.Instant at = clock.instant().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.stopAt(at);
        QuarkusTransaction.requiringNew().run(() -> stories.addCorrection(live.id, "An earlier version misspelt a name.", editor));
        clock.resume();
        String corrected = org.copydesk.web.Times.iso(at);

        org.w3c.dom.Document feed = parse(reader.get("/feed.xml").asString());
        assertThat(text(entry(feed, live.headline), ATOM, "updated")).isEqualTo(corrected);
        assertThat(text(entry(feed, live.headline), ATOM, "published")).isEqualTo(published);
        assertThat(text(feed.getDocumentElement(), ATOM, "updated")).as("the feed's own").isEqualTo(corrected);
        assertThat(text(entry(parse(reader.get("/world/feed.xml").asString()), live.headline), ATOM, "updated")).isEqualTo(corrected);

        String month = "/sitemaps/stories-" + java.time.YearMonth.now(org.copydesk.web.Newsroom.zone()) + ".xml";
        Document sitemap = org.jsoup.Jsoup.parse(reader.get(month).asString(), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(sitemap.select("url:has(loc:containsOwn(" + path + ")) > lastmod").text()).isEqualTo(corrected);
        Document index = org.jsoup.Jsoup.parse(reader.get("/sitemap.xml").asString(), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(index.select("sitemap:has(loc:containsOwn(" + month + ")) > lastmod").text()).as("the month's lastmod in the index")
                .isEqualTo(corrected);
    }

    @Test
    void everyTimeInEveryFeedAndSitemapIsRfc3339ToTheSecondWithAZone() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        // On the minute (the last one, not the next: the test clock is never stopped far ahead): the seconds are zero,
        // which OffsetDateTime.toString() would leave out.
        clock.stopAt(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        Story live = fixtures.published("On the minute " + Fixtures.unique("r"), reporter, editor);
        String tag = "Timed " + Fixtures.unique("r");
        fixtures.tag(live.id, tag);
        QuarkusTransaction.requiringNew().run(() -> stories.addCorrection(live.id, "A time on the minute.", editor));
        clock.resume();
        Browser reader = new Browser();
        java.util.List<String> documents = new java.util.ArrayList<>(java.util.List.of("/feed.xml", "/feed.xml?lang=en", "/world/feed.xml",
                "/authors/" + fixtures.reload(live.id).bylines.get(0).author.slug + "/feed.xml",
                "/tags/" + org.copydesk.web.Slugs.of(tag, 90) + "/feed.xml", "/sitemap.xml", "/sitemap-news.xml"));
        documents.addAll(SitemapCheck.children(path -> reader.get(path).asString()));
        for (String path : documents) {
            Response response = reader.get(path);
            assertEquals(200, response.statusCode(), path);
            java.util.List<String> times = SitemapCheck.texts(response.asString(), "updated", "published", "lastmod", "publication_date");
            assertThat(times).as(path + " has times").isNotEmpty();
            assertThat(times).as(path).allSatisfy(time -> assertThat(time).matches(SitemapCheck.RFC_3339));
        }
    }

    @Test
    void theNewsSitemapHasWhatGoogleRequires() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("News & views " + Fixtures.unique("n"), reporter, editor);
        String xml = new Browser().get("/sitemap-news.xml").asString();
        // Google's sitemap-news.xsd is in no package found (src/test/resources/sitemaps/README.md): the sitemaps.org
        // schema for the urlset, then each news:news as Google's documentation and its schema's sequence ask.
        SitemapCheck.validUrlset(xml, "/sitemap-news.xml");
        Document news = org.jsoup.Jsoup.parse(xml, "", org.jsoup.parser.Parser.xmlParser());
        assertThat(news.select("urlset").attr("xmlns:news")).isEqualTo("http://www.google.com/schemas/sitemap-news/0.9");
        assertThat(news.select("urlset > url")).isNotEmpty().hasSizeLessThanOrEqualTo(1000).allSatisfy(url -> {
            assertThat(url.select("> loc").text()).startsWith("http");
            org.jsoup.select.Elements items = url.select("> news|news");
            assertThat(items).hasSize(1);
            assertThat(items.get(0).children().stream().map(org.jsoup.nodes.Element::tagName).toList())
                    .containsExactly("news:publication", "news:publication_date", "news:title");
            org.jsoup.nodes.Element publication = items.get(0).selectFirst("> news|publication");
            assertThat(publication.children().stream().map(org.jsoup.nodes.Element::tagName).toList())
                    .containsExactly("news:name", "news:language");
            assertThat(publication.selectFirst("> news|name").text()).isNotBlank();
            assertThat(publication.selectFirst("> news|language").text()).matches("[a-z]{2,3}|zh-cn|zh-tw");
            assertThat(items.get(0).selectFirst("> news|publication_date").text()).matches(SitemapCheck.RFC_3339);
            assertThat(items.get(0).selectFirst("> news|title").text()).isNotBlank();
        });
        assertThat(news.select("url:has(loc:containsOwn(" + fixtures.reload(live.id).publicPath + ")) news|title").text())
                .isEqualTo(live.headline);
    }

    /** The admin chooses what feeds carry on the settings page. */
    private static void feedText(String choice) {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        Response saved = admin.form(admin.page("/desk/settings"), "form[action=/desk/settings]").set("feedText", choice)
                .press("Save settings");
        assertEquals(303, saved.statusCode(), saved.asString());
    }

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    /** The feed's entry with this title. */
    private static Element entry(org.w3c.dom.Document feed, String title) {
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            if (title.equals(text(entry, ATOM, "title"))) {
                return entry;
            }
        }
        throw new AssertionError("No entry titled " + title);
    }

    /** The element's own children of this name (an entry's, not its feed's). */
    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new java.util.ArrayList<>();
        for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
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
