package org.copydesk.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * ops/backup of a running newsroom, ops/restore into an empty database, and a node started on the
 * restored one serves the same public pages, byte for byte: front, sections, stories, authors, tags,
 * feeds, sitemaps and search.
 */
class BackupRestoreIT extends OnEmptyDatabase {

    /** The two nodes listen on different ports, which absolute links (canonical, feeds) carry. */
    private static final String ORIGIN = "https://news.example";

    @Test
    void aRestoredBackupServesTheSamePublicPages() throws Exception {
        Path dump = Files.createTempDirectory("copydesk-backup").resolve("newsroom.dump");
        String restored = PackagedApp.createDatabase();
        try {
            Map<String, String> pages = new LinkedHashMap<>();
            try (PackagedApp original = PackagedApp.start(database, Map.of("COPYDESK_DEMO_CONTENT", "true"))) {
                for (String path : publicPaths(original.base())) {
                    Response page = given().baseUri(original.base()).get(path);
                    if (page.statusCode() == 200) {
                        pages.put(path, withOrigin(page.asString(), original.base()));
                    }
                }
                run("ops/backup", database, dump.toString());
            }
            assertThat(pages).as("pages to compare").hasSizeGreaterThan(8)
                    .containsKeys("/", "/feed.xml", "/sitemap.xml");
            assertThat(pages.keySet()).anyMatch(path -> path.matches("/[a-z-]+/\\d{4}/\\d{2}/\\d{2}/.+"));

            run("ops/restore", restored, dump.toString());
            try (PackagedApp fromBackup = PackagedApp.start(restored, Map.of())) {
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    Response again = given().baseUri(fromBackup.base()).get(page.getKey());
                    assertEquals(200, again.statusCode(), page.getKey());
                    assertEquals(page.getValue(), withOrigin(again.asString(), fromBackup.base()), page.getKey());
                }
            }
            // A second restore into a database that is not empty is refused, and changes nothing.
            assertThat(runExpectingFailure("ops/restore", restored, dump.toString())).contains("restore into an empty one");
        } finally {
            PackagedApp.dropDatabase(restored);
        }
    }

    /** The page with the node's own origin written as {@link #ORIGIN}, also where an address is a query's value (share links). */
    private static String withOrigin(String page, String base) {
        return page.replace(base, ORIGIN).replace(java.net.URLEncoder.encode(base, java.nio.charset.StandardCharsets.UTF_8),
                java.net.URLEncoder.encode(ORIGIN, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The front page's own links (sections, stories, authors, tags), one story's links, feeds, sitemaps, a search. */
    private static List<String> publicPaths(String base) {
        TreeSet<String> paths = new TreeSet<>(List.of("/", "/feed.xml", "/sitemap.xml", "/sitemap-news.xml",
                "/search?q=Mali"));
        collectLinks(base, "/", paths);
        paths.stream().filter(p -> p.matches("/[a-z-]+/\\d{4}/.+")).findFirst().ifPresent(story -> collectLinks(base, story, paths));
        return new ArrayList<>(paths);
    }

    private static void collectLinks(String base, String from, TreeSet<String> into) {
        Jsoup.parse(given().baseUri(base).get(from).asString()).select("a[href^=/]").eachAttr("href").stream()
                .filter(href -> !href.startsWith("/desk") && !href.startsWith("/login") && !href.startsWith("/static/")
                        && !href.startsWith("//"))
                .map(href -> href.replaceAll("#.*", ""))
                .forEach(into::add);
    }

    private static void run(String script, String database, String file) throws Exception {
        Process process = script(script, database, file);
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertEquals(0, process.exitValue(), script + ":\n" + output);
    }

    private static String runExpectingFailure(String script, String database, String file) throws Exception {
        Process process = script(script, database, file);
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        return output;
    }

    private static Process script(String script, String database, String file) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", new File(script).getAbsolutePath(), file).redirectErrorStream(true);
        builder.environment().put("COPYDESK_DB_URL", PackagedApp.libpqUrl(database));
        return builder.start();
    }
}
