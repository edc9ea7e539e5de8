package org.copydesk.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The featured image: uploaded with the story form, checked by content, re-encoded, served in widths. */
@QuarkusTest
class ImageUploadTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aJpegIsStoredInWidthsAndShownOnThePublishedStory() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        String headline = "Pictured " + Fixtures.unique("i");
        Response saved = browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("headline", headline).set("body", "Text.")
                .set("imageAlt", "Barges moored at Vienna").set("imageCaption", "The Danube at Vienna.")
                .set("imageCredit", "Photo: A. Novak")
                .attach("imageFile", "photo.jpg", TestImages.jpeg(1000, 600), "image/jpeg")
                .press("Save draft");
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        long id = Browser.storyIdOf(saved);
        Story story = fixtures.reload(id);
        Image image = story.featuredImage;
        assertThat(image).isNotNull();
        assertThat(image.widths()).containsExactly(480, 800, 1000);
        assertThat(image.publicKey).matches("[A-Za-z0-9_-]{22}");

        Response rendition = given().get(image.url(480));
        assertThat(rendition.statusCode()).isEqualTo(200);
        assertThat(rendition.contentType()).isEqualTo("image/jpeg");
        assertThat(rendition.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(TestImages.decode(rendition.asByteArray()).getWidth()).isEqualTo(480);
        assertThat(TestImages.decode(rendition.asByteArray()).getHeight()).isEqualTo(288);
        assertThat(given().get("/images/" + image.publicKey + "/481.jpg").statusCode()).isEqualTo(404);
        assertThat(given().get("/images/" + image.publicKey + "/480.png").statusCode()).isEqualTo(404);

        fixtures.publish(id, editor);
        Document page = Jsoup.parse(given().get(fixtures.reload(id).publicPath).asString());
        Element img = page.selectFirst("figure.lead-image img");
        assertThat(img.attr("alt")).isEqualTo("Barges moored at Vienna");
        assertThat(img.attr("width")).isEqualTo("1000");
        assertThat(img.attr("height")).isEqualTo("600");
        assertThat(img.attr("srcset")).contains(image.url(480) + " 480w", image.url(800) + " 800w", image.url(1000) + " 1000w");
        assertThat(page.select("figure.lead-image figcaption").text()).isEqualTo("The Danube at Vienna. Photo: A. Novak");
        assertThat(page.select("meta[property=og:image]").attr("content")).endsWith(image.url(1000));
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        JsonNode article = new ObjectMapper().readTree(page.select("script[type=application/ld+json]").first().data());
        assertThat(article.at("/image/0/url").asText()).endsWith(image.url(1000));
        assertThat(article.at("/image/0/width").asInt()).isEqualTo(1000);
    }

    @Test
    void aPictureForAStoryThePersonMayNotChangeIsRefusedBeforeItIsRead() {
        StaffAccount writer = fixtures.staff(Role.REPORTER);
        Story theirs = fixtures.story("Not yours " + Fixtures.unique("n"), writer, null);
        StaffAccount other = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(other.username, Fixtures.PASSWORD);
        // The other reporter's own form gives a valid CSRF token; the post goes to the story that is not theirs.
        java.util.Map<String, List<String>> fields = new java.util.HashMap<>();
        for (Element hidden : browser.page("/desk/stories/new").select("#story-form input[type=hidden]")) {
            fields.put(hidden.attr("name"), List.of(hidden.val()));
        }
        fields.put("headline", List.of("Taken over"));
        fields.put("imageAlt", List.of("A picture"));
        long imagesBefore = imagesStored();

        Response refused = browser.postMultipart("/desk/stories/" + theirs.id, fields,
                java.util.Map.of("imageFile", new Browser.Upload("photo.jpg", TestImages.jpeg(1200, 800), "image/jpeg")));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(imagesStored()).as("no picture stored for a refused form").isEqualTo(imagesBefore);
        assertThat(fixtures.reload(theirs.id).headline).startsWith("Not yours");
    }

    private static long imagesStored() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Image.count());
    }

    @Test
    void webpIsAcceptedAndTransparentPngStaysPng() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Formats " + Fixtures.unique("f"), reporter, null);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);

        Response webp = browser.form(browser.page("/desk/stories/" + story.id), "#story-form").set("imageAlt", "A gradient")
                .attach("imageFile", "gradient.webp", TestImages.webp(), "image/webp").press("Save draft");
        assertThat(webp.statusCode()).as(webp.asString()).isEqualTo(303);
        Image fromWebp = fixtures.reload(story.id).featuredImage;
        assertThat(fromWebp.uploadedFormat).isEqualTo("webp");
        assertThat(fromWebp.format).isEqualTo("jpeg");

        Response png = browser.form(browser.page("/desk/stories/" + story.id), "#story-form").set("imageAlt", "A logo")
                .attach("imageFile", "logo.png", TestImages.pngWithTransparency(300, 300), "image/png").press("Save draft");
        assertThat(png.statusCode()).isEqualTo(303);
        Image fromPng = fixtures.reload(story.id).featuredImage;
        assertThat(fromPng.format).isEqualTo("png");
        Response served = given().get(fromPng.url(300));
        assertThat(served.contentType()).isEqualTo("image/png");
        assertThat(TestImages.decode(served.asByteArray()).getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void whatIsNotAnImageIsRefusedAndTheTypedTextStays() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] tooBig = new byte[ImageStore.MAX_BYTES + 1];
        System.arraycopy(TestImages.jpeg(10, 10), 0, tooBig, 0, TestImages.jpeg(10, 10).length);
        for (Object[] bad : List.of(new Object[] {"drawing.svg", svg, "image/svg+xml", "not a JPEG, PNG or WebP"},
                new Object[] {"photo.jpg", html, "image/jpeg", "not a JPEG, PNG or WebP"},
                new Object[] {"huge.jpg", tooBig, "image/jpeg", "larger than 10 MB"})) {
            Response refused = browser.form(browser.page("/desk/stories/new"), "#story-form")
                    .set("headline", "Kept headline").set("imageAlt", "Alt")
                    .attach("imageFile", (String) bad[0], (byte[]) bad[1], (String) bad[2]).press("Save draft");
            assertThat(refused.statusCode()).as((String) bad[0]).isEqualTo(400);
            Document page = Jsoup.parse(refused.asString());
            assertThat(page.select("#imageFile-error").text()).as((String) bad[0]).contains((String) bad[3]);
            assertThat(page.selectFirst("#headline").val()).isEqualTo("Kept headline");
        }
    }

    @Test
    void anImageNeedsAltTextAndIsKeptWhileTheFormIsFixed() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response missingAlt = browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("headline", "Alt text needed " + Fixtures.unique("a")).set("imageAlt", "")
                .attach("imageFile", "photo.jpg", TestImages.jpeg(600, 400), "image/jpeg").press("Save draft");
        assertThat(missingAlt.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(missingAlt.asString());
        assertThat(page.select("#imageAlt-error").text()).contains("Describe the image");
        String key = page.selectFirst("input[name=imageKey]").val();
        assertThat(key).as("the upload is kept, not asked for again").matches("[A-Za-z0-9_-]{22}");

        Response fixed = browser.form(page, "#story-form").set("imageAlt", "Now described").press("Save draft");
        assertThat(fixed.statusCode()).isEqualTo(303);
        long id = Browser.storyIdOf(fixed);
        assertThat(fixtures.reload(id).featuredImage.publicKey).isEqualTo(key);

        Response removed = browser.form(browser.page("/desk/stories/" + id), "#story-form").add("imageRemove", "on")
                .press("Save draft");
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(fixtures.reload(id).featuredImage).isNull();
    }

    @Test
    void aPayloadHiddenInAnImageDoesNotSurviveReEncoding() {
        byte[] jpeg = TestImages.jpeg(200, 100);
        byte[] polyglot = new byte[jpeg.length + 40];
        System.arraycopy(jpeg, 0, polyglot, 0, jpeg.length);
        byte[] script = "<script>alert('stored')</script>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(script, 0, polyglot, jpeg.length, script.length);
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response saved = browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("headline", "Polyglot " + Fixtures.unique("p")).set("imageAlt", "Shapes")
                .attach("imageFile", "shapes.jpg", polyglot, "image/jpeg").press("Save draft");
        assertThat(saved.statusCode()).isEqualTo(303);
        long id = Browser.storyIdOf(saved);
        byte[] served = given().get(fixtures.reload(id).featuredImage.url(200)).asByteArray();
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("<script");
    }
}
