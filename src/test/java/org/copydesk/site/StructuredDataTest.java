package org.copydesk.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The story page's schema.org data parses and carries what search engines and aggregators need. */
@QuarkusTest
class StructuredDataTest {

    @Inject
    Fixtures fixtures;

    @Test
    void newsArticleHasEveryPropertyAndTheFrontPageAWebSiteWithSearch() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Structured </script><b>“data”</b> " + Fixtures.unique("j"), reporter, editor);
        fixtures.tag(story.id, "Mali");
        fixtures.dateline(story.id, "Moscow");
        Document page = new Browser().page(fixtures.reload(story.id).publicPath);
        ObjectMapper json = new ObjectMapper();
        JsonNode article = json.readTree(page.select("script[type=application/ld+json]").get(0).data());
        assertThat(article.get("@type").asText()).isEqualTo("NewsArticle");
        for (String property : new String[] {"headline", "description", "datePublished", "dateModified", "author",
                "publisher", "articleSection", "keywords", "dateline", "mainEntityOfPage"}) {
            assertThat(article.has(property)).as(property).isTrue();
        }
        assertThat(article.get("headline").asText()).isEqualTo(story.headline);
        assertThat(article.get("author").get(0).get("@type").asText()).isEqualTo("Person");
        assertThat(article.get("author").get(0).get("url").asText()).contains("/authors/");
        assertThat(article.get("publisher").get("@type").asText()).isEqualTo("Organization");
        assertThat(article.get("publisher").get("logo").get("url").asText()).endsWith("/assets/logo.png");
        assertThat(given().get(article.get("publisher").get("logo").get("url").asText().replaceFirst("^https?://[^/]+", ""))
                .contentType()).as("a raster logo, as Google asks").isEqualTo("image/png");
        assertThat(article.get("dateline").asText()).startsWith("MOSCOW, ");
        assertThat(page.select("script[type=application/ld+json]").get(0).data()).doesNotContain("</script>");
        JsonNode crumbs = json.readTree(page.select("script[type=application/ld+json]").get(1).data());
        assertThat(crumbs.get("@type").asText()).isEqualTo("BreadcrumbList");

        Document front = new Browser().page("/");
        JsonNode site = json.readTree(front.select("script[type=application/ld+json]").get(0).data());
        assertThat(site.get("@type").asText()).isEqualTo("WebSite");
        assertThat(site.get("potentialAction").get("target").asText()).endsWith("/search?q={search_term_string}");
    }

    @Test
    void rolesAreKeptAsContributorsAndThePlaceOfTheDatelineIsWhereItWasMade() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.published("Credits " + Fixtures.unique("j"), reporter, fixtures.staff(Role.EDITOR));
        String helper = "Aylin " + Fixtures.unique("r");
        fixtures.byline(story.id, helper, "Additional reporting by");
        fixtures.dateline(story.id, "İzmir");
        Document page = new Browser().page(fixtures.reload(story.id).publicPath);
        JsonNode article = new ObjectMapper().readTree(page.select("script[type=application/ld+json]").get(0).data());
        assertThat(article.get("author")).hasSize(1);
        assertThat(article.get("author").get(0).get("name").asText()).isEqualTo(reporter.displayName);
        JsonNode contributor = article.get("contributor").get(0);
        assertThat(contributor.get("@type").asText()).isEqualTo("Role");
        assertThat(contributor.get("roleName").asText()).isEqualTo("Additional reporting by");
        assertThat(contributor.get("contributor").get("@type").asText()).isEqualTo("Person");
        assertThat(contributor.get("contributor").get("name").asText()).isEqualTo(helper);
        assertThat(contributor.get("contributor").get("url").asText()).contains("/authors/");
        assertThat(article.get("locationCreated").get("@type").asText()).isEqualTo("Place");
        assertThat(article.get("locationCreated").get("name").asText()).isEqualTo("İzmir");
        assertThat(page.select(".byline").text()).isEqualTo("By " + reporter.displayName + "; Additional reporting by " + helper);
    }
}
