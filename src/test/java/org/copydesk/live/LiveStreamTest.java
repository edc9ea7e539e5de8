package org.copydesk.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.EventStream;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Readers' pages following a live story: what the stream sends, from where, and when it ends. */
@QuarkusTest
class LiveStreamTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration SOON = Duration.ofSeconds(5);

    @TestHTTPResource("/")
    URL base;

    @Inject
    Fixtures fixtures;

    @Inject
    LiveCoverage coverage;

    @Test
    void aReaderFollowingThePageGetsEachEntryAsTheReloadedPageWouldShowItAndTheEnd() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.liveStory("Floods rise " + Fixtures.unique("s"), reporter, editor);
        fixtures.liveEntry(story.id, "Rivers are rising.", reporter, false);
        String seq = new Browser().page(story.publicPath).selectFirst(".live-coverage").attr("data-seq");

        try (EventStream stream = EventStream.open(url("/live/" + story.id + "/events?after=" + seq))) {
            assertEquals(200, stream.status());
            assertThat(stream.contentType()).startsWith("text/event-stream");
            LiveEntry posted = fixtures.liveEntry(story.id, "The bridge is closed.", reporter, true);
            EventStream.Event event = stream.await(e -> e.name().equals("entry") && e.data().contains("The bridge is closed."), SOON);
            assertThat(event).as("the entry reaches the reader without a reload").isNotNull();
            JsonNode data = JSON.readTree(event.data());
            assertThat(data.path("id").asText()).isEqualTo("entry-" + posted.id);
            assertThat(event.id()).isEqualTo(data.path("seq").asText());
            assertThat(data.path("keyEvent").asBoolean()).isTrue();
            Element onPage = new Browser().page(story.publicPath).getElementById("entry-" + posted.id);
            assertThat(Jsoup.parseBodyFragment(data.path("html").asText()).body().child(0).outerHtml())
                    .as("the markup a reload shows").isEqualTo(onPage.outerHtml());
            assertThat(data.path("keyHtml").asText()).contains("#entry-" + posted.id);
            assertThat(stream.events()).noneMatch(e -> e.data().contains("Rivers are rising.")).as("nothing the page had");

            QuarkusTransaction.requiringNew().run(() -> coverage.delete(story.id, posted.id, editor));
            EventStream.Event gone = stream.await(e -> e.data().contains("\"deleted\":true"), SOON);
            assertThat(gone).isNotNull();
            assertThat(JSON.readTree(gone.data()).path("id").asText()).isEqualTo("entry-" + posted.id);

            coverage.end(story.id, editor);
            EventStream.Event ended = stream.await(e -> e.name().equals("ended"), SOON);
            assertThat(ended).isNotNull();
            assertThat(JSON.readTree(ended.data()).path("html").asText()).contains("Live coverage has ended");
        }
    }

    @Test
    void aReaderWhosePageIsOlderCatchesUpAndAStoryThatIsNotLiveHasNoStream() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.liveStory("Rescue under way " + Fixtures.unique("c"), reporter, editor);
        fixtures.liveEntry(story.id, "Divers are in the water.", reporter, false);
        fixtures.liveEntry(story.id, "Two people are out.", reporter, false);
        try (EventStream stream = EventStream.open(url("/live/" + story.id + "/events?after=0"))) {
            assertThat(stream.await(e -> e.data().contains("Divers are in the water."), SOON)).isNotNull();
            assertThat(stream.await(e -> e.data().contains("Two people are out."), SOON)).isNotNull();
        }
        Story normal = fixtures.published("Not live " + Fixtures.unique("n"), reporter, editor);
        try (EventStream none = EventStream.open(url("/live/" + normal.id + "/events"))) {
            assertEquals(404, none.status());
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
