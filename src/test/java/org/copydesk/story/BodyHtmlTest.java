package org.copydesk.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyHtmlTest {

    @Test
    void plainTextBecomesEscapedParagraphs() {
        assertThat(BodyHtml.fromInput("One < two & three >\nstill one.\n\nTwo “quoted”…"))
                .isEqualTo("<p>One &lt; two &amp; three &gt; still one.</p><p>Two “quoted”…</p>");
    }

    @Test
    void htmlKeepsAllowedStructureAndLosesScriptsHandlersAndStyles() {
        String html = BodyHtml.fromInput("<h2 style=\"color:red\">Sub</h2><p onclick=\"x()\">Hi <a href=\"javascript:alert(1)\">bad</a>"
                + " <a href=\"https://example.org\">good</a><script>alert(1)</script></p><blockquote>Q</blockquote>");
        assertThat(html).contains("<h2>Sub</h2>").contains("<blockquote>Q</blockquote>")
                .contains("<a href=\"https://example.org\" rel=\"nofollow noopener\">good</a>")
                .doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript").doesNotContain("style");
    }

    @Test
    void plainParagraphsComeBackAsTextForTheTextarea() {
        String stored = BodyHtml.fromInput("First & “one”.\n\nSecond.");
        assertThat(BodyHtml.toEditable(stored)).isEqualTo("First & “one”.\n\nSecond.");
        assertThat(BodyHtml.toEditable("<p>Some <em>style</em></p>")).isEqualTo("<p>Some <em>style</em></p>");
    }

    @Test
    void theDatelineLeadsTheFirstParagraphEscaped() {
        assertThat(BodyHtml.withLeadIn("<p>Text.</p><p>More.</p>", "A<B –", "dateline"))
                .isEqualTo("<p><span class=\"dateline\">A&lt;B –</span> Text.</p><p>More.</p>");
    }
}
