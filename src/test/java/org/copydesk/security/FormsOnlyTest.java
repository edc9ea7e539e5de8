package org.copydesk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.distribution.IntegrationToken;
import org.copydesk.distribution.IntegrationTokens;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.web.DeskPaths;
import org.junit.jupiter.api.Test;

/**
 * The CSRF check reads forms; the API's JSON is let past it (its token is a header). So nothing else may change
 * anything: a page elsewhere posting text/plain or JSON with a signed-in editor's cookies is refused, not obeyed.
 */
@QuarkusTest
class FormsOnlyTest {

    @Inject
    Fixtures fixtures;

    @Inject
    IntegrationTokens tokens;

    @Test
    void aPostThatIsNotAFormIsRefusedOutsideTheApiEvenWithASession() {
        StaffAccount admin = fixtures.staff(Role.ADMIN);
        long token = tokens.create("Target " + Fixtures.unique("t"), Set.of(), null, admin).token().id;
        Browser session = new Browser().signIn(admin.username, Fixtures.PASSWORD);
        for (String type : new String[] {"text/plain", "application/json", "application/xml"}) {
            Response forged = given().redirects().follow(false).cookies(session.cookies()).contentType(type).body("x=1")
                    .post(DeskPaths.integrationTokenRevokeAction(token));
            assertThat(forged.statusCode()).as(type).isEqualTo(415);
        }
        given().redirects().follow(false).cookies(session.cookies()).contentType("text/plain").body("")
                .post("/logout").then().statusCode(415);
        assertThat(QuarkusTransaction.requiringNew().call(() -> IntegrationToken.<IntegrationToken>findById(token).revokedAt))
                .as("not revoked").isNull();
        assertThat(session.get(DeskPaths.integrations()).statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void aFormWithoutItsTokenIsStillRefused() {
        StaffAccount admin = fixtures.staff(Role.ADMIN);
        long token = tokens.create("Target " + Fixtures.unique("t"), Set.of(), null, admin).token().id;
        Browser session = new Browser().signIn(admin.username, Fixtures.PASSWORD);
        Response forged = given().redirects().follow(false).cookies(session.cookies())
                .contentType("application/x-www-form-urlencoded").formParam("x", "1")
                .post(DeskPaths.integrationTokenRevokeAction(token));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(QuarkusTransaction.requiringNew().call(() -> IntegrationToken.<IntegrationToken>findById(token).revokedAt)).isNull();
    }
}
