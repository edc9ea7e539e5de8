package org.copydesk.people;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.copydesk.testing.Browser;
import org.copydesk.web.DeskPaths;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Sign-in, sign-out, CSRF on every form, and staff accounts made by the admin. */
@QuarkusTest
class SignInTest {

    @Inject
    Fixtures fixtures;

    @Test
    void loginPageHasLabelledFieldsAndACsrfToken() {
        Document login = new Browser().page("/login");
        assertThat(login.select("label[for=username]").text()).isEqualTo("Username");
        assertThat(login.select("label[for=password]").text()).isEqualTo("Password");
        assertThat(login.select("button").text()).isEqualTo("Sign in");
        assertThat(login.select("input[name=csrf-token]").val()).isNotBlank();
    }

    @Test
    void firstAdminFromConfigurationCanSignIn() {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        assertThat(admin.page("/desk").select(".whoami").text()).contains("Admin");
        assertThat(admin.cookie("copydesk-session")).isNotBlank();
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameMessage() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        for (String[] attempt : List.of(new String[] {reporter.username, "wrong-password-here"},
                new String[] {"nobody-" + Fixtures.unique("u"), "whatever-password"})) {
            Browser browser = new Browser();
            Document login = browser.page("/login");
            Response response = browser.form(login, "form[action=/login]").set("username", attempt[0])
                    .set("password", attempt[1]).press("Sign in");
            assertEquals(401, response.statusCode());
            Document page = Jsoup.parse(response.asString());
            assertThat(page.select("#username-error").text()).contains("The username or password is not right");
            assertThat(page.select("#username").val()).isEqualTo(attempt[0]);
            assertThat(browser.cookie("copydesk-session")).isNull();
        }
    }

    @Test
    void anAbsurdlyLongUsernameIsJustAFailedSignIn() {
        Browser browser = new Browser();
        Document login = browser.page("/login");
        Response response = browser.form(login, "form[action=/login]").set("username", "x".repeat(5000))
                .set("password", "whatever-password").press("Sign in");
        assertEquals(401, response.statusCode());
    }

    @Test
    void signInWithoutCsrfTokenIsRefused() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Response response = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", reporter.username).formParam("password", Fixtures.PASSWORD)
                .post("/login");
        assertThat(response.statusCode()).as("a form without its CSRF token").isEqualTo(400);
        assertThat(response.detailedCookies().get("copydesk-session")).isNull();
    }

    @Test
    void theBuiltInFormLoginEndpointIsNotAWayAroundCsrf() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Response response = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", reporter.username).formParam("j_password", Fixtures.PASSWORD)
                .post("/j_security_check");
        assertThat(response.detailedCookies().get("copydesk-session")).isNull();
        assertThat(response.statusCode()).as("no such endpoint").isEqualTo(404);
    }

    @Test
    void signInReturnsToThePageAskedForButNeverOffSite() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser();
        Response challenge = browser.get("/desk/stories/new");
        String loginPath = Browser.pathOf(challenge.header("Location"));
        Document login = browser.page(loginPath);
        Response back = browser.form(login, "form[action=/login]").set("username", reporter.username)
                .set("password", Fixtures.PASSWORD).press("Sign in");
        assertThat(Browser.pathOf(back.header("Location"))).isEqualTo("/desk/stories/new");

        Browser other = new Browser();
        Document evil = other.page("/login?next=//evil.example/phish");
        Response safe = other.form(evil, "form[action=/login]").set("username", reporter.username)
                .set("password", Fixtures.PASSWORD).press("Sign in");
        assertThat(Browser.pathOf(safe.header("Location"))).isEqualTo("/desk");
        assertThat(safe.header("Location")).doesNotContain("evil");
    }

    @Test
    void signOutEndsTheSessionInTheBrowser() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document desk = browser.page("/desk");
        Document after = browser.follow(browser.form(desk, "form[action=/logout]").press("Sign out"));
        assertThat(after.select(".flash").text()).isEqualTo("You have signed out.");
        assertEquals(302, browser.get("/desk").statusCode());
    }

    @Test
    void adminCreatesAccountsWithHashedPasswordsAndSetsRoles() {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        String username = Fixtures.unique("newbie");
        Document staff = admin.page("/desk/staff");
        admin.follow(admin.form(staff, "form[action=/desk/staff]").set("username", username)
                .set("password", "a-long-enough-password").set("displayName", "Nadia Newbie").set("role", "REPORTER")
                .press("Create account"));
        StaffAccount created = account(username);
        assertThat(created.passwordHash).startsWith("$2").doesNotContain("a-long-enough-password");
        assertThat(BcryptUtil.matches("a-long-enough-password", created.passwordHash)).isTrue();
        assertThat(created.role()).isEqualTo(Role.REPORTER);
        assertThat(authorOf(username)).isEqualTo("Nadia Newbie");

        Document again = admin.page("/desk/staff");
        admin.follow(admin.form(again, "form[action=" + DeskPaths.staffRoleAction(created.id) + "]").set("role", "EDITOR")
                .press("Set role"));
        assertThat(account(username).role()).isEqualTo(Role.EDITOR);
        new Browser().signIn(username, "a-long-enough-password").page("/desk/authors");
    }

    @Test
    void shortPasswordIsRefusedWithTheTypedNameKept() {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        Document staff = admin.page("/desk/staff");
        String username = Fixtures.unique("shorty");
        Response response = admin.form(staff, "form[action=/desk/staff]").set("username", username)
                .set("password", "short").set("displayName", "Shorty").press("Create account");
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("#password-error").text()).contains("at least 12 characters");
        assertThat(page.select("#username").val()).isEqualTo(username);
        assertThat(StaffAccount.findByUsername(username)).isEmpty();
    }

    @Test
    void aPostWithoutCsrfTokenChangesNothing() {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        String username = Fixtures.unique("forged");
        Response response = admin.post("/desk/staff", Map.of("username", List.of(username),
                "password", List.of("a-long-enough-password"), "displayName", List.of("Forged"),
                "role", List.of("ADMIN")));
        assertThat(response.statusCode()).as("a form without its CSRF token").isEqualTo(400);
        assertThat(StaffAccount.findByUsername(username)).isEmpty();
    }

    @Transactional
    StaffAccount account(String username) {
        return StaffAccount.findByUsername(username).orElseThrow();
    }

    @Transactional
    String authorOf(String username) {
        return AuthorProfile.findByStaffAccount(account(username)).orElseThrow().name;
    }
}
