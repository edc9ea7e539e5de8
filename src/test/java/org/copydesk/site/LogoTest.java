package org.copydesk.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.media.TestImages;
import org.copydesk.people.Role;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The newsroom's logo, uploaded in Settings: the masthead of every reader's page, and the publisher's logo. */
@QuarkusTest
class LogoTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SiteInfo site;

    private Browser admin;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        admin = new Browser().signIn("admin", "test-admin-password");
    }

    @AfterEach
    void noLogo() {
        Document settings = admin.page("/desk/settings");
        if (!settings.select("#remove").isEmpty()) {
            admin.form(settings, "form[action=/desk/settings/logo]").add("remove", "on").press("Save logo");
        }
    }

    @Test
    void anUploadedLogoIsTheMastheadAndThePublishersLogoUntilItIsRemoved() throws Exception {
        Story story = fixtures.published("Logo day " + Fixtures.unique("l"), fixtures.staff(Role.REPORTER), fixtures.staff(Role.EDITOR));
        String path = fixtures.reload(story.id).publicPath;
        assertThat(new Browser().page("/").selectFirst(".site-name img")).as("no logo yet: the name in type").isNull();

        Response saved = admin.form(admin.page("/desk/settings"), "form[action=/desk/settings/logo]")
                .attach("logo", "masthead.png", TestImages.pngWithTransparency(1800, 300), "image/png").press("Save logo");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(admin.follow(saved).select(".flash").text()).contains("Logo saved");

        for (String page : new String[] {"/", "/world", path, "/search"}) {
            Element logo = new Browser().page(page).selectFirst("header .site-name img.logo");
            assertThat(logo).as(page).isNotNull();
            assertThat(logo.attr("alt")).isEqualTo(site.name());
            assertThat(logo.attr("width")).isEqualTo("480");
            assertThat(logo.attr("height")).isEqualTo("80");
            assertThat(given().get(logo.attr("src")).contentType()).isEqualTo("image/png");
        }
        JsonNode article = new ObjectMapper().readTree(new Browser().page(path).select("script[type=application/ld+json]").get(0).data());
        JsonNode publisherLogo = article.get("publisher").get("logo");
        assertThat(publisherLogo.get("url").asText()).endsWith(site.logo().src()).endsWith(".png");
        assertThat(publisherLogo.get("width").asInt()).isEqualTo(480);

        Document removed = admin.follow(admin.form(admin.page("/desk/settings"), "form[action=/desk/settings/logo]")
                .add("remove", "on").press("Save logo"));
        assertThat(removed.select(".flash").text()).contains("Logo removed");
        Element name = new Browser().page("/").selectFirst("header .site-name");
        assertThat(name.select("img")).isEmpty();
        assertThat(name.text()).isEqualTo(site.name());
        article = new ObjectMapper().readTree(new Browser().page(path).select("script[type=application/ld+json]").get(0).data());
        assertThat(article.get("publisher").get("logo").get("url").asText()).endsWith("/assets/logo.png");
    }

    @Test
    void aFileThatIsNotAPictureIsRefusedWithAMessageAndChangesNothing() {
        Response refused = admin.form(admin.page("/desk/settings"), "form[action=/desk/settings/logo]")
                .attach("logo", "logo.png", "not a picture".getBytes(), "image/png").press("Save logo");
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = org.jsoup.Jsoup.parse(refused.asString());
        assertThat(page.select("#logo-error").text()).isNotBlank();
        assertThat(page.select("#siteName").val()).isEqualTo(site.name());
        assertThat(site.logo()).isNull();
    }
}
