package org.copydesk.ops;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import org.jsoup.Jsoup;

/** Signs in to a running app through its form, CSRF token and all; returns the redirect answer. */
final class SignIn {

    private SignIn() {
    }

    static Response as(String base, String username, String password) {
        Response login = given().baseUri(base).get("/login");
        String csrf = Jsoup.parse(login.asString()).select("input[name=csrf-token]").val();
        return given().baseUri(base).redirects().follow(false).cookies(login.cookies())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", csrf).formParam("username", username)
                .formParam("password", password).formParam("next", "/desk")
                .post("/login");
    }
}
