package org.copydesk.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.publishing.PublicVersion;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.ReplicaAndSmallSitemaps;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

/**
 * With a read replica configured, readers' pages are read from it and the desk never is. The "replica"
 * here is the test database itself, through connections that PostgreSQL holds read-only
 * (default_transaction_read_only): a desk write routed there would fail.
 */
@QuarkusTest
@TestProfile(ReplicaAndSmallSitemaps.class)
class ReadReplicaTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ReadReplica replica;

    @Inject
    PublicVersion versions;

    @BeforeEach
    void needsTheLocalDatabase() {
        Assumptions.assumeTrue(replica.configured(), "the replica stands in for the local test database only");
    }

    @Test
    void readersPagesComeFromTheReplicaAndTheDeskFromThePrimary() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String path = fixtures.reload(fixtures.published("From the replica " + Fixtures.unique("r"), reporter, editor).id).publicPath;

        double before = replicaAcquisitions();
        double routedBefore = counter("copydesk_public_reads_total\\{database=\"replica\"");
        assertThat(given().get(path).then().statusCode(200).extract().asString()).contains("From the replica");
        given().get("/").then().statusCode(200);
        assertThat(counter("copydesk_public_reads_total\\{database=\"replica\"")).as("both renders read the replica")
                .isGreaterThanOrEqualTo(routedBefore + 2);
        assertThat(replicaAcquisitions()).as("through the replica's connections").isGreaterThanOrEqualTo(before + 2);
        given().queryParam("q", "replica").get("/search").then().statusCode(200); // reads the search form's authors too
        double beforeSearch = replicaAcquisitions();
        assertThat(given().queryParam("q", "from replica").get("/search").then().statusCode(200).extract().asString())
                .contains("From the replica");
        assertThat(replicaAcquisitions()).as("a reader's search, in plain JDBC, reads the replica too").isGreaterThan(beforeSearch);

        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        double beforeDesk = replicaAcquisitions();
        Document form = browser.page("/desk/stories/new");
        var saved = browser.form(form, "#story-form").set("headline", "Written on the primary " + Fixtures.unique("r"))
                .set("body", "A paragraph.").press("Save draft");
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        browser.follow(saved);
        assertThat(browser.page("/desk/search?q=replica").text()).contains("From the replica");
        assertThat(replicaAcquisitions()).as("the desk, its search too, never reads the replica").isEqualTo(beforeDesk);
        assertThat(counter("copydesk_public_reads_total\\{database=\"replica\"")).isGreaterThanOrEqualTo(routedBefore + 2);
    }

    @Test
    void theReplicaIsUsedOnlyOnceItHasReplayedWhatThisNodeKnows() {
        long known = versions.known();
        assertThat(known).isNotNegative();
        assertThat(replica.caughtUpWith(known)).isTrue();
        assertThat(replica.caughtUpWith(known + 1)).as("a replica behind the node is not read").isFalse();
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;

    private double replicaAcquisitions() {
        return counter("agroal_acquire_count_total\\{datasource=\"replica\"");
    }

    private double counter(String seriesStart) {
        String exposition = given().get(metrics).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + seriesStart + "[^}]*} ([0-9.eE+-]+)$").matcher(exposition);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
