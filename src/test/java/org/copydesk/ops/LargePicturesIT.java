package org.copydesk.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import org.copydesk.media.TestImages;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Newsroom photos against the packaged app started as production starts it (docker/start-app with the options
 * of docker/java-options, with half its heap: 96 MB): a 12 MP phone photo, a 24 MP camera JPEG of about 8 MB, 50 MP JPEG,
 * PNG and WebP are each stored, and four 24 MP photos sent at once are each stored or answered "try again"
 * (503 with Retry-After), never 500, while a public page goes on being served. On 98b7632 each of these
 * uploads answered 500 (OutOfMemoryError). The heap is watched through the JVM's GC log: the figures (time and
 * heap before/after collections for each upload) are printed for docs/operations.md.
 */
class LargePicturesIT extends OnEmptyDatabase {

    private static final Pattern GC = Pattern.compile("Pause (Young|Full).* (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");

    @Test
    void newsroomPhotosAreStoredWithinTheProductionHeapAndFourAtOnceNeverGiveA500() throws Exception {
        Path gcLog = Files.createTempDirectory("copydesk-gc").resolve("gc.log");
        String options = PackagedApp.productionOptionsWithHalfTheHeap() + " -Xlog:gc:file=" + gcLog;
        byte[] camera = TestImages.photo(6000, 4000, 60);
        assertThat(camera.length).isBetween(7_000_000, 9_500_000);
        try (PackagedApp app = PackagedApp.startAsTheImageDoes(database, options)) {
            Desk desk = Desk.signIn(app.base());
            given().baseUri(app.base()).get("/").then().statusCode(200);
            long baseline = liveHeapAfterFullCollection(app, gcLog);
            System.out.printf("the app's own live heap before any upload: %d MB%n", baseline);

            measure("12 MP phone JPEG (featured image)", gcLog, () -> assertStored(desk.featured(
                    TestImages.withOrientation(TestImages.photo(4032, 3024, 40), 6)), app));
            measure("24 MP camera JPEG, 8 MB (body image)", gcLog, () -> assertStored(desk.bodyImage(camera), app));
            measure("50 MP JPEG (body image)", gcLog, () -> assertStored(desk.bodyImage(TestImages.photo(8660, 5773, 24)), app));
            measure("50 MP PNG with transparency (featured image)", gcLog,
                    () -> assertStored(desk.featured(TestImages.bigPng(8660, 5773, true)), app));
            measure("50 MP WebP (body image)", gcLog, () -> assertStored(desk.bodyImage(TestImages.webp50Megapixels()), app));

            // Four 24 MP photos at once, while a reader keeps asking for the front page.
            AtomicBoolean uploading = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Integer> pages = new ConcurrentLinkedQueue<>();
            long slowestPage = 0;
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                Future<Long> reader = pool.submit(() -> {
                    long slowest = 0;
                    while (uploading.get()) {
                        long start = System.nanoTime();
                        pages.add(given().baseUri(app.base()).get("/").statusCode());
                        slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                        Thread.sleep(50);
                    }
                    return slowest;
                });
                List<Future<Response>> uploads = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < 4; i++) {
                    uploads.add(pool.submit(() -> desk.bodyImage(camera)));
                }
                int stored = 0;
                for (Future<Response> upload : uploads) {
                    Response answer = upload.get();
                    assertThat(answer.statusCode()).as(answer.asString()).isIn(200, 503);
                    if (answer.statusCode() == 503) {
                        assertThat(answer.header("Retry-After")).isNotBlank();
                        assertThat(answer.jsonPath().getString("error")).contains("try again");
                    } else {
                        stored++;
                    }
                }
                uploading.set(false);
                slowestPage = reader.get();
                System.out.printf("four 24 MP uploads at once: %d stored, %d told to try again, in %d ms; front page: %d reads, slowest %d ms%n",
                        stored, 4 - stored, (System.nanoTime() - start) / 1_000_000, pages.size(), slowestPage);
                assertThat(stored).as("with one decode at a time and 20 s of patience, all four fit").isEqualTo(4);
            } finally {
                uploading.set(false);
                pool.shutdownNow();
            }
            assertThat(pages).as("the front page, read during the uploads").isNotEmpty().containsOnly(200);
            assertThat(app.log()).doesNotContain("OutOfMemoryError").doesNotContain("\"level\":\"ERROR\"");
            HeapFigures all = HeapFigures.of(gcLog, 0);
            System.out.printf("whole run: heap at most %d MB of %d MB; live at most %d MB (after a full collection); "
                    + "%d collections (%d full), %d ms paused in all%n", all.peakBefore, all.capacity, all.peakLive,
                    all.collections, all.full, all.pausedMillis);
            System.out.printf("the app's own live heap after the uploads: %d MB%n", liveHeapAfterFullCollection(app, gcLog));
        }
    }

    private static void assertStored(Response answer, PackagedApp app) {
        assertThat(answer.statusCode()).as(answer.asString()).isIn(200, 303);
        if (answer.statusCode() == 200) {
            assertThat(answer.jsonPath().getInt("width")).isEqualTo(2400);
            assertThat(given().baseUri(app.base()).get(answer.jsonPath().getString("src")).statusCode()).isEqualTo(200);
        } else {
            assertThat(answer.header("Location")).matches(".*/desk/stories/\\d+");
        }
    }

    private static void measure(String what, Path gcLog, Runnable upload) throws IOException {
        long from = Files.exists(gcLog) ? Files.size(gcLog) : 0;
        long start = System.nanoTime();
        upload.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        HeapFigures figures = HeapFigures.of(gcLog, from);
        System.out.printf("%s: %d ms; heap at most %d MB, live at most %d MB (after a full collection); %d collections (%d full), %d ms paused%n",
                what, millis, figures.peakBefore, figures.peakLive, figures.collections, figures.full, figures.pausedMillis);
    }

    /** Asks the app's JVM for a full collection (jcmd) and reads what it kept from the GC log. */
    private static long liveHeapAfterFullCollection(PackagedApp app, Path gcLog) throws IOException, InterruptedException {
        long from = Files.size(gcLog);
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(app.javaPid()), "GC.run").redirectErrorStream(true).start();
        jcmd.getInputStream().readAllBytes();
        jcmd.waitFor();
        Thread.sleep(200);
        return HeapFigures.of(gcLog, from).peakLive;
    }

    /** The heap as the GC log tells it, from a byte offset on. */
    private record HeapFigures(long peakBefore, long peakLive, long capacity, int collections, int full, long pausedMillis) {
        static HeapFigures of(Path gcLog, long from) throws IOException {
            long before = 0;
            long live = 0;
            long capacity = 0;
            int count = 0;
            int full = 0;
            double paused = 0;
            String text = Files.exists(gcLog) ? Files.readString(gcLog) : "";
            Matcher m = GC.matcher(text.substring((int) Math.min(from, text.length())));
            while (m.find()) {
                count++;
                before = Math.max(before, Long.parseLong(m.group(2)));
                if ("Full".equals(m.group(1))) {
                    full++;
                    live = Math.max(live, Long.parseLong(m.group(3)));
                }
                capacity = Math.max(capacity, Long.parseLong(m.group(4)));
                paused += Double.parseDouble(m.group(5));
            }
            return new HeapFigures(before, live, capacity, count, full, Math.round(paused));
        }
    }

    /** A signed-in editor's browser on the running app, as far as uploads go. */
    private record Desk(String base, Map<String, String> cookies, String csrf, String section) {

        static Desk signIn(String base) {
            Response signedIn = SignIn.as(base, "chief", "chief-editor-password");
            assertThat(signedIn.statusCode()).isEqualTo(303);
            Map<String, String> cookies = new HashMap<>(signedIn.cookies());
            Response form = given().baseUri(base).cookies(cookies).get("/desk/stories/new");
            cookies.putAll(form.cookies());
            org.jsoup.nodes.Document page = Jsoup.parse(form.asString());
            return new Desk(base, Map.copyOf(cookies), page.select("input[name=csrf-token]").val(),
                    page.select("select[name=section] option[value]").first().val());
        }

        /** The story form with a featured image: 303 to the saved story, or the form again. */
        Response featured(byte[] picture) {
            return given().baseUri(base).cookies(cookies).redirects().follow(false).contentType("multipart/form-data")
                    .multiPart("csrf-token", csrf).multiPart("headline", "Pictured " + System.nanoTime())
                    .multiPart("body", "Text.").multiPart("section", section).multiPart("imageAlt", "A picture")
                    .multiPart("imageFile", "picture", picture, "application/octet-stream")
                    .post("/desk/stories");
        }

        /** The editor's Image button: JSON with the address, or the error. */
        Response bodyImage(byte[] picture) {
            return given().baseUri(base).cookies(cookies).redirects().follow(false).contentType("multipart/form-data")
                    .multiPart("csrf-token", csrf).multiPart("file", "picture", picture, "application/octet-stream")
                    .post("/desk/images");
        }
    }

    static {
        // The app is given time to take four big photos in turn.
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().httpClient(
                io.restassured.config.HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", (int) Duration.ofSeconds(90).toMillis()));
    }
}
