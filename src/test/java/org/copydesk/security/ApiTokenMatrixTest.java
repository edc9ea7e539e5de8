package org.copydesk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.copydesk.distribution.IntegrationTokens;
import org.copydesk.distribution.TokenScope;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every API route, asked by every kind of caller: the answer each must get. Reading published stories needs no
 * token (and a token changes nothing); drafts need a token with the scope, and a desk session is no token.
 */
@QuarkusTest
class ApiTokenMatrixTest {

    /** Who asks: no one, a desk admin's browser (its cookies), tokens with no scope, drafts:read, drafts:write, one revoked. */
    enum Caller { NOBODY, ADMIN_SESSION, PUBLIC_TOKEN, READ_TOKEN, WRITE_TOKEN, REVOKED_TOKEN }

    record Line(String route, String statuses, Function<World, Function<RequestSpecification, Response>> request) {
        int expected(Caller caller) {
            return Integer.parseInt(statuses.split(" ")[caller.ordinal()]);
        }
    }

    static final List<Line> MATRIX = List.of(
            new Line("GET /api/v1/stories", "200 200 200 200 200 200", w -> r -> r.get("/api/v1/stories")),
            new Line("GET /api/v1/stories/{id}", "200 200 200 200 200 200", w -> r -> r.get("/api/v1/stories/" + w.published)),
            new Line("GET /api/v1/sections", "200 200 200 200 200 200", w -> r -> r.get("/api/v1/sections")),
            new Line("GET /api/v1/authors", "200 200 200 200 200 200", w -> r -> r.get("/api/v1/authors")),
            new Line("GET /api/v1/authors/{slug}", "200 200 200 200 200 200", w -> r -> r.get("/api/v1/authors/" + w.authorSlug)),
            new Line("GET /api/v1/drafts", "401 401 403 200 403 401", w -> r -> r.get("/api/v1/drafts")),
            new Line("GET /api/v1/drafts/{id}", "401 401 403 200 403 401", w -> r -> r.get("/api/v1/drafts/" + w.draft)),
            new Line("POST /api/v1/drafts", "401 401 403 403 201 401", w -> r -> r.contentType("application/json")
                    .body(Map.of("headline", "Matrix via API", "section", "world")).post("/api/v1/drafts")),
            // The write token changes a draft it made; the desk's drafts are another's (the workflow refuses, 403).
            new Line("PUT /api/v1/drafts/{id}", "401 401 403 403 200 401", w -> r -> r.contentType("application/json")
                    .body(Map.of("headline", "Matrix changed via API", "section", "world")).put("/api/v1/drafts/" + w.ownDraft)));

    @Inject
    Fixtures fixtures;

    @Inject
    IntegrationTokens tokens;

    /** What the lines ask about. */
    static final class World {
        long published;
        long draft;
        long ownDraft;
        String authorSlug;
    }

    @Test
    void everyApiRouteHasALine() throws Exception {
        Set<String> apiRoutes = new TreeSet<>(PermissionMatrixTest.appRoutes().stream().filter(r -> r.contains(" /api/")).toList());
        assertThat(new TreeSet<>(MATRIX.stream().map(Line::route).toList())).isEqualTo(apiRoutes);
    }

    @Test
    void everyCallerGetsTheAnswerTheMatrixSays() {
        StaffAccount admin = fixtures.staff(Role.ADMIN);
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Map<Caller, String> secrets = new EnumMap<>(Caller.class);
        secrets.put(Caller.PUBLIC_TOKEN, tokens.create("Matrix public " + Fixtures.unique("p"), Set.of(), null, admin).secret());
        secrets.put(Caller.READ_TOKEN, tokens.create("Matrix read " + Fixtures.unique("r"), Set.of(TokenScope.READ_DRAFTS), null, admin).secret());
        IntegrationTokens.Created writer = tokens.create("Matrix write " + Fixtures.unique("w"), Set.of(TokenScope.WRITE_DRAFTS), null, admin);
        secrets.put(Caller.WRITE_TOKEN, writer.secret());
        IntegrationTokens.Created revoked = tokens.create("Matrix revoked " + Fixtures.unique("x"),
                Set.of(TokenScope.READ_DRAFTS, TokenScope.WRITE_DRAFTS), null, admin);
        tokens.revoke(revoked.token().id, admin);
        secrets.put(Caller.REVOKED_TOKEN, revoked.secret());
        Browser session = new Browser().signIn(admin.username, Fixtures.PASSWORD);

        World world = new World();
        Story published = fixtures.published("Matrix API " + Fixtures.unique("a"), reporter, editor);
        world.published = published.id;
        world.authorSlug = fixtures.reload(published.id).bylines.get(0).author.slug;
        world.draft = fixtures.story("Matrix API draft " + Fixtures.unique("d"), reporter, editor).id;
        world.ownDraft = Long.parseLong(given().header("Authorization", "Bearer " + writer.secret()).contentType("application/json")
                .body(Map.of("headline", "Matrix own draft", "section", "world")).post("/api/v1/drafts").header("Location")
                .replaceAll(".*/", ""));

        for (Line line : MATRIX) {
            for (Caller caller : Caller.values()) {
                RequestSpecification request = given().redirects().follow(false);
                if (secrets.containsKey(caller)) {
                    request = request.header("Authorization", "Bearer " + secrets.get(caller));
                }
                if (caller == Caller.ADMIN_SESSION) {
                    request = request.cookies(session.cookies());
                }
                Response answer = line.request().apply(world).apply(request);
                assertThat(answer.statusCode()).as("%s by %s: %s", line.route(), caller, answer.asString())
                        .isEqualTo(line.expected(caller));
                assertThat(answer.contentType()).as("%s by %s", line.route(), caller).startsWith("application/json");
            }
        }
    }
}
