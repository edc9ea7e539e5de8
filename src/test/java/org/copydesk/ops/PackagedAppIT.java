package org.copydesk.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The packaged app as an operator runs it: from another directory, on an empty database, configured
 * only by the datasource URL, the two admin variables and a port. It must migrate the schema, serve
 * the sign-in page and let the first admin in.
 */
class PackagedAppIT extends OnEmptyDatabase {

    @Test
    void packagedAppMigratesAnEmptyDatabaseAndLetsTheFirstAdminIn() throws Exception {
        try (PackagedApp app = PackagedApp.start(database, Map.of())) {
            Response login = given().baseUri(app.base()).get("/login");
            Document page = Jsoup.parse(login.asString());
            assertThat(page.select("label[for=username]").text()).isEqualTo("Username");
            Response signedIn = SignIn.as(app.base(), "chief", "chief-editor-password");
            assertEquals(303, signedIn.statusCode(), app.log());
            Response desk = given().baseUri(app.base()).redirects().follow(false).cookies(signedIn.cookies()).get("/desk");
            assertEquals(200, desk.statusCode());
            assertThat(Jsoup.parse(desk.asString()).select(".whoami").text()).contains("Admin");
            assertEquals(200, given().baseUri(app.base()).get("/q/health/ready").statusCode());
            assertEquals(404, given().baseUri(app.base()).get("/q/metrics").statusCode(), "no metrics on the public port");
            assertThat(given().baseUri(app.management()).get("/q/metrics").asString()).contains("copydesk_");
            assertEquals(404, given().baseUri(app.base()).redirects().follow(false).get("/world/2026/01/01/nothing")
                    .statusCode());
            // Production logs are one JSON object per line, for a log shipper.
            List<String> lines = app.log().lines().filter(line -> !line.isBlank()).toList();
            assertThat(lines).anyMatch(line -> line.startsWith("{") && line.contains("\"message\"") && line.contains("\"level\""));
            assertThat(lines).as("no plain log lines").noneMatch(line -> line.matches("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} .*"));
        }
    }

    /**
     * SIGTERM while a sign-in is half sent (a slow connection): the node waits for the rest, answers
     * it, and only then stops. The request is really in flight: its body arrives after the signal.
     */
    @Test
    void aRequestInFlightWhenTheNodeIsToldToStopIsStillAnswered() throws Exception {
        PackagedApp app = PackagedApp.start(database, Map.of());
        try {
            Response login = given().baseUri(app.base()).get("/login");
            String csrf = Jsoup.parse(login.asString()).select("input[name=csrf-token]").val();
            String cookies = login.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            byte[] body = ("csrf-token=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                    + "&username=chief&password=chief-editor-password&next=%2Fdesk").getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", app.port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /login HTTP/1.1\r\nHost: 127.0.0.1:" + app.port + "\r\nCookie: " + cookies
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                Thread.sleep(500);
                app.terminate();
                Thread.sleep(1000);
                out.write(body, 10, body.length - 10);
                out.flush();
                String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                assertThat(statusLine).as("the answer to the request in flight").isEqualTo("HTTP/1.1 303 See Other");
            }
            app.awaitExit(Duration.ofSeconds(30)); // and then it stopped by itself
        } finally {
            app.close();
        }
    }

    /**
     * docker/start-app, as the image runs it: the first start of a build records the classes it loads and writes
     * them to a class archive when it is stopped; the next start uses that archive (-Xshare:on: the JVM would
     * refuse to start with an archive it could not use).
     */
    @Test
    void theFirstStartOfABuildTrainsTheClassArchiveThatLaterStartsUse() throws Exception {
        Path appDir = PackagedApp.copyOfTheBuild();
        try {
            Path trained = appDir.resolve("app-cds-trained.jsa");
            String options = Files.readString(Path.of("docker/java-options")).strip() + " -Xshare:on";
            PackagedApp training = PackagedApp.startAsTheImageDoes(appDir, database, options, Map.of());
            try {
                assertThat(training.javaArguments()).contains("-Xshare:on")
                        .anyMatch(argument -> argument.startsWith("-XX:ArchiveClassesAtExit=app-cds-trained.jsa.part."));
                assertEquals(200, given().baseUri(training.base()).get("/").statusCode());
                training.terminate();
                assertThat(training.awaitExit(Duration.ofSeconds(60))).as("a stop asked for by SIGTERM").isEqualTo(143);
                // The JVM's warnings while it writes the archive were thousands of plain lines in the JSON log.
                assertThat(training.log().lines().filter(line -> !line.isBlank() && !line.startsWith("{")))
                        .as("every line the training start logged is JSON").isEmpty();
            } finally {
                training.close();
            }
            assertThat(trained).as("the archive, written when the training start stopped").isNotEmptyFile();
            assertThat(appDir).as("nothing but the archive left behind").isDirectoryNotContaining("glob:**/*.part.*");
            try (PackagedApp trainedStart = PackagedApp.startAsTheImageDoes(appDir, database, options, Map.of())) {
                assertThat(trainedStart.javaArguments()).contains("-XX:SharedArchiveFile=app-cds-trained.jsa", "-Xshare:on");
                assertEquals(200, given().baseUri(trainedStart.base()).get("/").statusCode());
            }
        } finally {
            PackagedApp.delete(appDir);
        }
    }
}
