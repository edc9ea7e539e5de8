package org.copydesk.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.ReplicaAndSmallSitemaps;
import org.copydesk.testing.SitemapCheck;
import org.copydesk.web.Newsroom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * {@code /sitemap.xml} is an index of sitemaps: stories by month, split into pages past the page size (here 2
 * instead of 50,000), the front and section pages, tag pages and author pages, each valid against the sitemaps.org
 * schemas and dated; months in the newsroom's time zone (here +05:30). Through the read replica, as production reads
 * public pages with one.
 */
@QuarkusTest
@TestProfile(ReplicaAndSmallSitemaps.class)
class SitemapIndexTest {

    @Inject
    Fixtures fixtures;

    @Test
    void theIndexListsMonthsInPagesSectionsTagsAndAuthorsEachValidAndDated() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        List<Story> thisMonth = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            thisMonth.add(fixtures.published("Archive " + i + " " + Fixtures.unique("x"), reporter, editor));
        }
        String tag = "Indexed " + Fixtures.unique("t");
        fixtures.tag(thisMonth.get(0).id, tag);
        String draftTag = "Unpublished " + Fixtures.unique("t");
        Story draft = fixtures.story("Draft " + Fixtures.unique("x"), reporter, editor, StoryAction.SUBMIT);
        fixtures.tag(draft.id, draftTag);
        Story old = fixtures.published("From March last year " + Fixtures.unique("x"), reporter, editor);
        String oldPath = redate(old.id, ZonedDateTime.of(2025, 3, 10, 9, 0, 0, 0, Newsroom.zone()).toInstant());
        String emptySection = emptySection();
        // Half past midnight on 1 April in the newsroom's zone (+05:30) is still 31 March in UTC: April's story.
        Story april = fixtures.published("Just after midnight " + Fixtures.unique("x"), reporter, editor);
        String aprilPath = redate(april.id, ZonedDateTime.of(2025, 4, 1, 0, 30, 0, 0, Newsroom.zone()).toInstant());

        Browser reader = new Browser();
        String indexXml = reader.get("/sitemap.xml").asString();
        SitemapCheck.validIndex(indexXml, "/sitemap.xml");
        Document index = Jsoup.parse(indexXml, "", Parser.xmlParser());
        assertThat(index.select("sitemapindex > sitemap")).allSatisfy(sitemap ->
                assertThat(sitemap.select("lastmod").text()).as(sitemap.text()).matches(SitemapCheck.RFC_3339));
        List<String> children = SitemapCheck.children(path -> reader.get(path).asString());
        String month = YearMonth.now(Newsroom.zone()).toString();
        assertThat(children).contains("/sitemaps/sections.xml", "/sitemaps/stories-2025-03.xml", "/sitemaps/stories-2025-04.xml", "/sitemaps/stories-" + month + ".xml",
                "/sitemaps/stories-" + month + "-2.xml", "/sitemaps/tags.xml", "/sitemaps/authors.xml");

        List<String> monthLocs = new ArrayList<>();
        for (String child : children) {
            String xml = reader.get(child).asString();
            SitemapCheck.validUrlset(xml, child);
            Document sitemap = Jsoup.parse(xml, "", Parser.xmlParser());
            assertThat(sitemap.select("urlset > url").size()).as(child)
                    .isBetween(1, child.equals("/sitemaps/sections.xml") ? Integer.MAX_VALUE : 2);
            assertThat(sitemap.select("urlset > url > loc").eachText()).as(child).allMatch(loc -> loc.startsWith("http"));
            if (child.startsWith("/sitemaps/stories-" + month)) {
                monthLocs.addAll(sitemap.select("url > loc").eachText().stream().map(SitemapCheck::path).toList());
            }
        }
        assertThat(monthLocs).as("a month's pages list each of its stories once").doesNotHaveDuplicates()
                .contains(thisMonth.stream().map(s -> fixtures.reload(s.id).publicPath).toArray(String[]::new))
                .doesNotContain(oldPath);
        assertThat(reader.get("/sitemaps/stories-2025-03.xml").asString()).contains(oldPath).doesNotContain(aprilPath);
        assertThat(aprilPath).contains("/2025/04/01/");
        assertThat(reader.get("/sitemaps/stories-2025-04.xml").asString()).contains(aprilPath);

        String everything = SitemapCheck.everything(path -> reader.get(path).asString());
        assertThat(everything).as("tags with a published story only").contains("/tags/" + org.copydesk.web.Slugs.of(tag, 90) + "<")
                .doesNotContain("/tags/" + org.copydesk.web.Slugs.of(draftTag, 90) + "<")
                .as("sections with a published story only").contains("/world<").doesNotContain("/" + emptySection + "<")
                .as("the front page").containsPattern("<loc>http[^<]*/</loc>")
                .doesNotContain(draft.slug);

        for (String missing : List.of("/sitemaps/stories-2001-01.xml", "/sitemaps/stories-" + month + "-1.xml",
                "/sitemaps/stories-" + month + "-9999.xml", "/sitemaps/stories-2026-13.xml", "/sitemaps/tags-9999.xml",
                "/sitemaps/sections-2.xml", "/sitemaps/pages.xml", "/sitemap.xml?page=1")) {
            assertEquals(404, reader.get(missing).statusCode(), missing);
        }
    }

    /** Moves the story's first publication (and so its address's date) back, as an import of an old archive would. */
    private String redate(long id, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            Story story = Story.findById(id);
            story.firstPublishedAt = at;
            story.lastPublishedAt = at;
            story.publicPath = story.url(Newsroom.zone());
            Story.getEntityManager().createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
        });
        return fixtures.reload(id).publicPath;
    }

    /** A section nothing is published in: the sections' sitemap leaves it out. */
    private static String emptySection() {
        String slug = "empty-" + Fixtures.unique("s").toLowerCase();
        QuarkusTransaction.requiringNew().run(() -> {
            Section section = new Section();
            section.name = "Empty " + slug;
            section.slug = slug;
            section.position = 98;
            section.persist();
            Story.getEntityManager().createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
        });
        return slug;
    }
}
