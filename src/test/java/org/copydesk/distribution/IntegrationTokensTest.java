package org.copydesk.distribution;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryState;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.NinjsSchema;
import org.copydesk.web.DeskPaths;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Integration tokens, as an admin makes them on the desk and another system uses them: shown once, kept as a hash,
 * scoped, last use shown, revocable; a write token makes and changes drafts through the desk's own service.
 */
@QuarkusTest
class IntegrationTokensTest {

    @Inject
    Fixtures fixtures;

    final ObjectMapper json = new ObjectMapper();

    /** An admin's browser makes a token on /desk/integrations; returns it as the page showed it, once. */
    static String makeToken(Browser admin, String name, String section, String... scopes) {
        Browser.Form form = admin.form(admin.page(DeskPaths.integrations()), "form[action=/desk/integrations/tokens]")
                .set("name", name);
        for (String scope : scopes) {
            form.add("scope", scope);
        }
        if (section != null) {
            form.set("section", section);
        }
        Response made = form.press("Make token");
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.header("Cache-Control")).contains("no-store");
        String secret = org.jsoup.Jsoup.parse(made.asString()).getElementById("token-secret").val();
        assertThat(secret).startsWith("cdk_");
        return secret;
    }

    @Test
    void aTokenIsShownOnceKeptAsAHashAndListedWithItsLastUse() {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        String name = "Agency feed " + Fixtures.unique("t");
        String secret = makeToken(admin, name, null, "drafts:read");
        Document page = admin.page(DeskPaths.integrations());
        assertThat(page.text()).contains(name).contains(secret.substring(0, 10)).doesNotContain(secret);
        assertThat(page.getElementById("token-secret")).isNull();
        long stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                IntegrationToken.count("tokenHash = ?1 or tokenHash = ?2", secret, IntegrationTokens.hash(secret)));
        assertThat(stored).isEqualTo(1);
        assertThat(IntegrationToken.<IntegrationToken>find("name", name).firstResult().tokenHash).isNotEqualTo(secret);

        given().header("Authorization", "Bearer " + secret).get(ApiPaths.drafts()).then().statusCode(200);
        assertThat(admin.page(DeskPaths.integrations()).select("tr:contains(" + name + ") td").get(5).text()).doesNotContain("Never");
    }

    @Test
    void aWriteTokenMakesADraftFromNinjsInTheTokensSectionAndChangesItButNeverPublishes() throws Exception {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        long business = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.copydesk.story.Section.findBySlug("business").orElseThrow().id);
        String secret = makeToken(admin, "Wire " + Fixtures.unique("w"), String.valueOf(business), "drafts:read", "drafts:write");
        String ninjs = """
                {"uri": "urn:agency:2026:1234", "type": "text", "language": "en",
                 "headlines": [{"role": "main", "value": "Port strike ends after nine days"}],
                 "descriptions": [{"role": "summary", "value": "Dockers return on Monday."}],
                 "bodies": [{"role": "main", "contenttype": "text/plain", "value": "First line.\\n\\nSecond line."}],
                 "located": "Rotterdam",
                 "people": [{"name": "Pieter de Vries", "rel": "author"}, {"name": "Ana Lopes", "rel": "Additional reporting by"}],
                 "subjects": [{"name": "Shipping", "rel": "tag"}]}""";
        Response created = given().header("Authorization", "Bearer " + secret).contentType("application/json").body(ninjs)
                .post(ApiPaths.drafts());
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        JsonNode draft = json.readTree(created.asString());
        assertThat(NinjsSchema.errors(created.asString())).isEmpty();
        assertThat(draft.get("pubstatus").asText()).isEqualTo("withheld");
        long id = Long.parseLong(draft.at("/altids/0/value").asText());
        assertThat(created.header("Location")).endsWith(ApiPaths.draft(id));
        Story saved = fixtures.reload(id);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            Story stored = Story.findById(id);
            assertThat(stored.state).isEqualTo(StoryState.DRAFT);
            assertThat(stored.section.slug).isEqualTo("business");
            assertThat(stored.headline).isEqualTo("Port strike ends after nine days");
            assertThat(stored.body).isEqualTo("<p>First line.</p><p>Second line.</p>");
            assertThat(stored.datelinePlace).isEqualTo("Rotterdam");
            assertThat(stored.bylines).extracting(b -> b.author.name).containsExactly("Pieter de Vries", "Ana Lopes");
            assertThat(stored.bylines.get(1).roleLine).isEqualTo("Additional reporting by");
            assertThat(stored.tags).extracting(t -> t.name).containsExactly("Shipping");
            assertThat(stored.createdBy.displayName).startsWith("Integration: Wire");
            assertThat(org.copydesk.revision.StoryRevision.count("story.id", id)).as("a revision, as a desk save makes").isPositive();
        });

        // The form's own fields work too, and a change names the version it changes.
        Response changed = given().header("Authorization", "Bearer " + secret).header("If-Match", "\"" + saved.version + "\"")
                .contentType("application/json")
                .body(Map.of("headline", "Port strike ends after ten days", "body", "<p>Updated.</p>", "section", "business"))
                .put(ApiPaths.draft(id));
        assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
        assertThat(fixtures.reload(id).headline).isEqualTo("Port strike ends after ten days");
        Response stale = given().header("Authorization", "Bearer " + secret).header("If-Match", "\"" + saved.version + "\"")
                .contentType("application/json").body(Map.of("headline", "Old", "section", "business")).put(ApiPaths.draft(id));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(fixtures.reload(id).headline).isEqualTo("Port strike ends after ten days");

        // Not public, not published by anything the API does.
        given().get(ApiPaths.story(id)).then().statusCode(404);
        assertThat(json.readTree(given().header("Authorization", "Bearer " + secret).get(ApiPaths.draft(id)).asString())
                .at("/headlines/0/value").asText()).isEqualTo("Port strike ends after ten days");

        // Once an editor takes it to review, it is the desk's: the token may no longer change it.
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        fixtures.publish(id, editor);
        Response refused = given().header("Authorization", "Bearer " + secret).contentType("application/json")
                .body(Map.of("headline", "Too late", "section", "business")).put(ApiPaths.draft(id));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.asString()).get("error").asText()).contains("published");
    }

    @Test
    void badDraftsAreRefusedWithWhatIsWrongAndNothingIsSaved() throws Exception {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        String secret = makeToken(admin, "Script " + Fixtures.unique("s"), null, "drafts:write");
        long before = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Story.count());
        Response noSection = given().header("Authorization", "Bearer " + secret).contentType("application/json")
                .body(Map.of("headline", "No section")).post(ApiPaths.drafts());
        assertThat(noSection.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noSection.asString()).get("error").asText()).contains("section");
        Response notJson = given().header("Authorization", "Bearer " + secret).contentType("application/json")
                .body("{headline").post(ApiPaths.drafts());
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.asString()).doesNotContain("Exception");
        Response noHeadline = given().header("Authorization", "Bearer " + secret).contentType("application/json")
                .body(Map.of("section", "world", "body", "<p>Words</p>")).post(ApiPaths.drafts());
        assertThat(noHeadline.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noHeadline.asString()).at("/fields/headline").asText()).isNotBlank();
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Story.count())).isEqualTo(before);
    }

    @Test
    void scopesAndRevocationAreHeldToAndACookieOpensNoDraft() throws Exception {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        String reader = makeToken(admin, "Reader " + Fixtures.unique("r"), null, "drafts:read");
        String nothing = makeToken(admin, "Public only " + Fixtures.unique("p"), null);
        Map<String, Object> draft = Map.of("headline", "Scoped", "section", "world");

        given().header("Authorization", "Bearer " + reader).contentType("application/json").body(draft).post(ApiPaths.drafts())
                .then().statusCode(403);
        given().header("Authorization", "Bearer " + nothing).get(ApiPaths.drafts()).then().statusCode(403);
        given().header("Authorization", "Bearer cdk_made-up").get(ApiPaths.drafts()).then().statusCode(401);
        given().get(ApiPaths.drafts()).then().statusCode(401);
        assertThat(admin.get(ApiPaths.drafts()).statusCode()).as("a desk session is no token").isEqualTo(401);
        // What a token reads is for it alone: never kept for others, nor by a shared cache.
        Response read = given().header("Authorization", "Bearer " + reader).get(ApiPaths.drafts());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.header("Cache-Control")).isEqualTo("no-store");

        Document page = admin.page(DeskPaths.integrations());
        String name = page.select("tr:has(code:contains(" + reader.substring(0, 10) + ")) td").first().text();
        Response revoked = admin.form(page, "tr:has(code:contains(" + reader.substring(0, 10) + ")) form").press("Revoke " + name);
        assertThat(revoked.statusCode()).isEqualTo(303);
        given().header("Authorization", "Bearer " + reader).get(ApiPaths.drafts()).then().statusCode(401);
        assertThat(admin.page(DeskPaths.integrations()).select("tr:contains(" + name + ")").text()).contains("Revoked");
    }

    /** An agency feed sends in parallel: drafts naming the same new author at the same moment are all saved, with one profile. */
    @Test
    void draftsSentAtOnceNamingTheSameNewAuthorAreAllSaved() throws Exception {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        String secret = makeToken(admin, "Parallel " + Fixtures.unique("p"), null, "drafts:write");
        String author = "Parallel Writer " + Fixtures.unique("a");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                sent.add(pool.submit(() -> given().header("Authorization", "Bearer " + secret).contentType("application/json")
                        .body(Map.of("headline", "At once " + n, "section", "world", "bylines", List.of(Map.of("name", author))))
                        .post(ApiPaths.drafts()).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> status : sent) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.copydesk.people.AuthorProfile.count("name", author))).isEqualTo(1);
    }
}
