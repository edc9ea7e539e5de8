package org.copydesk.people;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.testing.ConfiguredLikeProduction;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Password guessing is slowed per account and per address, with a clear message and no hint of which accounts exist.
 * The production limits (ConfiguredLikeProduction): 5 failures per account, 20 per address, in 15 minutes.
 */
@QuarkusTest
@TestProfile(ConfiguredLikeProduction.class)
class SignInThrottleTest {

    @Inject
    Fixtures fixtures;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        StaffAccount account = fixtures.staff(Role.REPORTER);
        String address = "198.51.100." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(account.username, "not-the-password-" + i, address).statusCode()).isEqualTo(401);
        }
        Response locked = signIn(account.username, Fixtures.PASSWORD, address);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(locked.asString()).select(".error-message").text())
                .contains("Too many failed sign-ins").contains("minutes");
        assertThat(signIn(account.username, Fixtures.PASSWORD, "203.0.113.77").statusCode())
                .as("the account stays locked from any address").isEqualTo(429);

        // An unknown username locks the same way: the answer says nothing about which accounts exist.
        String nobody = Fixtures.unique("nobody");
        for (int i = 0; i < 5; i++) {
            signIn(nobody, "guess-" + i, address);
        }
        Response lockedNobody = signIn(nobody, "guess", address);
        assertThat(lockedNobody.statusCode()).isEqualTo(429);
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressOnly() {
        String address = "192.0.2." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < 20; i++) {
            signIn(Fixtures.unique("spray"), "password-spray-" + i, address);
        }
        StaffAccount account = fixtures.staff(Role.REPORTER);
        assertThat(signIn(account.username, Fixtures.PASSWORD, address).statusCode()).isEqualTo(429);
        assertThat(signIn(account.username, Fixtures.PASSWORD, "203.0.113.5").statusCode())
                .as("the same account from elsewhere").isEqualTo(303);
    }

    /** A sign-in form post from a given client address, as the trusted proxy in front would pass it on. */
    private static Response signIn(String username, String password, String address) {
        Response form = given().get("/login");
        String token = Jsoup.parse(form.asString()).select("input[name=csrf-token]").val();
        return given().redirects().follow(false).cookies(form.cookies()).header("X-Forwarded-For", address)
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("csrf-token", token, "username", username, "password", password))
                .post("/login");
    }
}
