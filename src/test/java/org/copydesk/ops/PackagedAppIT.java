package org.copydesk.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged app as an operator runs it: from another directory, on an empty database, configured
 * only by the datasource URL, the two admin variables and a port. It must migrate the schema, serve
 * the sign-in page and let the first admin in.
 */
class PackagedAppIT {

    static final String SERVER = System.getProperty("copydesk.it.server-jdbc-url", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("copydesk.it.user", "postgres");

    private String database;
    private Process app;
    private Path workDir;
    private Path log;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        database = "copydesk_it_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("create database " + database);
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL at " + SERVER + " to create an empty database: " + e.getMessage());
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void packagedAppMigratesAnEmptyDatabaseAndLetsTheFirstAdminIn() throws Exception {
        int port = freePort();
        String jar = new File(System.getProperty("copydesk.jar", "target/quarkus-app/quarkus-run.jar")).getAbsolutePath();
        workDir = Files.createTempDirectory("copydesk-it");
        log = workDir.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", jar).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", SERVER + database);
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", USER);
        builder.environment().put("COPYDESK_ADMIN_USERNAME", "chief");
        builder.environment().put("COPYDESK_ADMIN_PASSWORD", "chief-editor-password");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        app = builder.start();

        String base = "http://127.0.0.1:" + port;
        Response login = waitForLoginPage(base);
        Document page = Jsoup.parse(login.asString());
        assertThat(page.select("label[for=username]").text()).isEqualTo("Username");
        String csrf = page.select("input[name=csrf-token]").val();

        Response signedIn = given().baseUri(base).redirects().follow(false).cookies(login.cookies())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", csrf).formParam("username", "chief")
                .formParam("password", "chief-editor-password").formParam("next", "/desk")
                .post("/login");
        assertEquals(303, signedIn.statusCode(), Files.readString(log));
        Response desk = given().baseUri(base).redirects().follow(false).cookies(signedIn.cookies()).get("/desk");
        assertEquals(200, desk.statusCode());
        assertThat(Jsoup.parse(desk.asString()).select(".whoami").text()).contains("Admin");
        assertEquals(200, given().baseUri(base).get("/q/health/ready").statusCode());
        assertEquals(404, given().baseUri(base).redirects().follow(false).get("/world/2026/01/01/nothing").statusCode());
    }

    private Response waitForLoginPage(String base) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new AssertionError("The app stopped:\n" + Files.readString(log));
            }
            try {
                Response response = given().baseUri(base).get("/login");
                if (response.statusCode() == 200) {
                    return response;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The app did not serve /login within 90 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
