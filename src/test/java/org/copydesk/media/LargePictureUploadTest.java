package org.copydesk.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Newsroom photos as they come (issue 21): a 12 MP phone photo held sideways, a 24 MP camera JPEG of about
 * 8 MB, 50 MP JPEG, PNG and WebP, as featured image, body image and author photo. Each is stored upright in
 * the usual widths, read a band at a time (never the whole picture at full resolution: the memory itself is
 * measured against the packaged app in {@code ops.LargePicturesIT}); when the decoding turns are taken, the
 * form comes back 503 with Retry-After and everything typed; a form over the body limit gets a page.
 */
@QuarkusTest
class LargePictureUploadTest {

    /** The bound on what one band of the decoded picture holds (PictureDecoder), with a row to spare. */
    private static final long BAND_LIMIT = PictureDecoder.WHOLE_PASS_BAND_BYTES + 64 * 1024;

    @Inject
    Fixtures fixtures;

    @Inject
    DecodeTurns turns;

    @Test
    void aTwelveMegapixelPhonePhotoHeldUprightIsStoredUprightInEveryWidth() {
        byte[] sideways = TestImages.withOrientation(TestImages.photo(4032, 3024, 40), 6); // turn right to stand up
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        PictureDecoder.largestBandBytesSinceLastAsked();
        Response saved = browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("headline", "Phone photo " + Fixtures.unique("p")).set("body", "Text.").set("imageAlt", "A street")
                .attach("imageFile", "IMG_0001.jpg", sideways, "image/jpeg").press("Save draft");
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        assertThat(PictureDecoder.largestBandBytesSinceLastAsked()).as("the 36 MB picture was read in bands")
                .isPositive().isLessThanOrEqualTo(PictureDecoder.BAND_BYTES + 64 * 1024);

        Image image = fixtures.reload(Browser.storyIdOf(saved)).featuredImage;
        assertThat(image.width).isEqualTo(2400);
        assertThat(image.height).isEqualTo(3200);
        assertThat(image.widths()).containsExactly(480, 800, 1200, 1600, 2400);
        BufferedImage small = TestImages.decode(given().get(image.url(480)).asByteArray());
        assertThat(small.getWidth()).isEqualTo(480);
        assertThat(small.getHeight()).isEqualTo(640);
        // Stored with its red quarter top left; turned right, that quarter is at the top right.
        assertThat(isRed(small.getRGB(small.getWidth() - 40, 40))).as("top right").isTrue();
        assertThat(isRed(small.getRGB(40, 40))).as("top left").isFalse();
        assertThat(isRed(small.getRGB(small.getWidth() - 40, small.getHeight() - 40))).as("bottom right").isFalse();
        BufferedImage widest = TestImages.decode(given().get(image.url(2400)).asByteArray());
        assertThat(widest.getWidth()).isEqualTo(2400);
        assertThat(widest.getHeight()).isEqualTo(3200);
    }

    @Test
    void aTwentyFourMegapixelCameraJpegOfEightMegabytesIsAcceptedFromTheEditor() {
        byte[] camera = TestImages.photo(6000, 4000, 60);
        assertThat(camera.length).as("like a camera's JPEG").isBetween(7_000_000, 9_500_000);
        Browser browser = new Browser().signIn(fixtures.staff(Role.REPORTER).username, Fixtures.PASSWORD);
        String csrf = browser.page("/desk/stories/new").selectFirst("input[name=csrf-token]").val();
        PictureDecoder.largestBandBytesSinceLastAsked();

        Response uploaded = browser.postMultipart("/desk/images", Map.of("csrf-token", List.of(csrf)),
                Map.of("file", new Browser.Upload("DSC_0042.JPG", camera, "image/jpeg")));
        assertThat(uploaded.statusCode()).as(uploaded.asString()).isEqualTo(200);
        assertThat(uploaded.jsonPath().getString("src")).matches("/images/[A-Za-z0-9_-]{22}/2400\\.jpg");
        assertThat(uploaded.jsonPath().getInt("width")).isEqualTo(2400);
        assertThat(uploaded.jsonPath().getInt("height")).isEqualTo(1600);
        assertThat(PictureDecoder.largestBandBytesSinceLastAsked()).isPositive().isLessThanOrEqualTo(PictureDecoder.BAND_BYTES + 64 * 1024);
        Response served = given().get(uploaded.jsonPath().getString("src"));
        assertThat(served.contentType()).isEqualTo("image/jpeg");
        BufferedImage widest = TestImages.decode(served.asByteArray());
        assertThat(widest.getWidth()).isEqualTo(2400);
        assertThat(isRed(widest.getRGB(100, 100))).as("not turned: no orientation tag").isTrue();
    }

