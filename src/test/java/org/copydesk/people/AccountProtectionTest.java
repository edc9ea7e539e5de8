package org.copydesk.people;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Passwords, sessions and accounts: what protects a newsroom's sign-ins. */
@QuarkusTest
class AccountProtectionTest {

    @Inject
    Fixtures fixtures;

    @Test
    void commonOrGuessablePasswordsAreRefusedWhenAnAdminCreatesAnAccount() {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        for (String weak : new String[] {"password1234", "qwertyuiop123", "monkey123456", "iloveyou2024!"}) {
            Response refused = admin.form(admin.page("/desk/staff"), "form[action=/desk/staff]")
                    .set("username", Fixtures.unique("weak")).set("password", weak).set("displayName", "Weak Password")
                    .set("role", "REPORTER").press("Create account");
            assertThat(refused.statusCode()).as(weak).isEqualTo(400);
            assertThat(Jsoup.parse(refused.asString()).select("#password-error").text()).as(weak).contains("too easy to guess");
        }
        Response tooShort = admin.form(admin.page("/desk/staff"), "form[action=/desk/staff]")
                .set("username", Fixtures.unique("short")).set("password", "Xk9#pQ2!").set("displayName", "Short")
                .set("role", "REPORTER").press("Create account");
        assertThat(Jsoup.parse(tooShort.asString()).select("#password-error").text()).contains("at least 12 characters");
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() {
        StaffAccount account = fixtures.staff(Role.REPORTER);
        Browser here = new Browser().signIn(account.username, Fixtures.PASSWORD);
        Browser elsewhere = new Browser().signIn(account.username, Fixtures.PASSWORD);

        Document page = here.page("/desk/account");
        Response wrongCurrent = here.form(page, "form[action=/desk/account]").set("currentPassword", "not-it")
                .set("newPassword", "violet-harbour-lantern-97").set("confirmPassword", "violet-harbour-lantern-97")
                .press("Change password");
        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(wrongCurrent.asString()).select("#currentPassword-error").text()).contains("not right");
        Response weak = here.form(page, "form[action=/desk/account]").set("currentPassword", Fixtures.PASSWORD)
                .set("newPassword", "password1234").set("confirmPassword", "password1234").press("Change password");
        assertThat(Jsoup.parse(weak.asString()).select("#newPassword-error").text()).contains("too easy to guess");
        Response mismatch = here.form(page, "form[action=/desk/account]").set("currentPassword", Fixtures.PASSWORD)
                .set("newPassword", "violet-harbour-lantern-97").set("confirmPassword", "violet-harbour-lantern-98")
                .press("Change password");
        assertThat(Jsoup.parse(mismatch.asString()).select("#confirmPassword-error").text()).contains("not the same");

        Response changed = here.form(page, "form[action=/desk/account]").set("currentPassword", Fixtures.PASSWORD)
                .set("newPassword", "violet-harbour-lantern-97").set("confirmPassword", "violet-harbour-lantern-97")
                .press("Change password");
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(here.get("/desk").statusCode()).as("this browser stays signed in").isEqualTo(200);
        assertThat(redirectsToSignIn(elsewhere.get("/desk"))).as("the other session has ended").isTrue();
        new Browser().signIn(account.username, "violet-harbour-lantern-97");
    }

    @Test
    void aDisabledAccountIsSignedOutAndCannotSignIn() {
        StaffAccount account = fixtures.staff(Role.REPORTER);
        Browser reporter = new Browser().signIn(account.username, Fixtures.PASSWORD);
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        Document staff = admin.page("/desk/staff");
        Response disabled = admin.form(staff, "form[action=/desk/staff/" + account.id + "/enabled]").press("Disable");
        assertThat(admin.follow(disabled).select(".flash").text()).contains("Account disabled");

        assertThat(redirectsToSignIn(reporter.get("/desk"))).as("the open session ends at once").isTrue();
        Browser stranger = new Browser();
        Document login = stranger.page("/login");
        Response refused = stranger.form(login, "form[action=/login]").set("username", account.username)
                .set("password", Fixtures.PASSWORD).press("Sign in");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(refused.asString()).select(".error-message").text())
                .as("the same words as a wrong password").contains("The username or password is not right");

        admin.form(admin.page("/desk/staff"), "form[action=/desk/staff/" + account.id + "/enabled]").press("Enable");
        new Browser().signIn(account.username, Fixtures.PASSWORD);

        Response self = admin.form(admin.page("/desk/staff"), "form[action=/desk/staff/" + adminId() + "/enabled]")
                .press("Disable");
        assertThat(admin.follow(self).select(".flash").text()).contains("cannot disable your own account");
    }

    @Test
    void signingOutEndsTheSessionEvenForACopiedCookie() {
        StaffAccount account = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(account.username, Fixtures.PASSWORD);
        String copied = browser.cookie("copydesk-session");
        Document desk = browser.page("/desk");
        browser.form(desk, "form[action=/logout]").press("Sign out");
        Response replayed = new Browser().withCookie("copydesk-session", copied).get("/desk");
        assertThat(redirectsToSignIn(replayed)).isTrue();
    }

    @Test
    void cookiesAndHeadersAreSafe() {
        Response login = given().get("/login");
        String token = Jsoup.parse(login.asString()).select("input[name=csrf-token]").val();
        Response overHttps = given().redirects().follow(false).cookies(login.cookies())
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.10")
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("username", "admin").formParam("password", "test-admin-password")
                .post("/login");
        assertThat(overHttps.statusCode()).isEqualTo(303);
        String session = overHttps.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("copydesk-session=")).findFirst().orElseThrow();
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Secure");
        assertThat(overHttps.header("Strict-Transport-Security")).startsWith("max-age=");

        Response plain = given().get("/");
        assertThat(plain.header("Strict-Transport-Security")).isNull();
        assertThat(plain.header("Server")).isNull();
        assertThat(plain.header("X-Powered-By")).isNull();
        assertThat(plain.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(plain.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    private static boolean redirectsToSignIn(Response response) {
        return (response.statusCode() == 302 || response.statusCode() == 303)
                && Browser.pathOf(response.header("Location")).startsWith("/login");
    }

    private static long adminId() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> StaffAccount.findByUsername("admin").orElseThrow().id);
    }
}
