package org.copydesk.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The editor's "Image" button: upload to /desk/images, place the answer in the body, see it published. */
@QuarkusTest
class DeskImageUploadTest {

    @Inject
    Fixtures fixtures;

    @Test
    void anImageUploadedFromTheEditorAppearsInThePublishedBodyWithItsWidths() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        String csrf = browser.page("/desk/stories/new").selectFirst("input[name=csrf-token]").val();

        Response uploaded = browser.postMultipart("/desk/images", Map.of("csrf-token", List.of(csrf)),
                Map.of("file", new Browser.Upload("river.jpg", TestImages.jpeg(1300, 700), "image/jpeg")));
        assertThat(uploaded.statusCode()).isEqualTo(200);
        String src = uploaded.jsonPath().getString("src");
        assertThat(src).matches("/images/[A-Za-z0-9_-]{22}/1300\\.jpg");
        assertThat(uploaded.jsonPath().getInt("height")).isEqualTo(700);

        Story story = fixtures.publishedWithBody("Body image " + Fixtures.unique("b"),
                "<p>Lead.</p><img src=\"" + src + "\" alt=\"The river\" width=\"1300\" height=\"700\"><p>More.</p>", reporter, editor);
        Element img = Jsoup.parse(given().get(fixtures.reload(story.id).publicPath).asString()).selectFirst(".story-body img");
        assertThat(img.attr("alt")).isEqualTo("The river");
        assertThat(img.attr("srcset")).contains("480w", "800w", "1200w", "1300w");
        assertThat(img.attr("width")).isEqualTo("1300");
        assertThat(given().get(src).statusCode()).isEqualTo(200);
    }

    @Test
    void refusedFilesAndMissingTokensGetClearAnswers() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        String csrf = browser.page("/desk/stories/new").selectFirst("input[name=csrf-token]").val();
        Response refused = browser.postMultipart("/desk/images", Map.of("csrf-token", List.of(csrf)),
                Map.of("file", new Browser.Upload("x.svg", "<svg onload=alert(1)/>".getBytes(StandardCharsets.UTF_8), "image/svg+xml")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("error")).contains("not a JPEG, PNG or WebP");

        Response forged = browser.postMultipart("/desk/images", Map.of(),
                Map.of("file", new Browser.Upload("a.jpg", TestImages.jpeg(20, 20), "image/jpeg")));
        assertThat(forged.statusCode()).isEqualTo(400);

        Response anonymous = new Browser().postMultipart("/desk/images", Map.of("csrf-token", List.of(csrf)),
                Map.of("file", new Browser.Upload("a.jpg", TestImages.jpeg(20, 20), "image/jpeg")));
        // Not signed in: sent to sign in, as every desk address does, before the upload is read at all.
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.header("Location")).startsWith("/login?next=");
        assertThat(Image.count("createdBy is null")).isZero();
    }
}