    @Test
    void fiftyMegapixelJpegPngAndWebpAreAcceptedAsFeaturedImageBodyImageAndAuthorPhoto() {
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser browser = new Browser().signIn(editor.username, Fixtures.PASSWORD);

        // A JPEG as a body image.
        String csrf = browser.page("/desk/stories/new").selectFirst("input[name=csrf-token]").val();
        PictureDecoder.largestBandBytesSinceLastAsked();
        Response jpeg = browser.postMultipart("/desk/images", Map.of("csrf-token", List.of(csrf)),
                Map.of("file", new Browser.Upload("pano.jpg", TestImages.photo(8660, 5773, 24), "image/jpeg")));
        assertThat(jpeg.statusCode()).as(jpeg.asString()).isEqualTo(200);
        assertThat(jpeg.jsonPath().getInt("width")).isEqualTo(2400);
        assertThat(jpeg.jsonPath().getInt("height")).isEqualTo(1600);
        assertThat(PictureDecoder.largestBandBytesSinceLastAsked()).isPositive().isLessThanOrEqualTo(BAND_LIMIT);

        // A PNG with transparency (refused as "damaged" from about 17 MP before) as the featured image: still PNG.
        byte[] png = TestImages.bigPng(8660, 5773, true);
        assertThat(png.length).isLessThan(ImageStore.MAX_BYTES);
        Response featured = browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("headline", "Big PNG " + Fixtures.unique("g")).set("imageAlt", "A chart")
                .attach("imageFile", "chart.png", png, "image/png").press("Save draft");
        assertThat(featured.statusCode()).as(featured.asString()).isEqualTo(303);
        assertThat(PictureDecoder.largestBandBytesSinceLastAsked()).isPositive().isLessThanOrEqualTo(BAND_LIMIT);
        Image fromPng = fixtures.reload(Browser.storyIdOf(featured)).featuredImage;
        assertThat(fromPng.format).isEqualTo("png");
        assertThat(fromPng.width).isEqualTo(2400);
        assertThat(fromPng.height).isEqualTo(1600);
        BufferedImage servedPng = TestImages.decode(given().get(fromPng.url(800)).asByteArray());
        assertThat(servedPng.getColorModel().hasAlpha()).isTrue();
        assertThat(servedPng.getRGB(600, 400) >>> 24).as("the see-through half stays see-through").isBetween(90, 110);
        assertThat(servedPng.getRGB(100, 400) >>> 24).isEqualTo(255);

        // A WebP as an author photo.
        long authorId = QuarkusTransaction.requiringNew().call(() -> AuthorProfile.findByStaffAccount(editor).orElseThrow().id);
        Response photo = browser.form(browser.page("/desk/authors/" + authorId), "form[action$=/photo]")
                .attach("photo", "portrait.webp", TestImages.webp50Megapixels(), "image/webp").press("Save photo");
        assertThat(photo.statusCode()).as(photo.asString()).isEqualTo(303);
        assertThat(PictureDecoder.largestBandBytesSinceLastAsked()).isPositive().isLessThanOrEqualTo(BAND_LIMIT);
        Image fromWebp = QuarkusTransaction.requiringNew().call(() -> {
            Image image = AuthorProfile.<AuthorProfile>findById(authorId).photo;
            image.widths(); // loaded inside the transaction
            return image;
        });
        assertThat(fromWebp.uploadedFormat).isEqualTo("webp");
        assertThat(fromWebp.format).isEqualTo("jpeg");
        assertThat(fromWebp.width).isEqualTo(2400);
        assertThat(fromWebp.height).isEqualTo(1600);
        assertThat(isRed(TestImages.decode(given().get(fromWebp.url(480)).asByteArray()).getRGB(20, 20))).isTrue();
    }

