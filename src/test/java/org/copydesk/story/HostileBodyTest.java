package org.copydesk.story;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Hostile bodies, saved and published: the public page shows them inert, whatever was pasted. */
@QuarkusTest
class HostileBodyTest {

    static final List<String> PAYLOADS = List.of(
            "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">mixed case</a>",
            "<a href=\"&#106;avascript:alert(1)\">entity</a>",
            "<a href=\"java\tscript:alert(1)\">tab</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
            "<p style=\"background:url(javascript:alert(1))\">styled</p>",
            "<p><span style=\"position:fixed;top:0\">overlay</span></p>",
            "<style>body{display:none}</style>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"evil.swf\"></object><embed src=\"evil.swf\">",
            "<svg onload=alert(1)><circle r=10></circle></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "<form action=\"https://evil.example\"><input name=password><button>Go</button></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "<base href=\"https://evil.example/\">",
            "<div onmouseover=\"alert(1)\">hover</div>",
            "<p><b>unclosed <i>markup <a href=\"https://ok.example\" onclick=\"x()\">ok",
            "<!--<script>alert(1)</script>-->",
            "<img src=\"https://tracker.example/pixel.gif\" alt=\"\">",
            "{#if true}{inject:csrf.token}{/if} ${7*7} {{7*7}} #{7*7}");

    @Inject
    Fixtures fixtures;

    @Test
    void everyPayloadIsInertOnThePublicPage() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        for (String payload : PAYLOADS) {
            Story story = fixtures.publishedWithBody("Hostile " + Fixtures.unique("x"), "<p>Before.</p>" + payload + "<p>After.</p>",
                    reporter, editor);
            String page = given().get(fixtures.reload(story.id).publicPath).then().statusCode(200).extract().asString();
            Element body = Jsoup.parse(page).selectFirst(".story-body");
            assertThat(body.select("script, style, iframe, object, embed, svg, math, form, input, button, meta, base"))
                    .as(payload).isEmpty();
            assertThat(body.select("[style], [onerror], [onclick], [onload], [onmouseover]")).as(payload).isEmpty();
            for (Element link : body.select("a")) {
                assertThat(link.attr("href")).as(payload).startsWith("https://");
            }
            assertThat(body.select("img")).as(payload).isEmpty();
            assertThat(body.text()).as(payload).contains("Before.").doesNotContain("49");
            assertThat(page).as(payload).doesNotContain("alert(1)</script>").doesNotContain("<script>alert");
        }
    }
}
