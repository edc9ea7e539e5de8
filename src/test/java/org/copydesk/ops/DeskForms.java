package org.copydesk.ops;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.response.Response;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.FormElement;

/** Fills in and sends a desk form on a running app the way a browser does: every field as the page shows it. */
final class DeskForms {

    private DeskForms() {
    }

    /**
     * Opens {@code page}, takes the form whose action ends with {@code actionSuffix}, changes the
     * fields given, and posts it (url-encoded); returns the answer, redirects not followed.
     */
    static Response submit(String base, Map<String, String> cookies, String page, String actionSuffix,
            Map<String, String> changes) {
        Response shown = given().baseUri(base).cookies(cookies).redirects().follow(false).get(page);
        if (shown.statusCode() != 200) {
            throw new AssertionError(page + " answered " + shown.statusCode());
        }
        FormElement form = Jsoup.parse(shown.asString(), base).select("form").forms().stream()
                .filter(f -> f.attr("action").endsWith(actionSuffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no form posting to " + actionSuffix + " on " + page));
        Map<String, String> fields = new LinkedHashMap<>();
        for (Connection.KeyVal field : form.formData()) {
            fields.putIfAbsent(field.key(), field.value());
        }
        fields.putAll(changes);
        Map<String, String> allCookies = new LinkedHashMap<>(cookies);
        allCookies.putAll(shown.cookies());
        return given().baseUri(base).cookies(allCookies).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(fields)
                .post(form.attr("action"));
    }
}
