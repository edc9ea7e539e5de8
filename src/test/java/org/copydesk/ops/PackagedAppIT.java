package org.copydesk.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
            assertEquals(404, given().baseUri(app.base()).redirects().follow(false).get("/world/2026/01/01/nothing")
                    .statusCode());
            // Production logs are one JSON object per line, for a log shipper.
            List<String> lines = app.log().lines().filter(line -> !line.isBlank()).toList();
            assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
            assertThat(lines).anyMatch(line -> line.contains("\"message\"") && line.contains("\"level\""));
        }
    }
}
