package org.copydesk.wordpress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.copydesk.media.Image;
import org.copydesk.people.AuthorProfile;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.story.StoryState;
import org.copydesk.story.Tag;
import org.copydesk.people.Role;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A real WordPress export (src/test/resources/wordpress: written by WordPress 6.1.9 itself, with its uploads) imported
 * through the desk as an admin's browser would, then read as readers would; and imported again.
 */
@QuarkusTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class WordPressImportTest {

    @jakarta.inject.Inject
    Fixtures fixtures;

    static final String STORM = "Storm closes the harbour for two days";
    static final String MARKET = "Saturday market moves to the old square";
    static final String MAYOR = "Новый мэр гавани: «Мы откроем порт для всех»";

    @Test
    @org.junit.jupiter.api.Order(1)
    void aWordPressExportImportedThroughTheDeskIsPublicAtItsNewAddressesAndItsOldOnesRedirect() throws Exception {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        Document done = importThroughTheDesk(admin);
        assertThat(done.select("#import-status").text()).contains("Finished");
        assertThat(count(done, "created")).isEqualTo(6); // 4 published, a draft, a scheduled post
        assertThat(count(done, "skipped")).isEqualTo(1); // the private post
        assertThat(count(done, "images")).isEqualTo(3);
        assertThat(count(done, "missing")).isZero();
        assertThat(count(done, "authors")).isEqualTo(4); // three users and a Co-Authors Plus guest author
        assertThat(count(done, "sections")).isEqualTo(2); // News (Local is its child) and Arts & Culture
        assertThat(org.copydesk.testing.HtmlChecker.errors(done.outerHtml())).as("the report page").isEmpty();
        assertThat(org.copydesk.testing.HtmlChecker.errors(admin.get("/desk/import").asString())).as("the form, with the imports").isEmpty();
        String report = done.select("#import-report").text();
        assertThat(report).contains("Staff party notes").contains("private")
                .contains("page: pages are not imported");

        // The published posts: public at their new addresses, with their original dates, bylines, section, tags, pictures.
        String storm = path(STORM);
        assertThat(storm).isEqualTo("/news/2024/05/12/storm-closes-the-harbour");
        Document page = new Browser().page(storm);
        assertThat(page.select("h1").text()).isEqualTo(STORM);
        assertThat(page.select(".byline").text()).contains("Tom Baker").contains("Amina Diallo");
        assertThat(page.select(".byline a").eachText()).containsExactly("Tom Baker", "Amina Diallo");
        assertThat(page.select(".tags a").eachText()).containsExactlyInAnyOrder("Harbour", "Weather", "Local");
        assertThat(page.select("time").first().attr("datetime")).startsWith("2024-05-12T");
        assertThat(firstPublished(STORM)).isEqualTo(Instant.parse("2024-05-12T07:30:00Z"));
        Element lead = page.selectFirst("figure.lead-image img");
        assertThat(lead).isNotNull();
        assertThat(lead.attr("alt")).isEqualTo("Fishing boats moored in the harbour at dawn");
        assertThat(given().get(lead.attr("src")).then().extract().contentType()).isEqualTo("image/jpeg");
        Element inBody = page.selectFirst(".story-body img");
        assertThat(inBody).as("the image block's picture, from the zip").isNotNull();
        assertThat(inBody.attr("src")).startsWith("/images/");
        assertThat(given().get(inBody.attr("src")).statusCode()).isEqualTo(200);
        assertThat(page.select(".story-body h2").text()).isEqualTo("What was closed");
        assertThat(page.select(".story-body li").eachText()).containsExactly("The ferry terminal", "The fish market on the quay");
        assertThat(page.select(".story-body blockquote").text()).contains("twenty years").contains("The harbour master");
        assertThat(page.select(".standfirst").text()).contains("Ferries stayed in port");

        // The classic editor's post: paragraphs from blank lines, its [caption]'d picture from a size WordPress made.
        Document market = new Browser().page(path(MARKET));
        assertThat(market.select(".story-body p").size()).isGreaterThanOrEqualTo(4);
        assertThat(market.select(".story-body img").attr("alt")).isEqualTo("Stalls on the quay last Saturday.");
        assertThat(market.selectFirst("figure.lead-image img").attr("alt")).as("no alt text: the attachment's title")
                .isEqualTo("Saturday market");
        assertThat(path(MARKET)).startsWith("/arts-culture/2024/05/14/");

        Document mayor = new Browser().page(path(MAYOR));
        assertThat(mayor.select("h1").text()).isEqualTo(MAYOR);
        assertThat(mayor.select(".byline a").eachText()).containsExactly("Ольга Смирнова");

        // Readers find them as they find any story: in search, and in the feeds with their original dates.
        assertThat(new Browser().page("/search?q=lighthouse").text()).contains("Lighthouse keeper retires after 40 years");
        String feed = new Browser().get("/news/feed.xml").asString();
        assertThat(feed).contains(STORM).contains("<published>2024-05-12T07:30:00Z</published>");

        // The draft stays a draft, the future post is scheduled; the private post is not here.
        assertThat(state("Draft: new ferry timetable")).isEqualTo(StoryState.DRAFT);
        assertThat(state("The harbour in 2031")).isEqualTo(StoryState.SCHEDULED);
        assertThat(stories("Staff party notes")).isZero();
        assertThat(stories("About us")).isZero();

        // Old addresses answer 301 to the new ones.
        Browser reader = new Browser();
        assertRedirect(reader.get("/2024/05/12/storm-closes-the-harbour/"), storm);
        assertRedirect(reader.get("/2024/05/12/storm-closes-the-harbour"), storm);
        assertRedirect(reader.get("/?p=8"), storm);
        assertRedirect(reader.get("/2024/05/20/%D0%9D%D0%BE%D0%B2%D1%8B%D0%B9-%D0%BC%D1%8D%D1%80-%D0%B3%D0%B0%D0%B2%D0%B0%D0%BD%D0%B8"
                + "-%D0%9C%D1%8B-%D0%BE%D1%82%D0%BA%D1%80%D0%BE%D0%B5%D0%BC-%D0%BF%D0%BE%D1%80%D1%82-%D0%B4%D0%BB%D1%8F-%D0%B2/"), path(MAYOR));
        assertRedirect(reader.get("/category/news/"), "/news");
        assertRedirect(reader.get("/category/news/local/"), "/tags/local");
        assertRedirect(reader.get("/category/arts-culture/"), "/arts-culture");
        assertRedirect(reader.get("/tag/weather/"), "/tags/weather");
        assertRedirect(reader.get("/tag/cafe-life/"), "/tags/cafe-life");
        assertRedirect(reader.get("/author/tom-baker/"), "/authors/tom-baker");
        assertRedirect(reader.get("/author/amina-diallo/"), "/authors/amina-diallo");
        assertThat(reader.get("/?p=16").statusCode()).as("the draft's short link leads nowhere").isNotEqualTo(301);
        assertThat(reader.get("/2031/01/15/the-harbour-in-2031/").statusCode()).isEqualTo(404);
        assertThat(reader.get("/desk/").statusCode()).isNotEqualTo(301);

        // Imported again: everything is updated or found unchanged, nothing is made twice.
        long stories = Story.count();
        long sections = Section.count();
        long authors = AuthorProfile.count();
        long tags = Tag.count();
        long images = Image.count();
        Document again = importThroughTheDesk(admin);
        assertThat(again.select("#import-status").text()).contains("Finished");
        assertThat(count(again, "created")).isZero();
        assertThat(count(again, "updated")).isEqualTo(6);
        assertThat(count(again, "images")).isZero();
        assertThat(count(again, "authors")).isZero();
        assertThat(count(again, "sections")).isZero();
        assertThat(again.select("#import-report li[data-kind=UNCHANGED]").eachText())
                .as("nothing changed in WordPress: nothing changes here (no update announced, no revision)")
                .anyMatch(line -> line.contains(STORM) && line.contains("unchanged since the last import"))
                .filteredOn(line -> line.startsWith("Unchanged: Post")).hasSize(6);
        assertThat(Story.count()).isEqualTo(stories);
        assertThat(Section.count()).isEqualTo(sections);
        assertThat(AuthorProfile.count()).isEqualTo(authors);
        assertThat(Tag.count()).isEqualTo(tags);
        assertThat(Image.count()).isEqualTo(images);
        assertThat(path(STORM)).isEqualTo(storm);
        assertThat(firstPublished(STORM)).isEqualTo(Instant.parse("2024-05-12T07:30:00Z"));
        assertRedirect(new Browser().get("/?p=8"), storm);

        // A draft edited on the desk meanwhile: importing a file where its post did not change keeps the desk's words.
        long draftId = QuarkusTransaction.requiringNew().call(() -> Story.<Story>find("headline", "Draft: new ferry timetable")
                .singleResult().id);
        Response saved = admin.form(admin.page("/desk/stories/" + draftId), "#story-form")
                .set("headline", "New ferry timetable, edited on the desk").press("Save draft");
        assertThat(saved.statusCode()).isEqualTo(303);

        // Changed in WordPress and exported again: the live story changes in place, at the same address.
        String changed = new String(resource("export.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("The port is expected to open again on", "The port opened again on");
        Document third = importThroughTheDesk(admin, changed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(third.select("#import-report li[data-kind=UPDATED]").eachText()).singleElement().asString().contains(STORM);
        assertThat(Story.count()).isEqualTo(stories);
        assertThat(path(STORM)).isEqualTo(storm);
        assertThat(new Browser().page(storm).select(".story-body").text()).contains("The port opened again on");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Story) Story.findById(draftId)).headline))
                .isEqualTo("New ferry timetable, edited on the desk");
    }

    /** Another site (the same export under another address), without its uploads: the posts come, the pictures are reported. */
    @Test
    @org.junit.jupiter.api.Order(2)
    void anExportWithoutItsUploadsIsImportedWithItsPicturesReportedMissing() throws Exception {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        byte[] other = exportOf("http://other-site.example");
        Response started = admin.form(admin.page("/desk/import"), "form[action=/desk/import]")
                .attach("wxr", "other.xml", other, "application/xml").press("Import");
        Document done = waitForTheEnd(admin, Browser.pathOf(started.header("Location")));
        assertThat(done.select("#import-status").text()).contains("Finished");
        assertThat(count(done, "created")).isEqualTo(6);
        assertThat(count(done, "images")).isZero();
        assertThat(count(done, "missing")).isEqualTo(3);
        assertThat(done.select("#import-report li[data-kind=PROBLEM]").eachText())
                .anyMatch(line -> line.contains("2024/05/harbour.jpg") && line.contains("no uploads archive was given"));
        String path = QuarkusTransaction.requiringNew().call(() -> Story.<Story>find(
                "headline = ?1 and updateOf is null order by id desc", STORM).firstResult().publicPath);
        assertThat(path).isEqualTo("/news/2024/05/12/storm-closes-the-harbour-2");
        Document page = new Browser().page(path);
        assertThat(page.select("figure.lead-image")).isEmpty();
        assertThat(page.select(".story-body img")).isEmpty();
        assertThat(page.select(".story-body h2").text()).isEqualTo("What was closed");
    }

    /**
     * A site's uploads are far larger than a form: an archive over the desk's 12 MB form limit is taken by the import
     * (sent in chunks, as RestAssured sends it, so it is weighed as it is read) and its pictures are stored. An
     * archive brought in is not news: a webhook registered for publications is told of none of it.
     */
    @Test
    @org.junit.jupiter.api.Order(3)
    void anUploadsArchiveLargerThanAnyFormIsImported() throws Exception {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        byte[] export = exportOf("http://big-uploads.example");
        byte[] uploads = withFiller(resource("uploads.zip"), 20 * 1024 * 1024);
        assertThat(uploads.length).isGreaterThan(20 * 1024 * 1024);
        Browser.Form hook = admin.form(admin.page("/desk/integrations/webhooks"), "#webhook-form")
                .set("url", "http://127.0.0.1:9/partner-app").set("description", "A partner's app");
        hook.add("events", "story.published").add("events", "story.updated");
        assertThat(hook.press("Add webhook").statusCode()).isEqualTo(303);
        long deliveriesBefore = QuarkusTransaction.requiringNew().call(() -> org.copydesk.webhook.WebhookDelivery.count());
        Response started = admin.form(admin.page("/desk/import"), "form[action=/desk/import]")
                .attach("wxr", "export.xml", export, "application/xml")
                .attach("uploads", "uploads.zip", uploads, "application/zip").press("Import");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(303);
        Document done = waitForTheEnd(admin, Browser.pathOf(started.header("Location")));
        assertThat(done.select("#import-status").text()).contains("Finished");
        assertThat(count(done, "created")).isEqualTo(6);
        assertThat(count(done, "images")).isEqualTo(3);
        assertThat(count(done, "missing")).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> org.copydesk.webhook.WebhookDelivery.count()))
                .as("no webhook told of the imported posts").isEqualTo(deliveriesBefore);
        QuarkusTransaction.requiringNew().run(() -> org.copydesk.webhook.WebhookEndpoint.delete("url", "http://127.0.0.1:9/partner-app"));
    }

    /**
     * Real uploads folders hold camera originals this site refuses (over 10 MB) beside the sizes WordPress made of
     * them, and GIFs: the largest size WordPress made is stored in the original's place, and a GIF as a still PNG.
     */
    @Test
    @org.junit.jupiter.api.Order(4)
    void aRefusedOriginalIsReplacedByTheSizeWordPressMadeAndAGifBecomesAStill() throws Exception {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        byte[] export = exportOf("http://camera-originals.example");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(resource("uploads.zip")));
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                String name = entry.getName();
                if (name.endsWith("2024/05/harbour.jpg")) {
                    // The camera original: a JPEG of 11 MB, over what an image may be here; WordPress's -scaled copy beside it.
                    zip.putNextEntry(new java.util.zip.ZipEntry(name.replace("harbour.jpg", "harbour-scaled.jpg")));
                    zip.write(bytes);
                    zip.closeEntry();
                    bytes = java.util.Arrays.copyOf(bytes, 11 * 1024 * 1024);
                } else if (name.endsWith("2024/05/market.jpg")) {
                    java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(60, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
                    java.io.ByteArrayOutputStream gif = new java.io.ByteArrayOutputStream();
                    javax.imageio.ImageIO.write(picture, "gif", gif);
                    bytes = gif.toByteArray();
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        Response started = admin.form(admin.page("/desk/import"), "form[action=/desk/import]")
                .attach("wxr", "export.xml", export, "application/xml")
                .attach("uploads", "uploads.zip", out.toByteArray(), "application/zip").press("Import");
        Document done = waitForTheEnd(admin, Browser.pathOf(started.header("Location")));
        assertThat(done.select("#import-status").text()).contains("Finished");
        assertThat(count(done, "images")).as(done.select("#import-report").text()).isEqualTo(3);
        assertThat(count(done, "missing")).isZero();
        assertThat(done.select("#import-report li[data-kind=PROBLEM]").eachText())
                .anyMatch(line -> line.contains("2024/05/harbour.jpg was refused") && line.contains("2024/05/harbour-scaled.jpg, was stored instead"))
                .noneMatch(line -> line.contains("market"));
    }

    /** The archive with a 20 MB file more (a video, say: random bytes, which do not compress). */
    private static byte[] withFiller(byte[] zip, int fillerBytes) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(zip.length + fillerBytes + 4096);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             java.util.zip.ZipOutputStream copy = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                copy.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                in.transferTo(copy);
                copy.closeEntry();
            }
            byte[] filler = new byte[fillerBytes];
            new java.util.Random(26).nextBytes(filler);
            copy.putNextEntry(new java.util.zip.ZipEntry("wp-content/uploads/2024/05/council-meeting.mp4"));
            copy.write(filler);
            copy.closeEntry();
        }
        return out.toByteArray();
    }

    /** A file cut off after its first posts passes the quick look, and stops in the background with the reason. */
    @Test
    @org.junit.jupiter.api.Order(5)
    void anExportCutOffStopsWithTheReasonAndImportsNothing() throws Exception {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        long before = Story.count();
        String whole = new String(exportOf("http://cut-off.example"), java.nio.charset.StandardCharsets.UTF_8);
        byte[] cut = whole.substring(0, whole.indexOf("<title><![CDATA[Lighthouse")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Response started = admin.form(admin.page("/desk/import"), "form[action=/desk/import]")
                .attach("wxr", "cut.xml", cut, "application/xml").press("Import");
        assertThat(started.statusCode()).isEqualTo(303);
        Document done = waitForTheEnd(admin, Browser.pathOf(started.header("Location")));
        assertThat(done.select("#import-status").text()).contains("Stopped");
        assertThat(done.select("#import-message").text()).contains("cut off");
        assertThat(Story.count()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAWordPressExportGetsAClearMessage() throws Exception {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        Response notXml = admin.form(admin.page("/desk/import"), "form[action=/desk/import]")
                .attach("wxr", "notes.txt", "just some notes".getBytes(), "text/plain").press("Import");
        assertThat(notXml.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(notXml.asString());
        assertThat(page.select("#wxr-error").text()).contains("not a WordPress export");
        assertThat(page.title()).startsWith("Error:");
        assertThat(org.copydesk.testing.HtmlChecker.errors(notXml.asString())).as("the form with its message").isEmpty();

        Response rss = admin.form(admin.page("/desk/import"), "form[action=/desk/import]")
                .attach("wxr", "feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A feed</title><item><title>x</title></item></channel></rss>"
                        .getBytes(), "application/xml").press("Import");
        assertThat(rss.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(rss.asString()).select("#wxr-error").text()).contains("not a WordPress export");

        Response brokenZip = admin.form(admin.page("/desk/import"), "form[action=/desk/import]")
                .attach("wxr", "export.xml", resource("export.xml"), "application/xml")
                .attach("uploads", "uploads.zip", "PK not really a zip".getBytes(), "application/zip").press("Import");
        assertThat(brokenZip.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(brokenZip.asString()).select("#uploads-error").text()).contains("not a zip file");

        Response nothing = admin.form(admin.page("/desk/import"), "form[action=/desk/import]").press("Import");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(nothing.asString()).select("#wxr-error").text()).contains("Choose the WordPress export file");
    }

    @Test
    void onlyAdminsSeeTheImport() {
        assertThat(new Browser().get("/desk/import").statusCode()).isIn(302, 303);
        Browser editor = new Browser().signIn(fixtures.staff(Role.EDITOR).username, Fixtures.PASSWORD);
        assertThat(editor.get("/desk/import").statusCode()).isEqualTo(403);
        assertThat(new Browser().signIn("admin", "test-admin-password").page("/desk").select("header.desk-header a[href=/desk/import]"))
                .as("the desk header's Import link, for admins").isNotEmpty();
    }

    private static Document importThroughTheDesk(Browser admin) throws Exception {
        return importThroughTheDesk(admin, resource("export.xml"));
    }

    private static Document importThroughTheDesk(Browser admin, byte[] export) throws Exception {
        Document form = admin.page("/desk/import");
        Response started = admin.form(form, "form[action=/desk/import]")
                .attach("wxr", "export.xml", export, "application/xml")
                .attach("uploads", "uploads.zip", resource("uploads.zip"), "application/zip").press("Import");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(303);
        String progress = Browser.pathOf(started.header("Location"));
        assertThat(progress).matches("/desk/import/\\d+");
        return waitForTheEnd(admin, progress);
    }

    private static Document waitForTheEnd(Browser admin, String progress) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        boolean checked = false;
        while (true) {
            Document page = admin.page(progress);
            String status = page.select("#import-status").text();
            if (status.contains("Finished") || status.contains("Stopped")) {
                assertThat(page.select("meta[http-equiv=refresh]")).as("a finished import's page stops refreshing").isEmpty();
                return page;
            }
            assertThat(page.select("meta[http-equiv=refresh]")).as("the progress page refreshes itself").isNotEmpty();
            if (!checked) {
                assertThat(org.copydesk.testing.HtmlChecker.errors(page.outerHtml())).as("the progress page").isEmpty();
                checked = true;
            }
            assertThat(System.currentTimeMillis()).as("the import finishes").isLessThan(deadline);
            Thread.sleep(300);
        }
    }

    private static int count(Document page, String what) {
        return Integer.parseInt(page.select("[data-count=" + what + "]").text().strip());
    }

    private static void assertRedirect(Response response, String to) {
        assertThat(response.statusCode()).as("301 to " + to).isEqualTo(301);
        assertThat(Browser.pathOf(response.header("Location"))).isEqualTo(to);
    }

    private static String path(String headline) {
        return QuarkusTransaction.requiringNew().call(() -> Story.<Story>find("headline = ?1 and updateOf is null", headline)
                .singleResult().publicPath);
    }

    private static Instant firstPublished(String headline) {
        return QuarkusTransaction.requiringNew().call(() -> Story.<Story>find("headline = ?1 and updateOf is null", headline)
                .singleResult().firstPublishedAt);
    }

    private static StoryState state(String headline) {
        return QuarkusTransaction.requiringNew().call(() -> Story.<Story>find("headline = ?1 and updateOf is null", headline)
                .singleResult().state);
    }

    private static long stories(String headline) {
        return QuarkusTransaction.requiringNew().call(() -> Story.count("headline", headline));
    }

    /** The tests' export as another WordPress site would give it: everything the same but the site's address. */
    static byte[] exportOf(String site) {
        return new String(resource("export.xml"), java.nio.charset.StandardCharsets.UTF_8).replace("http://wordpress.example", site)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] resource(String name) {
        try (InputStream in = WordPressImportTest.class.getResourceAsStream("/wordpress/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