    @Test
    void aWebpThatWouldBeDecodedWholeAtFullSizeIsRefusedWithAMessageAndTheFormKept() {
        Browser browser = new Browser().signIn(fixtures.staff(Role.REPORTER).username, Fixtures.PASSWORD);
        Response refused = browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("headline", "Kept headline").set("body", "Kept body.").set("imageAlt", "Alt")
                .attach("imageFile", "graphic.webp", TestImages.losslessWebp7Megapixels(), "image/webp").press("Save draft");
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select("#imageFile-error").text()).contains("lossless", "Save it as a PNG or a JPEG");
        assertThat(page.selectFirst("#headline").val()).isEqualTo("Kept headline");
    }

    @Test
    void whenEveryDecodingTurnIsTakenEachFormAnswers503WithRetryAfterAndKeepsWhatWasTyped() throws Exception {
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser browser = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        long authorId = QuarkusTransaction.requiringNew().call(() -> AuthorProfile.findByStaffAccount(editor).orElseThrow().id);
        Story story = fixtures.story("Busy " + Fixtures.unique("b"), editor, null);
        Document storyForm = browser.page("/desk/stories/" + story.id);
        Document authorForm = browser.page("/desk/authors/" + authorId);
        String csrf = storyForm.selectFirst("input[name=csrf-token]").val();
        byte[] picture = TestImages.jpeg(1200, 800);
        long imagesBefore = QuarkusTransaction.requiringNew().call(() -> Image.count());

        int all = turns.turns().drainPermits(); // every turn taken, as by uploads being decoded
        try {
            Response featured = browser.form(storyForm, "#story-form").set("headline", "Typed while busy")
                    .set("body", "A paragraph typed while busy.").set("imageAlt", "Described")
                    .attach("imageFile", "photo.jpg", picture, "image/jpeg").press("Save draft");
            assertThat(featured.statusCode()).isEqualTo(503);
            assertThat(featured.header("Retry-After")).isEqualTo(String.valueOf(ImagesBusyException.RETRY_AFTER_SECONDS));
            Document page = Jsoup.parse(featured.asString());
            assertThat(page.select("#imageFile-error").text()).contains("try", "again");
            assertThat(page.selectFirst("#headline").val()).isEqualTo("Typed while busy");
            assertThat(page.selectFirst("#body").val()).contains("A paragraph typed while busy.");
            assertThat(page.selectFirst("#imageAlt").val()).isEqualTo("Described");

            Response body = browser.postMultipart("/desk/images", Map.of("csrf-token", List.of(csrf)),
                    Map.of("file", new Browser.Upload("photo.jpg", picture, "image/jpeg")));
            assertThat(body.statusCode()).isEqualTo(503);
            assertThat(body.header("Retry-After")).isEqualTo(String.valueOf(ImagesBusyException.RETRY_AFTER_SECONDS));
            assertThat(body.jsonPath().getString("error")).contains("try", "again");

            Response photo = browser.form(authorForm, "form[action$=/photo]")
                    .attach("photo", "face.jpg", picture, "image/jpeg").press("Save photo");
            assertThat(photo.statusCode()).isEqualTo(503);
            assertThat(photo.header("Retry-After")).isNotBlank();
            assertThat(Jsoup.parse(photo.asString()).select("#photo-error").text()).contains("try", "again");
        } finally {
            turns.turns().release(all);
        }
        long imagesAfter = QuarkusTransaction.requiringNew().call(() -> Image.count());
        assertThat(imagesAfter).as("nothing stored").isEqualTo(imagesBefore);
        Response later = browser.form(browser.page("/desk/stories/" + story.id), "#story-form").set("imageAlt", "Described")
                .attach("imageFile", "photo.jpg", picture, "image/jpeg").press("Save draft");
        assertThat(later.statusCode()).as("once a turn is free").isEqualTo(303);
    }

    @Test
    void aFormOverTheBodyLimitGetsAPageSayingWhatToDoNotABareError() {
        Browser browser = new Browser().signIn(fixtures.staff(Role.REPORTER).username, Fixtures.PASSWORD);
        Document form = browser.page("/desk/stories/new");
        String csrf = form.selectFirst("input[name=csrf-token]").val();
        byte[] huge = new byte[13 * 1024 * 1024];
        byte[] start = TestImages.jpeg(10, 10);
        System.arraycopy(start, 0, huge, 0, start.length);

        // As a browser sends a form: its length first (RestAssured's multipart is chunked, without one).
        Response refused = postAsBrowser(browser, "/desk/stories", csrf, "imageFile", huge);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("text/html");
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select("h1").text()).isEqualTo("The file is too large");
        assertThat(page.text()).contains("nothing was saved", "up to 10 MB");

        Response fromEditor = postAsBrowser(browser, "/desk/images", csrf, "file", huge);
        assertThat(fromEditor.statusCode()).isEqualTo(413);
        assertThat(fromEditor.jsonPath().getString("error")).contains("nothing was saved");
    }

    @Test
    void aFormSentInChunksWithoutItsLengthIsWeighedAsItIsReadAndRefusedPastTheLimit() {
        Browser browser = new Browser().signIn(fixtures.staff(Role.REPORTER).username, Fixtures.PASSWORD);
        byte[] huge = new byte[13 * 1024 * 1024];
        byte[] start = TestImages.jpeg(10, 10);
        System.arraycopy(start, 0, huge, 0, start.length);
        long storiesBefore = QuarkusTransaction.requiringNew().call(() -> Story.count());

        // RestAssured's multipart goes in chunks, with no Content-Length for the filter to weigh first.
        Response refused = browser.form(browser.page("/desk/stories/new"), "#story-form").set("headline", "Typed")
                .attach("imageFile", "huge.jpg", huge, "image/jpeg").press("Save draft");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(refused.asString()).select("h1").text()).isEqualTo("The file is too large");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Story.count())).as("nothing saved").isEqualTo(storiesBefore);
    }

    private static Response postAsBrowser(Browser browser, String path, String csrf, String fileField, byte[] file) {
        String boundary = "----CopydeskTestBoundary7MA4YWxkTrZu0gW";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(file.length + 1024);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"headline\"\r\n\r\nTyped\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"huge.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return given().cookies(browser.cookies()).redirects().follow(false)
                .contentType("multipart/form-data; boundary=" + boundary).body(body.toByteArray()).post(path);
    }

    private static boolean isRed(int rgb) {
        int red = (rgb >> 16) & 0xff;
        int green = (rgb >> 8) & 0xff;
        int blue = rgb & 0xff;
        return red > 200 && green < 60 && blue < 60;
    }
}
