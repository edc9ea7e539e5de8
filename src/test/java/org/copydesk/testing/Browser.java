package org.copydesk.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * A small stand-in for a browser over RestAssured: it keeps cookies, reads forms from the HTML it was
 * given (hidden fields and the CSRF token included), fills them in and presses a button by its words.
 */
public class Browser {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    public Response get(String path) {
        Response response = given().urlEncodingEnabled(false).cookies(cookies).redirects().follow(false).get(path);
        remember(response);
        return response;
    }

    /** GETs a page that must answer 200 and parses it. */
    public Document page(String path) {
        Response response = get(path);
        assertEquals(200, response.statusCode(), "GET " + path + " answered " + response.statusCode());
        return Jsoup.parse(response.asString());
    }

    public Response post(String path, Map<String, List<String>> fields) {
        RequestSpecification request = given().cookies(cookies).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        fields.forEach((name, values) -> request.formParam(name, values.toArray()));
        Response response = request.post(path);
        remember(response);
        return response;
    }

    /** A file chosen in a form's file input. */
    public record Upload(String fileName, byte[] bytes, String mimeType) {
    }

    /** Posts as multipart/form-data, as a browser does for a form with a file chosen. */
    public Response postMultipart(String path, Map<String, List<String>> fields, Map<String, Upload> files) {
        RequestSpecification request = given().cookies(cookies).redirects().follow(false).contentType("multipart/form-data");
        fields.forEach((name, values) -> values.forEach(v -> request.multiPart(name, v, "text/plain; charset=UTF-8")));
        files.forEach((name, file) -> request.multiPart(name, file.fileName(), file.bytes(), file.mimeType()));
        Response response = request.post(path);
        remember(response);
        return response;
    }

    /** Follows a redirect to the page it points at (same site only). */
    public Document follow(Response redirect) {
        assertEquals(303, redirect.statusCode(), "expected a redirect but got " + redirect.statusCode()
                + ": " + redirect.asString());
        return page(pathOf(redirect.header("Location")));
    }

    /** Puts a cookie in this browser, as if it had been copied from another one. */
    /**
     * Posts fields as a hand-made request from a page would: with the page's CSRF token, to any address (a story
     * shown read-only has no story form to press).
     */
    public Response postFrom(Document page, String path, Map<String, String> fields) {
        Element token = page.selectFirst("input[name=csrf-token]");
        assertNotNull(token, "no CSRF token on the page");
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("csrf-token", List.of(token.attr("value")));
        fields.forEach((name, value) -> sent.put(name, List.of(value)));
        return post(path, sent);
    }

    public Browser withCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /** The cookies this browser holds, for a request it cannot make itself. */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public Form form(Document page, String selector) {
        Element element = page.selectFirst(selector);
        assertNotNull(element, "no form " + selector + " on the page");
        return new Form((FormElement) element);
    }

    public Browser signIn(String username, String password) {
        Document login = page("/login");
        Response response = form(login, "form[action=/login]").set("username", username).set("password", password)
                .press("Sign in");
        assertEquals(303, response.statusCode(), "sign-in as " + username + " failed: " + response.asString());
        return this;
    }

    /** The story number in the address a save redirected to ({@code /desk/stories/42}). */
    public static long storyIdOf(Response redirect) {
        return Long.parseLong(pathOf(redirect.header("Location")).replaceAll("\\D+", ""));
    }

    public static String pathOf(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private void remember(Response response) {
        for (Cookie cookie : response.detailedCookies()) {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
    }

    /** A form as the browser would send it, with the fields a person changed. */
    public class Form {
        private final FormElement form;
        private final Map<String, List<String>> fields = new LinkedHashMap<>();
        private final Map<String, Upload> files = new LinkedHashMap<>();

        Form(FormElement form) {
            this.form = form;
            form.formData().forEach(kv -> fields.computeIfAbsent(kv.key(), k -> new ArrayList<>()).add(kv.value()));
        }

        /** Types into a field (replacing what it held). */
        public Form set(String name, String value) {
            fields.put(name, new ArrayList<>(List.of(value)));
            return this;
        }

        /** Ticks a checkbox, or adds one more value of a repeated field. */
        public Form add(String name, String value) {
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** Chooses a file in a file input; the form then goes as multipart/form-data. */
        public Form attach(String name, String fileName, byte[] bytes, String mimeType) {
            fields.remove(name);
            files.put(name, new Upload(fileName, bytes, mimeType));
            return this;
        }

        public Form remove(String name) {
            fields.remove(name);
            return this;
        }

        public List<String> values(String name) {
            return fields.getOrDefault(name, List.of());
        }

        /** Presses the submit button showing these words and returns the raw answer. */
        public Response press(String buttonText) {
            Element button = form.select("button[type=submit]").stream()
                    .filter(b -> b.text().strip().equals(buttonText)).findFirst().orElse(null);
            assertNotNull(button, "no button '" + buttonText + "' in the form");
            Map<String, List<String>> sent = new LinkedHashMap<>(fields);
            if (button.hasAttr("name")) {
                sent.computeIfAbsent(button.attr("name"), k -> new ArrayList<>()).add(button.attr("value"));
            }
            // A button's formaction (Preview) sends the form somewhere else, as browsers do; its #fragment (a picker's
            // place on the page) is not sent, the browser keeps it to scroll to.
            String target = (button.hasAttr("formaction") ? button.attr("formaction") : form.attr("action")).replaceFirst("#.*$", "");
            // A form with enctype multipart/form-data goes as such even with no file chosen, as browsers send it.
            boolean multipart = "multipart/form-data".equalsIgnoreCase(form.attr("enctype"));
            return files.isEmpty() && !multipart ? post(target, sent) : postMultipart(target, sent, files);
        }

        /**
         * Presses Publish, Schedule or Publish update, then the same button on the pre-publish check that answers
         * first (the story's address and the warnings), as an editor going ahead does; returns the second answer.
         */
        public Response pressThroughCheck(String buttonText) {
            Response check = press(buttonText);
            assertEquals(200, check.statusCode(), "the pre-publish check: " + check.asString());
            Document page = Jsoup.parse(check.asString());
            assertNotNull(page.selectFirst("#prepublish-check"), "no pre-publish check after " + buttonText);
            return form(page, "#story-form").press(buttonText);
        }

        /** Presses the button with this name and value (such as a row's "Move up"). */
        public Response pressValue(String name, String value) {
            Map<String, List<String>> sent = new LinkedHashMap<>(fields);
            sent.put(name, List.of(value));
            return post(form.attr("action"), sent);
        }
    }
}
