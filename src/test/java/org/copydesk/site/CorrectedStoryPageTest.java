package org.copydesk.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryCorrection;
import org.copydesk.story.StoryService;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.TestClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A correction is a change readers and machines are told of: near the top of the page and in every modified time. */
@QuarkusTest
class CorrectedStoryPageTest {

    @Inject
    Fixtures fixtures;

    @Inject
    StoryService stories;

    @Inject
    TestClock clock;

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void aCorrectionMovesEveryModifiedTimeAndIsLinkedFromTheTop() throws Exception {
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Bridge reopens " + Fixtures.unique("c"), fixtures.staff(Role.REPORTER), editor);
        String path = fixtures.reload(story.id).publicPath;
        Document before = Jsoup.parse(given().get(path).asString());
        assertThat(before.select(".times a.corrected")).isEmpty();

        Instant correctedAt = clock.instant().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS); // zero seconds' fraction
        clock.stopAtOrAfter(correctedAt);
        StoryCorrection correction = QuarkusTransaction.requiringNew().call(
                () -> stories.addCorrection(story.id, "An earlier version gave the wrong date.", editor));
        clock.resume();
        Instant at = correction.createdAt;

        Document page = Jsoup.parse(given().get(path).asString());
        Element corrected = page.selectFirst("article header .times a.corrected");
        assertThat(corrected).as("'Corrected' near the top, as a link").isNotNull();
        assertThat(corrected.text()).startsWith("Corrected");
        assertThat(corrected.attr("href")).isEqualTo("#correction-" + correction.id);
        assertThat(page.getElementById("correction-" + correction.id).text()).contains("gave the wrong date");
        assertThat(OffsetDateTime.parse(corrected.selectFirst("time").attr("datetime")).toInstant()).isEqualTo(at);

        String modified = page.selectFirst("meta[property=article:modified_time]").attr("content");
        assertThat(OffsetDateTime.parse(modified).toInstant()).isEqualTo(at);
        assertThat(modified).matches(RFC_3339);
        JsonNode article = new ObjectMapper().readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertThat(OffsetDateTime.parse(article.get("dateModified").asText()).toInstant()).isEqualTo(at);
        assertThat(article.get("dateModified").asText()).matches(RFC_3339);
        assertThat(article.get("datePublished").asText()).matches(RFC_3339);
        assertThat(page.selectFirst("meta[property=article:published_time]").attr("content")).matches(RFC_3339);
        assertThat(given().get(path).header("Last-Modified")).isEqualTo(PublicCaching.httpDate(at));
    }

    /** RFC 3339 to the second with a zone, as Atom, sitemaps and schema.org readers all take it. */
    static final String RFC_3339 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";
}
