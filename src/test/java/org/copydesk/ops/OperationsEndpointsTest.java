package org.copydesk.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** What an operator's probes and Prometheus read: readiness with the database and its migrations, newsroom metrics. */
@QuarkusTest
class OperationsEndpointsTest {

    @Inject
    Fixtures fixtures;

    @Test
    void readinessChecksTheDatabaseAndItsMigrations() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database migrations"))
                .body("checks.find { it.name == 'Database migrations' }.data.pending", equalTo(0))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsCountPublicationsAndTimePageRenders() {
        double before = value(metrics(), "copydesk_story_events_total\\{action=\"publish\"[^}]*}");
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String path = fixtures.reload(fixtures.published("Counted " + Fixtures.unique("m"), reporter, editor).id).publicPath;
        given().get(path).then().statusCode(200);

        String after = metrics();
        assertThat(value(after, "copydesk_story_events_total\\{action=\"publish\"[^}]*}")).isEqualTo(before + 1);
        assertThat(value(after, "copydesk_page_render_seconds_count\\{page=\"story\"[^}]*}")).isGreaterThanOrEqualTo(1);
        assertThat(after).contains("http_server_requests_seconds_count").contains("agroal_active_count");
    }

    @Test
    void pagesAnsweredFromMemoryAreCountedUnderTheirPathTemplate() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String path = fixtures.reload(fixtures.published("Templated " + Fixtures.unique("m"), reporter, editor).id).publicPath;
        String story = "http_server_requests_seconds_count\\{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                + "uri=\"/\\{section:[^\"]*/\\{slug:[^\"]*\"}"; // the story page's template
        double before = value(metrics(), story);
        for (int i = 0; i < 3; i++) { // the first rendered, the others answered from memory
            given().get(path).then().statusCode(200);
        }
        String after = metrics();
        assertThat(value(after, story)).as(after).isEqualTo(before + 3);
        assertThat(after).doesNotContain(path);
    }

    @Test
    void searchesAreCountedByWhereTheyFoundTheirCandidates() throws InterruptedException {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        fixtures.published("Counted harvest " + Fixtures.unique("m"), reporter, editor);
        String memory = "copydesk_searches_total\\{from=\"memory\"[^}]*}";
        double before = value(metrics(), memory);
        // The first searches ask the database while the words are read into memory in the background.
        long until = System.nanoTime() + 10_000_000_000L;
        while (value(metrics(), memory) == before && System.nanoTime() < until) {
            given().queryParam("q", "counted harvest").get("/search").then().statusCode(200);
            Thread.sleep(20);
        }
        String after = metrics();
        assertThat(value(after, memory)).as(after).isGreaterThan(before);
        assertThat(value(after, "copydesk_searches_total\\{from=\"database\"[^}]*}")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "copydesk_search_memory_words")).isGreaterThanOrEqualTo(2);
        assertThat(value(after, "copydesk_search_memory_bytes")).isGreaterThan(0);
    }

    /** Prometheus's address: the management interface, not the public port. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;

    private String metrics() {
        return given().get(metricsUrl).then().statusCode(200).extract().asString();
    }

    @Test
    void metricsAreNotOnThePublicPortButHealthIs() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(metricsUrl.getPort()).isNotEqualTo(io.restassured.RestAssured.port);
        assertThat(metrics()).contains("jvm_memory_used_bytes");
    }

    /** The sample's value, or 0 when the series does not exist yet. */
    private static double value(String exposition, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(exposition);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
