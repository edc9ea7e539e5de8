package org.copydesk.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The reader's pages set like a newspaper's (issue 25): the front page shows each story once, every list page has an
 * absolute canonical and a description, the story page runs its dateline into the first paragraph and ends with
 * plain share links and More in its section, and the fonts are the site's own, cached for a year.
 */
@QuarkusTest
class NewspaperPagesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    org.copydesk.testing.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void resumeTheClock() {
        clock.resume();
    }

    @Test
    void theFrontPageShowsNoStoryTwice() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        for (String section : List.of("world", "politics", "business", "science", "culture", "sport")) {
            for (int i = 0; i < 4; i++) {
                fixtures.publishedIn(section, "Front " + section + " " + i + " " + Fixtures.unique("f"), "Paris", reporter, editor);
            }
        }
        Story newest = fixtures.publishedIn("politics", "Newest on the front " + Fixtures.unique("f"), "Rome", reporter, editor);

        Document front = new Browser().page("/");
        List<String> shown = front.select("main .teaser-headline a").eachAttr("href");
        assertThat(shown).as("every story on the front page").doesNotHaveDuplicates()
                .contains(fixtures.reload(newest.id).publicPath);
        assertThat(front.select(".lead .teaser-headline")).hasSize(1);
        assertThat(front.select(".top-stories .teaser")).hasSizeBetween(2, FrontPage.TOP_STORIES);
        assertThat(front.select(".lead .teaser, .top-stories .teaser, .latest .teaser")).as("the newest, set above the blocks")
                .hasSize(FrontPage.SET);
        assertThat(front.select(".latest .teaser")).hasSizeGreaterThanOrEqualTo(FrontPage.LATEST);
        assertThat(front.select(".section-block")).as("blocks of the sections' next stories").isNotEmpty();
        for (Element block : front.select(".section-block")) {
            assertThat(block.select(".teaser")).hasSizeBetween(1, SiteResource.SECTION_BLOCK_SIZE);
        }
        // The second page goes on where the first page's Latest list stopped: nothing is skipped or repeated.
        Document second = new Browser().page("/?page=2");
        assertThat(second.select("main .teaser-headline a").eachAttr("href"))
                .doesNotContainAnyElementsOf(front.select(".lead a, .top-stories a, .latest a").eachAttr("href"));
    }

    @Test
    void listPagesHaveAnAbsoluteCanonicalAndADescription() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.publishedIn("world", "Described " + Fixtures.unique("d"), "Oslo", reporter, editor);
        String tag = "Described " + Fixtures.unique("tag");
        fixtures.tag(story.id, tag);
        Document page = new Browser().page(fixtures.reload(story.id).publicPath);
        String author = page.select(".byline a").attr("href");
        String tagPath = page.select(".tags a").attr("href");

        for (String path : List.of("/", "/world", "/world?lang=en", "/world?page=2", tagPath, author)) {
            Response response = new Browser().get(path);
            if (response.statusCode() == 404) {
                continue; // /world?page=2 while the test database holds fewer than a page of World stories
            }
            Document list = org.jsoup.Jsoup.parse(response.asString());
            String canonical = list.select("link[rel=canonical]").attr("href");
            assertThat(canonical).as(path).matches("https?://[^/]+/.*").endsWith(path.equals("/") ? "/" : path);
            assertThat(list.select("meta[name=description]").attr("content")).as(path).isNotBlank();
        }
        Document world = new Browser().page("/world");
        assertThat(world.select("meta[name=description]").attr("content")).contains("World");
    }

    @Test
    void theStoryPageEndsWithPlainShareLinksAndMoreInItsSection() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story older = fixtures.publishedIn("science", "Older science " + Fixtures.unique("s"), "Lyon", reporter, editor);
        Story story = fixtures.publishedIn("science", "Shared science & more " + Fixtures.unique("s"), "Lyon", reporter, editor);
        String path = fixtures.reload(story.id).publicPath;
        Document page = new Browser().page(path);
        String canonical = page.select("link[rel=canonical]").attr("href");
        String encoded = URLEncoder.encode(canonical, StandardCharsets.UTF_8);

        List<String> share = page.select(".share a").eachAttr("href");
        assertThat(share).hasSize(4);
        assertThat(share.get(0)).startsWith("mailto:?subject=Shared%20science%20%26%20more").endsWith("&body=" + encoded);
        assertThat(share).contains("https://www.facebook.com/sharer/sharer.php?u=" + encoded,
                "https://www.linkedin.com/sharing/share-offsite/?url=" + encoded);
        assertThat(share.get(2)).startsWith("https://x.com/intent/post?url=" + encoded);
        assertThat(page.select("script")).as("no script but structured data")
                .allSatisfy(script -> assertThat(script.attr("type")).isEqualTo("application/ld+json"));
        assertThat(page.select(".share").attr("aria-label")).isEqualTo("Share this story");

        List<String> more = page.select(".more-in-section a").eachAttr("href");
        assertThat(more.get(0)).as("the heading links the section").isEqualTo("/science");
        assertThat(more).contains(fixtures.reload(older.id).publicPath).doesNotContain(path);
    }

    @Test
    void aNewerStoryInItsSectionMovesAStoryPagesLastModified() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.publishedIn("culture", "Read next " + Fixtures.unique("n"), "Porto", reporter, editor);
        String path = fixtures.reload(story.id).publicPath;
        String before = given().get(path).header("Last-Modified");
        assertEquals(304, given().header("If-Modified-Since", before).get(path).statusCode());
        // HTTP dates count whole seconds: the newer story comes a second later by the app's clock.
        clock.stopAtOrAfter(java.time.ZonedDateTime.parse(before, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant().plusSeconds(1));
        Story newer = fixtures.publishedIn("culture", "Newer in culture " + Fixtures.unique("n"), "Porto", reporter, editor);
        Response after = given().header("If-Modified-Since", before).get(path);
        assertEquals(200, after.statusCode(), "its More in Culture changed");
        assertThat(org.jsoup.Jsoup.parse(after.asString()).select(".more-in-section a").eachText()).contains(newer.headline);
    }

    @Test
    void theDatelineRunsIntoTheFirstParagraph() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.publishedIn("world", "Datelined " + Fixtures.unique("l"), "Istanbul", reporter, editor);
        Document page = new Browser().page(fixtures.reload(story.id).publicPath);
        Element first = page.selectFirst(".story-body > p");
        assertThat(first.child(0).is("span.dateline")).as(first.outerHtml()).isTrue();
        assertThat(first.text()).startsWith("ISTANBUL, ").contains("– First words of " + story.headline);
        assertThat(page.select(".story-body .dateline")).hasSize(1);
    }

    @Test
    void theFontsAreSelfHostedPreloadedAndCachedForAYear() {
        Document front = new Browser().page("/");
        String preload = front.select("link[rel=preload][as=font]").attr("href");
        assertThat(preload).matches("/static/[0-9a-f]{12}/source-serif-4-latin-wght-normal\\.woff2");
        assertThat(front.select("link[rel=preload][as=font]").hasAttr("crossorigin")).isTrue();

        String css = given().get(front.select("link[rel=stylesheet]").attr("href")).asString();
        Matcher fonts = Pattern.compile("url\\((/static/[0-9a-f]{12}/[a-z0-9-]+\\.woff2)\\)").matcher(css);
        List<String> urls = fonts.results().map(m -> m.group(1)).toList();
        assertThat(urls).as("the stylesheet names its fonts by their fingerprinted addresses").contains(preload)
                .anySatisfy(url -> assertThat(url).contains("/source-serif-4-latin-ext-wght-normal.woff2"));
        assertThat(css).doesNotContain("font-display: swap").contains("font-display: optional")
                .doesNotContainPattern("url\\(https?:");
        for (String url : urls) {
            Response font = given().get(url);
            assertEquals(200, font.statusCode(), url);
            assertThat(font.contentType()).isEqualTo("font/woff2");
            assertThat(font.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
            assertThat(new String(font.asByteArray(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("wOF2");
        }
    }
}
