package org.copydesk.desk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.SitemapCheck;
import org.copydesk.web.AppRoutes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A section may not take an address the site itself answers (its pages and stories would answer 404 while the
 * sitemap listed them); the list is the app's own, read from its resources; a section that took one before
 * (V22) is moved clear, its stories with it.
 */
@QuarkusTest
class SectionAddressTest {

    @Inject
    Fixtures fixtures;

    @Inject
    AppRoutes routes;

    @Test
    void aSlugTheSiteUsesIsRefusedWithAMessageAndTheFormKept() {
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser browser = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        for (String slug : List.of("images", "bundle", "static", "assets", "desk", "search", "tags", "authors", "preview", "q",
                "api", "login", "logout", "feed-xml", "robots-txt", "sitemap-xml")) {
            String name = "Section " + Fixtures.unique("s");
            Document page = browser.page("/desk/sections");
            Response refused = browser.form(page, "form[action=/desk/sections]").set("name", name).set("slug", slug)
                    .press("Add section");
            assertThat(refused.statusCode()).as(slug).isEqualTo(400);
            Document again = Jsoup.parse(refused.asString());
            assertThat(again.select("#slug-error").text()).as(slug).contains("“" + slug + "” is an address the site itself uses");
            assertThat(again.select("#name").val()).isEqualTo(name);
            assertThat(again.select("#slug").val()).isEqualTo(slug);
        }
        Document page = browser.page("/desk/sections");
        Response fromTheName = browser.form(page, "form[action=/desk/sections]").set("name", "Images").set("slug", "")
                .press("Add section");
        assertThat(fromTheName.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(fromTheName.asString()).select("#slug-error").text()).contains("“images”");

        String fine = "Images and video " + Fixtures.unique("v");
        Response added = browser.form(browser.page("/desk/sections"), "form[action=/desk/sections]").set("name", fine)
                .press("Add section");
        assertThat(added.statusCode()).isEqualTo(303);
    }

    @Test
    void theAddressesComeFromTheAppItself() {
        assertThat(routes.topLevel()).contains("images", "bundle", "static", "assets", "desk", "search", "tags", "authors",
                "preview", "q", "api", "login", "logout", "feed.xml", "sitemap.xml", "sitemap-news.xml", "robots.txt");
        assertThat(routes.topLevel()).noneMatch(name -> name.startsWith("{")).doesNotContain("world", "");
        assertThat(routes.shadows("world")).isFalse();
        assertThat(routes.shadows("security")).isFalse();
    }

    @Test
    void aSectionThatTookTheImagesAddressBeforeIsMovedClearWithItsStories() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Shadowed " + Fixtures.unique("i"), reporter, editor);
        String oldPath = "/images/2026/01/02/" + story.slug;
        QuarkusTransaction.requiringNew().run(() -> {
            Section images = new Section();
            images.name = "Images " + Fixtures.unique("n");
            images.slug = "images";
            images.position = 99;
            images.persist();
            Story shadowed = Story.findById(story.id);
            shadowed.section = images;
            shadowed.publicPath = oldPath;
            Story.getEntityManager().createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
        });
        assertThat(given().get(oldPath).statusCode()).as("the image route takes the path").isEqualTo(404);
        assertThat(SitemapCheck.everything(child -> given().get(child).asString())).contains(oldPath);

        String migration = Files.readString(Path.of("db-migrations/V22__sections_clear_of_site_paths.sql"));
        // Run again today, a migration changing public rows raises the version with them (V23).
        QuarkusTransaction.requiringNew().run(() -> Story.getEntityManager()
                .createNativeQuery(migration + "\nupdate public_version set value = value + 1 where id = 1;").executeUpdate());

        String newPath = "/images-section/2026/01/02/" + story.slug;
        assertThat(fixtures.reload(story.id).publicPath).isEqualTo(newPath);
        assertThat(given().get(newPath).statusCode()).isEqualTo(200);
        assertThat(given().get("/images-section").statusCode()).isEqualTo(200);
        String sitemap = SitemapCheck.everything(child -> given().get(child).asString());
        assertThat(sitemap).contains(newPath).doesNotContain(oldPath);
    }
}
