package org.copydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: bad bytes get a clear 400, never a 500, never a hang, and nothing is stored with U+FFFD in place
 * of what was sent. Sent as raw bytes, as a broken client or a hand-made request would; browsers always send
 * well-formed UTF-8, so none of this refuses anything a person typed.
 */
@QuarkusTest
class UnreadableFormTest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String BOUNDARY = "----copydesk-test-7MA4YWxkTrZu0gW";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    @Inject
    Fixtures fixtures;

    /** A signed-in reporter with a form token, as the story form would send it. */
    String deskCookies;
    String deskToken;
    /** An anonymous visitor who opened the sign-in page. */
    String loginCookies;
    String loginToken;
    String mark;
    long sectionId;

    @BeforeEach
    void browsers() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser desk = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        desk.page("/desk/stories/new");
        deskToken = desk.cookie("copydesk-csrf");
        deskCookies = "copydesk-csrf=" + deskToken + "; copydesk-session=" + desk.cookie("copydesk-session");
        Browser visitor = new Browser();
        visitor.page("/login");
        loginToken = visitor.cookie("copydesk-csrf");
        loginCookies = "copydesk-csrf=" + loginToken;
        mark = Fixtures.unique("bytes").replace("-", "");
        sectionId = QuarkusTransaction.requiringNew().call(() -> Section.findBySlug("world").orElseThrow().id);
    }

    @Test
    void percentEscapesThatAreNotTwoHexDigitsGetAClear400() throws Exception {
        for (String headline : new String[] {"a%zzb", "ab%", "ab%4", "a%%41", "a%g0"}) {
            assertUnreadable(post("/desk/stories", FORM, bytes(storyFields() + "&headline=" + mark + headline), deskCookies),
                    "story headline " + headline);
        }
        assertUnreadable(post("/desk/stories", FORM, bytes("csrf-token=%zz&section=" + sectionId + "&headline=" + mark),
                deskCookies), "the form token itself");
        assertUnreadable(post("/login", FORM, bytes("csrf-token=" + loginToken + "&username=a%zz&password=x"), loginCookies),
                "sign-in");
        assertNothingStored();
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotStoredAsReplacementCharacters() throws Exception {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("raw C3 28", new byte[] {(byte) 0xC3, 0x28});
        bad.put("raw FF", new byte[] {(byte) 0xFF});
        bad.put("raw cut off", new byte[] {(byte) 0xE2, (byte) 0x82});
        bad.put("escaped C3 28", bytes("%C3%28"));
        bad.put("escaped overlong slash", bytes("%C0%AF"));
        bad.put("escaped surrogate", bytes("%ED%A0%80"));
        bad.put("escaped lone continuation", bytes("%80"));
        bad.put("escaped and cut off", bytes("%E2%82"));
        for (Map.Entry<String, byte[]> each : bad.entrySet()) {
            assertUnreadable(post("/desk/stories", FORM, bytes(storyFields(), "&headline=" + mark, each.getValue()), deskCookies),
                    "story headline, " + each.getKey());
            assertUnreadable(post("/desk/stories", FORM, bytes(storyFields(), "&headline=" + mark + "&body=", each.getValue(),
                    "&standfirst=ok"), deskCookies), "story body, " + each.getKey());
            assertUnreadable(post("/login", FORM, bytes("csrf-token=" + loginToken + "&password=x&username=", each.getValue()),
                    loginCookies), "sign-in, " + each.getKey());
            if (each.getKey().startsWith("raw")) { // multipart fields are not %-escaped: only raw bytes apply
                assertUnreadable(post("/desk/stories", MULTIPART, multipart(Map.of("csrf-token", bytes(deskToken),
                        "section", bytes(String.valueOf(sectionId)), "headline", bytes(mark, each.getValue()))), deskCookies),
                        "story headline sent as multipart, " + each.getKey());
                assertUnreadable(post("/login", MULTIPART, multipart(Map.of("csrf-token", bytes(loginToken), "password",
                        bytes("x"), "username", bytes("a", each.getValue()))), loginCookies), "sign-in sent as multipart, " + each.getKey());
            }
        }
        assertNothingStored();

        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        desk.page("/desk/sections");
        String cookies = "copydesk-csrf=" + desk.cookie("copydesk-csrf") + "; copydesk-session=" + desk.cookie("copydesk-session");
        assertUnreadable(post("/desk/sections", FORM, bytes("csrf-token=" + desk.cookie("copydesk-csrf") + "&name=" + mark
                + "%C3%28&slug="), cookies), "section name");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Section.count("name like ?1", mark + "%"))).isZero();
    }

    /** What browsers and careful clients send still goes through, in UTF-8 or in the character set declared. */
    @Test
    void wellFormedFormsStillSaveAsSent() throws Exception {
        byte[] u = "Ü".getBytes(StandardCharsets.UTF_8);
        assertThat(post("/desk/stories", FORM, bytes(storyFields() + "&headline=" + mark + "%C3%9C+raw+", u), deskCookies)
                .statusCode()).isEqualTo(303);
        assertThat(post("/desk/stories", FORM + "; charset=ISO-8859-1", bytes(storyFields() + "&headline=" + mark + "+latin+%DC"),
                deskCookies).statusCode()).isEqualTo(303);
        assertThat(post("/desk/stories", MULTIPART, multipart(Map.of("csrf-token", bytes(deskToken), "section",
                bytes(String.valueOf(sectionId)), "headline", bytes(mark + " multipart ", u))), deskCookies).statusCode()).isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Story.<Story>list("headline like ?1 order by id", mark + "%")
                .stream().map(s -> s.headline).toList()))
                .containsExactly(mark + "Ü raw Ü", mark + " latin Ü", mark + " multipart Ü");
    }

    @Test
    void malformedOrUnterminatedMultipartBodiesGetAClear400() throws Exception {
        String opening = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n";
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("garbage", "garbage");
        bodies.put("empty", "");
        bodies.put("unterminated", opening + loginToken + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nabc");
        bodies.put("cut off in the headers", opening + loginToken + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-da");
        bodies.put("a header line without a name", "--" + BOUNDARY + "\r\nnot a header\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n");
        bodies.put("base64 transfer encoding", opening.replace("\r\n\r\n", "\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                + "w6M=\r\n--" + BOUNDARY + "--\r\n");
        bodies.put("a single hyphen after the boundary", opening + loginToken + "\r\n--" + BOUNDARY + "-x");
        for (Map.Entry<String, String> each : bodies.entrySet()) {
            assertUnreadable(post("/login", MULTIPART, bytes(each.getValue()), loginCookies), "sign-in, " + each.getKey());
            assertUnreadable(post("/desk/stories", MULTIPART, bytes(each.getValue().replace(loginToken, deskToken)), deskCookies),
                    "story form, " + each.getKey());
        }
        assertUnreadable(post("/login", "multipart/form-data", bytes(opening + loginToken + "\r\n--" + BOUNDARY + "--\r\n"),
                loginCookies), "sign-in without a boundary in the content type");
        assertUnreadable(post("/desk/stories", FORM + "; charset=no-such-charset", bytes(storyFields() + "&headline=" + mark),
                deskCookies), "a character set nobody knows");
        assertNothingStored();
    }

    /** The form token is checked on the parsed form; a form that cannot be parsed gets the same clear 400 with or without one. */
    @Test
    void anUnreadableFormIsAClear400WhateverItsFormToken() throws Exception {
        byte[] bad = {(byte) 0xC3, 0x28};
        assertUnreadable(post("/login", FORM, bytes("username=", bad, "&password=x"), null), "sign-in, no token, no cookie");
        assertUnreadable(post("/desk/stories", FORM, bytes("csrf-token=stale&section=" + sectionId + "&headline=" + mark, bad),
                deskCookies), "story form, a stale token");
        assertUnreadable(post("/desk/stories", MULTIPART, bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; "
                + "name=\"headline\"\r\n\r\n" + mark), deskCookies), "story form, cut off before any token");
        assertNothingStored();
    }

    private String storyFields() {
        return "csrf-token=" + deskToken + "&section=" + sectionId + "&action=save";
    }

    private void assertNothingStored() {
        assertThat(QuarkusTransaction.requiringNew().call(() -> Story.count("headline like ?1", mark + "%"))).isZero();
    }

    static void assertUnreadable(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("text/html");
        assertThat(Jsoup.parse(response.body()).select("main").text()).as(what).contains("This form could not be read")
                .contains("nothing was saved");
        assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("at org.");
    }

    /** Sends the bytes as they are; a server that hangs fails the test by the timeout. */
    static HttpResponse<String> post(String path, String contentType, byte[] body, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Strings as their ASCII bytes and byte arrays as they are, one after the other. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    /** A well-formed multipart body of text fields whose values are the bytes given. */
    static byte[] multipart(Map<String, byte[]> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            out.writeBytes(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"));
            out.writeBytes(value);
            out.writeBytes(bytes("\r\n"));
        });
        out.writeBytes(bytes("--" + BOUNDARY + "--\r\n"));
        return out.toByteArray();
    }
}
