package org.copydesk.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The CSRF cookie is SameSite and Secure over https, and only tokens this site signed are taken, so a cookie
 * planted in the browser with a token to match is refused, while another node holding the same key takes ours;
 * the flash cookie (it may carry a share-preview link) is Secure over https like the session cookie.
 */
@QuarkusTest
class CsrfAndFlashCookiesTest {

    @jakarta.inject.Inject
    Fixtures fixtures;

    @Test
    void theCsrfCookieIsSameSiteAndSecureOverHttps() {
        String overHttps = csrfCookie(given().header("X-Forwarded-Proto", "https").get("/login"));
        assertThat(overHttps).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly").contains("Secure");
        String plain = csrfCookie(given().get("/login"));
        assertThat(plain).containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void aPlantedCookieWithAMatchingTokenIsRefused() {
        byte[] made = new byte[16];
        new SecureRandom().nextBytes(made);
        String planted = Base64.getUrlEncoder().withoutPadding().encodeToString(made);
        Response answer = signIn(planted, "admin", "test-admin-password");
        assertThat(answer.statusCode()).as("a token the site did not make").isEqualTo(400);
        assertThat(answer.asString()).contains("This form could not be accepted");
        assertThat(answer.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("copydesk-session="));
    }

    @Test
    void aTokenSignedByAnotherNodeWithTheSameKeyIsAccepted() {
        SignedCsrfTokens otherNode = new SignedCsrfTokens(Optional.empty(),
                ConfigProvider.getConfig().getOptionalValue("quarkus.http.auth.session.encryption-key", String.class));
        Response answer = signIn(otherNode.newToken(), "admin", "test-admin-password");
        assertThat(answer.statusCode()).isEqualTo(303);

        SignedCsrfTokens anotherKey = new SignedCsrfTokens(Optional.of("another-site-entirely-with-a-key-of-its-own"), Optional.empty());
        assertThat(signIn(anotherKey.newToken(), "admin", "test-admin-password").statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> new SignedCsrfTokens(Optional.of("too-short"), Optional.empty()))
                .hasMessageContaining("COPYDESK_CSRF_KEY");
    }

    /** A browser holding a cookie from before tokens were signed gets a signed one with its next page, and its form works. */
    @Test
    void anUnsignedCookieFromBeforeIsReplacedOnTheNextPage() {
        byte[] made = new byte[16];
        new SecureRandom().nextBytes(made);
        String old = Base64.getUrlEncoder().withoutPadding().encodeToString(made);
        Response login = given().cookie("copydesk-csrf", old).get("/login");
        String token = Jsoup.parse(login.asString()).select("input[name=csrf-token]").val();
        assertThat(token).isNotEqualTo(old);
        assertThat(login.cookie("copydesk-csrf")).isEqualTo(token);
        assertThat(signIn(token, "admin", "test-admin-password").statusCode()).isEqualTo(303);
    }

    /** A form opened in one tab still goes through after other desk pages were opened in others. */
    @Test
    void aBrowserKeepsOneTokenSoFormsOpenInOtherTabsStillWork() {
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser browser = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document firstTab = browser.page("/desk/account");
        String token = firstTab.select("input[name=csrf-token]").val();
        Document secondTab = browser.page("/desk/sections");
        assertThat(secondTab.select("input[name=csrf-token]").val()).isEqualTo(token);
        Response sent = browser.form(firstTab, "form[action=/logout]").press("Sign out");
        assertThat(sent.statusCode()).isEqualTo(303);
    }

    @Test
    void theFlashCookieIsSecureOverHttps() {
        Response login = given().header("X-Forwarded-Proto", "https").get("/login");
        String token = Jsoup.parse(login.asString()).select("input[name=csrf-token]").val();
        Response signedIn = given().redirects().follow(false).cookies(login.cookies()).header("X-Forwarded-Proto", "https")
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                .formParam("username", "admin").formParam("password", "test-admin-password").post("/login");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String flash = signedIn.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(Flash.COOKIE + "="))
                .findFirst().orElseThrow();
        assertThat(flash).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Secure");

        Response plainLogin = given().get("/login");
        Response plain = given().redirects().follow(false).cookies(plainLogin.cookies())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", Jsoup.parse(plainLogin.asString()).select("input[name=csrf-token]").val())
                .formParam("username", "admin").formParam("password", "test-admin-password").post("/login");
        assertThat(plain.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(Flash.COOKIE + "="))
                .findFirst().orElseThrow()).doesNotContain("Secure");
    }

    private static Response signIn(String token, String username, String password) {
        return given().redirects().follow(false).cookie("copydesk-csrf", token)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                .formParam("username", username).formParam("password", password).formParam("next", "/desk").post("/login");
    }

    private static String csrfCookie(Response response) {
        return response.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("copydesk-csrf=")).findFirst()
                .orElseThrow(() -> new AssertionError("no CSRF cookie: " + response.headers()));
    }
}
