package org.copydesk.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** A large archive gets a sitemap index (here with pages of 2 stories instead of 50,000). */
@QuarkusTest
@TestProfile(SitemapIndexTest.SmallSitemaps.class)
class SitemapIndexTest {

    /** Sitemap pages of two stories. */
    public static class SmallSitemaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("copydesk.sitemap.page-size", "2");
        }
    }

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
