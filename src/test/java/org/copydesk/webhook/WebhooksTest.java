package org.copydesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.distribution.ApiPaths;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryService;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.HtmlChecker;
import org.copydesk.testing.NinjsSchema;
import org.copydesk.testing.WebhookReceiver;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end on loopback: the admin registers an endpoint on the desk, a receiver verifies what it gets with
 * the secret the desk shows, and the desk lists the deliveries. Retries are 1 s, 2 s, 4 s ... in tests.
 */
@QuarkusTest
class WebhooksTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration SOON = Duration.ofSeconds(15);

    @Inject
    Fixtures fixtures;

    @Inject
    StoryService stories;

    @Inject
    WebhookWorker worker;

    final List<WebhookReceiver> receivers = new ArrayList<>();
    Browser admin;

    @BeforeEach
    void signIn() {
        admin = new Browser().signIn("admin", "test-admin-password");
    }

    @AfterEach
    void deleteEndpoints() {
        receivers.forEach(WebhookReceiver::close);
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery.deleteAll();
            WebhookEndpoint.deleteAll();
        });
    }

    @Test
    void publishedCorrectedAndUnpublishedStoriesReachTheReceiverSignedAndTheDeskListsThem() throws Exception {
        WebhookReceiver receiver = register(WebhookEvent.all());
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String headline = "Dam opens " + Fixtures.unique("w");
        Story story = fixtures.published(headline, fixtures.staff(Role.REPORTER), editor);

        WebhookReceiver.Received published = receiver.await(r -> r.body().contains(headline), SOON);
        assertThat(published).as("the publication reaches the receiver").isNotNull();
        assertThat(published.verified()).as("its signature verifies with the secret the desk shows").isTrue();
        assertThat(published.id()).startsWith("msg_");
        JsonNode body = JSON.readTree(published.body());
        assertThat(body.path("type").asText()).isEqualTo("story.published");
        assertThat(body.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(headline(body.path("data"))).isEqualTo(headline);
        assertThat(body.path("data").path("uri").asText()).endsWith(ApiPaths.story(story.id));
        assertThat(body.path("data").path("renditions").get(0).path("href").asText()).endsWith(fixtures.reload(story.id).publicPath);
        assertThat(body.path("data").path("pubstatus").asText()).isEqualTo("usable");
        assertThat(NinjsSchema.errors(body.path("data").toString())).as("the data is ninjs 2.0").isEmpty();

        QuarkusTransaction.requiringNew().run(() -> stories.addCorrection(story.id, "An earlier version misspelt the dam.", editor));
        WebhookReceiver.Received corrected = receiver.await(r -> r.body().contains("\"story.corrected\""), SOON);
        assertThat(corrected).isNotNull();
        assertThat(corrected.verified()).isTrue();
        JsonNode correctedData = JSON.readTree(corrected.body()).path("data");
        assertThat(headline(correctedData)).isEqualTo(headline);
        assertThat(correctedData.path("bodies").findValuesAsText("value")).anySatisfy(text -> assertThat(text)
                .contains("An earlier version misspelt the dam."));

        QuarkusTransaction.requiringNew().run(() -> stories.act(story.id, StoryAction.UNPUBLISH, editor, "Legal advice"));
        WebhookReceiver.Received unpublished = receiver.await(r -> r.body().contains("\"story.unpublished\""), SOON);
        assertThat(unpublished).isNotNull();
        assertThat(unpublished.verified()).isTrue();
        JsonNode gone = JSON.readTree(unpublished.body()).path("data");
        assertThat(gone.path("pubstatus").asText()).isEqualTo("canceled");
        assertThat(gone.path("uri").asText()).endsWith(ApiPaths.story(story.id));
        assertThat(NinjsSchema.errors(gone.toString())).isEmpty();

        assertThat(receiver.received()).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates().hasSize(3);

        Document page = awaitListed("Delivered", 3);
        assertThat(HtmlChecker.errors(admin.get("/desk/integrations/webhooks").asString())).isEmpty();
        assertThat(page.select("#deliveries tbody tr")).hasSize(3).allSatisfy(row -> {
            assertThat(row.selectFirst(".status").text()).isEqualTo("Delivered");
            assertThat(row.selectFirst(".attempts").text()).isEqualTo("1");
            assertThat(row.selectFirst(".response").text()).isEqualTo("200");
        });
        assertThat(page.select("#deliveries tbody tr code").eachText())
                .containsExactly("story.unpublished", "story.corrected", "story.published");
        assertThat(page.select("#deliveries tbody tr a").eachText()).containsOnly(headline);
    }

    @Test
    void aPublishedUpdateIsStoryUpdatedWithTheNewText() throws Exception {
        WebhookReceiver receiver = register(List.of(WebhookEvent.UPDATED));
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Old headline " + Fixtures.unique("u"), fixtures.staff(Role.REPORTER), editor);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        String changed = "New headline " + Fixtures.unique("u");
        Document update = desk.follow(desk.form(desk.page("/desk/stories/" + story.id), "#story-form")
                .set("headline", changed).press("Save draft"));
        assertThat(desk.follow(desk.form(update, "#story-form").pressThroughCheck("Publish update")).select(".flash").text())
                .contains("Update published");

        WebhookReceiver.Received updated = receiver.await(r -> r.body().contains("\"story.updated\""), SOON);
        assertThat(updated).isNotNull();
        assertThat(updated.verified()).isTrue();
        JsonNode data = JSON.readTree(updated.body()).path("data");
        assertThat(headline(data)).isEqualTo(changed);
        assertThat(data.path("uri").asText()).endsWith(ApiPaths.story(story.id));
        assertThat(receiver.received()).as("only the events it asked for").hasSize(1);
    }

    @Test
    void aReceiverDownForAWhileGetsEverythingOnceItIsBack() throws Exception {
        WebhookReceiver receiver = register(List.of(WebhookEvent.PUBLISHED));
        receiver.answer(500);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        StaffAccount writer = fixtures.staff(Role.REPORTER);
        String first = "Storm nears " + Fixtures.unique("r");
        fixtures.published(first, writer, editor);
        assertThat(receiver.await(r -> r.body().contains(first), SOON)).as("tried, answered 500").isNotNull();

        // Then it goes away altogether: connections refused, and a second story is published meanwhile.
        receiver.stop();
        String second = "Storm lands " + Fixtures.unique("r");
        fixtures.published(second, writer, editor);
        Document retrying = awaitListed("Retrying", 2);
        // The desk says in words what went wrong: the receiver's answer, then nothing listening.
        assertThat(retrying.select("#deliveries tbody tr .response").eachText())
                .anySatisfy(text -> assertThat(text).startsWith("Connection refused"))
                .allSatisfy(text -> assertThat(text).doesNotContain("Exception"));
        Thread.sleep(2500);

        receiver.answer(200);
        receiver.resume();
        WebhookReceiver.Received firstDelivered = receiver.await(r -> r.body().contains(first) && r.verified(), Duration.ofSeconds(30));
        WebhookReceiver.Received secondDelivered = receiver.await(r -> r.body().contains(second) && r.verified(), Duration.ofSeconds(30));
        assertThat(firstDelivered).as("the first story, after its retries").isNotNull();
        assertThat(secondDelivered).as("the story published while the receiver was down").isNotNull();
        // Every attempt of one delivery carries the same webhook-id, so the receiver can tell a repeat.
        assertThat(receiver.received().stream().filter(r -> r.body().contains(first)).map(WebhookReceiver.Received::id).distinct())
                .hasSize(1);

        Document page = awaitListed("Delivered", 2);
        assertThat(page.select("#deliveries tbody tr .attempts").eachText().stream().mapToInt(Integer::parseInt).min().orElse(0))
                .as("each delivered after more than one attempt").isGreaterThan(1);
    }

    @Test
    void aChangeRolledBackWritesNoDelivery() throws Exception {
        WebhookReceiver receiver = register(WebhookEvent.all());
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story inReview = fixtures.story("Never out " + Fixtures.unique("n"), fixtures.staff(Role.REPORTER), editor,
                StoryAction.SUBMIT);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                stories.act(inReview.id, StoryAction.PUBLISH, editor, null);
                throw new IllegalStateException("the rest of the change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.count("storyId", inReview.id))).isZero();
        Thread.sleep(1500);
        assertThat(receiver.received()).isEmpty();
        assertThat(admin.page("/desk/integrations/webhooks").getElementById("no-deliveries")).isNotNull();
    }

    @Test
    void badInputComesBackWithItsMessagesAndWhatWasTyped() throws Exception {
        assertThat(admin.page("/desk/integrations").select("a").eachAttr("href")).as("the integrations page links here")
                .contains("/desk/integrations/webhooks");
        Document page = admin.page("/desk/integrations/webhooks");
        assertThat(page.select("a").eachAttr("href")).contains("/desk/integrations");
        Response refused = admin.form(page, "#webhook-form").set("url", "ftp://example.com/hooks")
                .set("description", "Partner feed").press("Add webhook");
        assertEquals(400, refused.statusCode());
        Document again = Jsoup.parse(refused.asString());
        assertThat(again.title()).startsWith("Error:");
        assertThat(again.select(".error-summary li").eachText()).containsExactly(
                "Enter the endpoint URL as a full web address starting http:// or https://, such as https://example.com/webhooks",
                "Choose at least one event");
        assertThat(again.getElementById("url").val()).isEqualTo("ftp://example.com/hooks");
        assertThat(again.getElementById("description").val()).isEqualTo("Partner feed");

        Response stillRefused = admin.form(again, "#webhook-form").set("url", "").add("events", "story.corrected")
                .press("Add webhook");
        assertEquals(400, stillRefused.statusCode());
        Document third = Jsoup.parse(stillRefused.asString());
        assertThat(third.select(".error-summary li").eachText()).containsExactly("Enter the endpoint URL");
        assertThat(third.select("input[name=events][checked]").eachAttr("value")).containsExactly("story.corrected");
        assertThat(QuarkusTransaction.requiringNew().call(() -> WebhookEndpoint.count())).isZero();
        assertThat(HtmlChecker.errors(stillRefused.asString())).isEmpty();
    }

    @Test
    void aDisabledEndpointIsToldOfNothingUntilEnabledAgainAndADeletedOneGoesWithItsDeliveries() throws Exception {
        WebhookReceiver receiver = register(List.of(WebhookEvent.PUBLISHED));
        Document page = admin.page("/desk/integrations/webhooks");
        Response disabled = admin.form(page, "#endpoints form[action$=/enabled]").press("Disable");
        assertEquals(303, disabled.statusCode());
        assertThat(admin.follow(disabled).select("#endpoints td").eachText()).contains("Disabled");

        StaffAccount editor = fixtures.staff(Role.EDITOR);
        StaffAccount writer = fixtures.staff(Role.REPORTER);
        String whileDisabled = "Held back " + Fixtures.unique("d");
        fixtures.published(whileDisabled, writer, editor);
        Thread.sleep(1500);
        assertThat(receiver.received()).as("nothing sent while disabled").isEmpty();

        Response enabled = admin.form(admin.page("/desk/integrations/webhooks"), "#endpoints form[action$=/enabled]")
                .press("Enable");
        assertEquals(303, enabled.statusCode());
        String afterwards = "Let through " + Fixtures.unique("d");
        fixtures.published(afterwards, writer, editor);
        assertThat(receiver.await(r -> r.body().contains(afterwards) && r.verified(), SOON)).as("sent once enabled").isNotNull();
        assertThat(receiver.received()).noneSatisfy(r -> assertThat(r.body()).contains(whileDisabled));

        Response deleted = admin.form(admin.page("/desk/integrations/webhooks"), "#endpoints form[action$=/delete]")
                .press("Delete");
        assertEquals(303, deleted.statusCode());
        Document after = admin.follow(deleted);
        assertThat(after.getElementById("no-endpoints")).isNotNull();
        assertThat(after.getElementById("no-deliveries")).isNotNull();
        assertThat(admin.page("/desk/audit").select("td").eachText())
                .contains("Webhook added", "Webhook disabled", "Webhook enabled", "Webhook deleted");
    }

    @Test
    void deliveriesDoneWithAreDeletedAfterTheirTimeAndTheOthersKept() throws Exception {
        WebhookReceiver receiver = register(List.of(WebhookEvent.PUBLISHED));
        receiver.answer(500);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String headline = "Kept while retried " + Fixtures.unique("k");
        fixtures.published(headline, fixtures.staff(Role.REPORTER), editor);
        assertThat(receiver.await(r -> r.body().contains(headline), SOON)).isNotNull();
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery done = new WebhookDelivery();
            done.endpointId = WebhookEndpoint.<WebhookEndpoint>findAll().firstResult().id;
            done.eventType = "story.published";
            done.messageId = "msg_old_" + Fixtures.unique("m");
            done.payload = "{}";
            done.status = WebhookDelivery.DELIVERED;
            done.attempts = 1;
            done.createdAt = java.time.Instant.now().minus(Duration.ofDays(40));
            done.nextAttemptAt = done.createdAt;
            done.persist();
        });
        assertThat(worker.clearDeliveriesBefore(java.time.Instant.now().minus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.count())).as("the one still retried").isEqualTo(1);
    }

    private static String headline(JsonNode ninjs) {
        return ninjs.path("headlines").get(0).path("value").asText();
    }

    /** Registers the receiver on the desk as an admin does, and gives it the secret the desk then shows. */
    private WebhookReceiver register(List<WebhookEvent> events) throws Exception {
        WebhookReceiver receiver = WebhookReceiver.start();
        receivers.add(receiver);
        Browser.Form form = admin.form(admin.page("/desk/integrations/webhooks"), "#webhook-form")
                .set("url", receiver.url()).set("description", "Test receiver");
        events.forEach(event -> form.add("events", event.type()));
        Response added = form.press("Add webhook");
        assertEquals(303, added.statusCode(), added.asString());
        Document page = admin.follow(added);
        assertThat(page.select(".flash").text()).contains("Webhook added for " + receiver.url());
        String secret = page.select("#endpoints tr").stream().filter(row -> row.text().contains(receiver.url()))
                .findFirst().orElseThrow().selectFirst(".webhook-secret").text();
        assertThat(secret).matches("whsec_[A-Za-z0-9+/=]{40,}");
        return receiver.secret(secret);
    }

    /** The desk's webhooks page once at least {@code count} deliveries show {@code status}. */
    private Document awaitListed(String status, int count) throws InterruptedException {
        long giveUp = System.currentTimeMillis() + 30_000;
        Document page;
        do {
            page = admin.page("/desk/integrations/webhooks");
            if (page.select("#deliveries .status").eachText().stream().filter(status::equals).count() >= count) {
                return page;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < giveUp);
        throw new AssertionError("no " + count + " deliveries " + status + " on the desk:\n" + page.select("#deliveries"));
    }
}
