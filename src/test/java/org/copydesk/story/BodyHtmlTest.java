package org.copydesk.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.copydesk.testing.ProductionStack;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
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

    @Test
    void onlyOurOwnUploadedImagesStayInTheBody() {
        String own = "/images/AAAAAAAAAAAAAAAAAAAAAA/1600.jpg";
        String html = BodyHtml.fromInput("<p>Text</p><img src=\"" + own + "\" alt=\"A barge\" width=\"1600\" height=\"900\" onerror=\"x()\" style=\"a\">"
                + "<img src=\"https://evil.example/track.gif\" alt=\"t\"><img src=\"data:image/png;base64,AAAA\">"
                + "<img src=\"/images/../desk/1.jpg\"><img src=\"" + own + "\" width=\"100%\">");
        assertThat(html).isEqualTo("<p>Text</p><img src=\"" + own + "\" alt=\"A barge\" width=\"1600\" height=\"900\">"
                + "<img src=\"" + own + "\" alt=\"\">");
        assertThat(BodyHtml.withResponsiveImages(html)).contains("srcset=\"/images/AAAAAAAAAAAAAAAAAAAAAA/480.jpg 480w, "
                + "/images/AAAAAAAAAAAAAAAAAAAAAA/800.jpg 800w, /images/AAAAAAAAAAAAAAAAAAAAAA/1200.jpg 1200w, " + own + " 1600w\"")
                .contains("loading=\"lazy\"");
    }

    @Test
    void pastedWordProcessorAndWebPageHtmlKeepStructureAndLoseTheJunk() {
        String word = "<p class=MsoNormal style='margin-bottom:0cm'><b><span lang=EN-GB style='font-size:12.0pt;"
                + "font-family:\"Calibri\"'>Bold lead</span></b><span style='mso-bidi-font-weight:bold'> then text<o:p></o:p></span></p>"
                + "<h2 style='mso-outline-level:2'><a name=\"_Toc1\">Subhead</a></h2>"
                + "<ul style='margin-top:0cm'><li class=MsoListParagraph style='mso-list:l0 level1 lfo1'>One</li></ul>"
                + "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->";
        assertThat(BodyHtml.fromInput(word)).isEqualTo("<p><b>Bold lead</b> then text</p><h2>Subhead</h2><ul><li>One</li></ul>");

        String web = "<div class=\"article\" id=\"x\"><span style=\"color:red\">Intro</span><p data-track=\"1\">A <em>web</em> "
                + "<a href=\"https://example.org/a\" target=\"_blank\" class=\"btn\">link</a></p><iframe src=\"https://ads\"></iframe>"
                + "<button onclick=\"buy()\">Buy</button><form action=\"/x\"><input name=\"q\"></form></div>";
        assertThat(BodyHtml.fromInput(web)).isEqualTo("Intro<p>A <em>web</em> <a href=\"https://example.org/a\" rel=\"nofollow noopener\">link</a></p>Buy");
    }

    /** Issue 21: 480 paragraphs overflowed production's 512 KB thread stack in toEditable, and the story never opened again. */
    @Test
    void fiveThousandPlainParagraphsComeBackAsTextOnAProductionStack() {
        String typed = IntStream.rangeClosed(1, 5000).mapToObj(i -> "Paragraph " + i + " of a long report, with “quotes” & more.")
                .collect(Collectors.joining("\n\n"));
        String stored = ProductionStack.call(() -> BodyHtml.fromInput(typed));
        assertThat(stored).startsWith("<p>Paragraph 1 of").endsWith("Paragraph 5000 of a long report, with “quotes” &amp; more.</p>");
        assertThat(ProductionStack.call(() -> BodyHtml.toEditable(stored))).isEqualTo(typed);
        assertThat(ProductionStack.call(() -> BodyHtml.toParagraphText(stored))).isEqualTo(typed);
        assertThat(ProductionStack.call(() -> BodyHtml.withLeadIn(stored, "BAMAKO", "dateline"))).startsWith("<p><span");
        assertThat(ProductionStack.call(() -> BodyHtml.toPlainText(stored))).endsWith("& more.");
    }

    @Test
    void fiveThousandFormattedParagraphsStayHtmlForTheEditor() {
        String typed = "<p><em>Styled</em></p>" + "<p>Plain paragraph.</p>".repeat(5000);
        String stored = ProductionStack.call(() -> BodyHtml.fromInput(typed));
        assertThat(ProductionStack.call(() -> BodyHtml.toEditable(stored))).isEqualTo(stored);
    }

    /**
     * Text that reads like markup (typed as text in the rich editor, stored "&amp;lt;b&amp;gt;") stays HTML in the
     * textarea: as plain text it would come back as markup on the next save.
     */
    @Test
    void paragraphTextThatLooksLikeMarkupSurvivesASaveOfTheEditableText() {
        String stored = BodyHtml.fromInput("<p>Type &lt;b&gt; for bold.</p><p>Second.</p>");
        assertThat(stored).isEqualTo("<p>Type &lt;b&gt; for bold.</p><p>Second.</p>");
        assertThat(BodyHtml.fromInput(BodyHtml.toEditable(stored))).isEqualTo(stored);
        assertThat(BodyHtml.toEditable("<p>1 &lt; 2 &amp; 3 &gt; 2</p>")).isEqualTo("1 < 2 & 3 > 2");
    }

    /** Long runs of spaces and tag-like text without an end ("x <b y <b ...") made two regexes backtrack quadratically. */
    @Test
    void longRunsOfSpacesAndUnclosedTagLikeTextAreReadInLinearTime() {
        String spaces = "A" + " ".repeat(400_000) + "b\n   c";
        String tagLike = "x <b y ".repeat(100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(BodyHtml.fromInput(spaces)).startsWith("<p>A   ").endsWith("b c</p>");
            assertThat(BodyHtml.fromInput(tagLike)).startsWith("<p>x &lt;b y x &lt;b y");
        });
    }

    /**
     * The public page's dateline, image widths and word count are made on the stored HTML as text (a parsed
     * document of a megabyte's story took ten times its size per reader): they give what the parsed document
     * gave, for every shape of body the sanitiser stores.
     */
    @Test
    void theReadersPageIsMadeFromTheStoredHtmlAsAParsedDocumentMadeIt() {
        String own = "/images/AAAAAAAAAAAAAAAAAAAAAA/1600.jpg";
        List<String> bodies = List.of("", "<p>Text.</p><p>More.</p>", "Intro before any paragraph<p>Then one.</p>",
                "<h2>Sub</h2><ul><li>One</li><li>Two &amp; three</li></ul>",
                "<blockquote><p>Quoted first</p></blockquote><p>Then <strong>bold</strong> and <a href=\"https://example.org/?a=1&amp;b=2\" "
                        + "rel=\"nofollow noopener\">a link</a></p>",
                "<img src=\"" + own + "\" alt=\"A &quot;barge&quot; &lt;p&gt; &amp; more\" width=\"1600\" height=\"900\"><p>After the picture</p>",
                "<p>One<br>two&nbsp;three  four</p><p><img src=\"/images/BBBBBBBBBBBBBBBBBBBBBB/480.png\" alt=\"\"></p><h3>End</h3>",
                BodyHtml.fromInput("Plain paragraph one.\n\nPlain “two” – with <angles> & ampersands."),
                BodyHtml.fromInput("<p>A <em>web</em> <a href=\"https://example.org/a\">link</a></p><img src=\"" + own + "\" alt=\"x\">"));
        for (String body : bodies) {
            for (String leadIn : new String[] {"MOSCOW, Nov 11 (Copydesk) –", "A<B & \"C\" \u00a0 D"}) {
                assertThat(BodyHtml.withLeadIn(body, leadIn, "dateline")).as(body).isEqualTo(parsedLeadIn(body, leadIn));
            }
            assertThat(BodyHtml.withResponsiveImages(body)).as(body).isEqualTo(parsedResponsive(body));
            String text = Jsoup.parseBodyFragment(body).text().strip();
            assertThat(BodyHtml.wordCount(body)).as(body).isEqualTo(text.isEmpty() ? 0 : text.split("\\s+").length);
        }
    }

    /** What the page did before: the dateline put in through a parsed document. */
    private static String parsedLeadIn(String html, String leadIn) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        Element first = doc.body().selectFirst("p");
        if (first == null) {
            first = doc.body().prependElement("p");
        }
        first.prependText(" ");
        first.prependElement("span").addClass("dateline").text(leadIn);
        return doc.body().html();
    }

    /** What the page did before: image widths put in through a parsed document. */
    private static String parsedResponsive(String html) {
        if (!html.contains("<img")) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        for (Element img : doc.body().select("img")) {
            var own = java.util.regex.Pattern.compile("/images/[A-Za-z0-9_-]{22}/(\\d{1,5})\\.(jpg|png)").matcher(img.attr("src"));
            if (!own.matches()) {
                continue;
            }
            int width = Integer.parseInt(own.group(1));
            String base = img.attr("src").substring(0, img.attr("src").lastIndexOf('/') + 1);
            StringBuilder srcset = new StringBuilder();
            for (int w : org.copydesk.media.Image.widthsFor(width)) {
                srcset.append(srcset.isEmpty() ? "" : ", ").append(base).append(w).append('.').append(own.group(2))
                        .append(' ').append(w).append('w');
            }
            img.attr("srcset", srcset.toString()).attr("sizes", "(min-width: 48rem) 46rem, 100vw")
                    .attr("loading", "lazy").attr("decoding", "async");
        }
        return doc.body().html();
    }
}
