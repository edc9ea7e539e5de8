package org.copydesk.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.ReplicaAndSmallSitemaps;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** A large archive gets a sitemap index (here with pages of 2 stories instead of 50,000). */
@QuarkusTest
@TestProfile(ReplicaAndSmallSitemaps.class)
class SitemapIndexTest {

    @Inject
    Fixtures fixtures;

    @Test
    void pastThePageSizeTheSitemapIsAnIndexOfPages() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        for (int i = 0; i < 3; i++) {
            fixtures.published("Archive " + i + " " + Fixtures.unique("x"), reporter, editor);
        }
        Browser reader = new Browser();
        Document index = Jsoup.parse(reader.get("/sitemap.xml").asString(), "", Parser.xmlParser());
        assertThat(index.select("sitemapindex > sitemap > loc").eachText()).isNotEmpty()
                .allMatch(loc -> loc.contains("/sitemap.xml?page="));
        Document first = Jsoup.parse(reader.get("/sitemap.xml?page=1").asString(), "", Parser.xmlParser());
        assertThat(first.select("urlset > url > loc").size()).isBetween(1, 3);
        assertEquals(404, reader.get("/sitemap.xml?page=999").statusCode());
    }
}
