package org.copydesk.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 23, point 4: empty paragraphs are not saved, and a paste from Word or Google Docs keeps headings, lists,
 * links, bold and italic, and nothing else (the samples are what those programs put on the clipboard).
 */
public class BodyHtmlPasteTest {

    @Test
    void emptyParagraphsAreNotSaved() {
        assertThat(BodyHtml.fromInput("<p>One.</p><p></p><p> </p><p>&nbsp;</p><p><br></p><p><strong>&nbsp;</strong><br> </p><p>Two.</p>"))
                .isEqualTo("<p>One.</p><p>Two.</p>");
        assertThat(BodyHtml.fromInput("<p></p><p><br></p>")).isEmpty();
        String own = "/images/AAAAAAAAAAAAAAAAAAAAAA/1600.jpg";
        assertThat(BodyHtml.fromInput("<p><img src=\"" + own + "\" alt=\"A barge\"></p><p><img src=\"https://evil.example/t.gif\"></p>"))
                .as("a paragraph with one of our images is not empty; one whose image went is")
                .isEqualTo("<p><img src=\"" + own + "\" alt=\"A barge\"></p>");
    }

    @Test
    void linksToOurOwnStoriesKeepTheirAddress() {
        assertThat(BodyHtml.fromInput("<p>See <a href=\"/world/2026/12/07/mali-denies\">the denial</a>.</p>"))
                .isEqualTo("<p>See <a href=\"/world/2026/12/07/mali-denies\" rel=\"nofollow noopener\">the denial</a>.</p>");
        assertThat(BodyHtml.fromInput("<p><a href=\"javascript:alert(1)\">x</a> <a href=\"JaVaScRiPt:alert(1)\">y</a>"
                + " <a href=\"data:text/html,hi\">z</a></p>")).isEqualTo("<p>x y z</p>");
    }

    public static final String GOOGLE_DOCS = "<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-3f2a9c1e-7fff-1a2b-9c3d-4e5f6a7b8c9d\">"
            + "<h1 dir=\"ltr\" style=\"line-height:1.38;margin-top:20pt;margin-bottom:6pt;\"><span style=\"font-size:20pt;font-family:Arial,sans-serif;"
            + "color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;"
            + "vertical-align:baseline;white-space:pre;white-space:pre-wrap;\">Talks in Bamako</span></h1>"
            + "<p dir=\"ltr\" style=\"line-height:1.38;margin-top:0pt;margin-bottom:0pt;\"><span style=\"font-size:11pt;font-family:Arial,sans-serif;"
            + "color:#000000;background-color:transparent;font-weight:400;font-style:normal;\">The minister was </span>"
            + "<span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;\">firm</span>"
            + "<span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;font-style:normal;\"> and </span>"
            + "<span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;font-style:italic;\">calm</span>"
            + "<span style=\"font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;\">, said </span>"
            + "<a href=\"https://example.org/statement\" style=\"text-decoration:none;\"><span style=\"font-size:11pt;font-family:Arial,sans-serif;"
            + "color:#1155cc;background-color:transparent;font-weight:400;text-decoration:underline;\">the statement</span></a>"
            + "<span style=\"font-size:11pt;\">.</span></p><br>"
            + "<p dir=\"ltr\" style=\"line-height:1.38;margin-top:0pt;margin-bottom:0pt;\"><span style=\"font-size:11pt;\"></span></p>"
            + "<ul style=\"margin-top:0;margin-bottom:0;padding-inline-start:48px;\"><li dir=\"ltr\" style=\"list-style-type:disc;font-size:11pt;\""
            + " aria-level=\"1\"><p dir=\"ltr\" style=\"line-height:1.38;margin-top:0pt;margin-bottom:0pt;\" role=\"presentation\">"
            + "<span style=\"font-size:11pt;font-weight:400;\">Security</span></p></li><li dir=\"ltr\" style=\"list-style-type:disc;\" aria-level=\"1\">"
            + "<p dir=\"ltr\" style=\"line-height:1.38;\" role=\"presentation\"><span style=\"font-size:11pt;font-weight:400;\">Trade</span></p></li></ul>"
            + "<h2 dir=\"ltr\"><span style=\"font-size:16pt;font-weight:700;color:#ff0000\">Reaction</span></h2></b>";

    @Test
    void aPasteFromGoogleDocsKeepsItsStructureAndNotItsWrappingBold() {
        assertThat(BodyHtml.fromInput(GOOGLE_DOCS)).isEqualTo("<h2>Talks in Bamako</h2>"
                + "<p>The minister was <strong>firm</strong> and <em>calm</em>, said "
                + "<a href=\"https://example.org/statement\" rel=\"nofollow noopener\">the statement</a>.</p>"
                + "<ul><li><p>Security</p></li><li><p>Trade</p></li></ul><h2>Reaction</h2>");
    }

    public static final String WORD = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\">"
            + "<head><meta name=Generator content=\"Microsoft Word 15\"><style><!-- p.MsoNormal {margin:0cm; font-family:\"Calibri\",sans-serif;} --></style></head>"
            + "<body lang=EN-GB style='tab-interval:36.0pt'><!--StartFragment-->"
            + "<h1><span lang=EN-US style='mso-ansi-language:EN-US'>Talks in Bamako<o:p></o:p></span></h1>"
            + "<p class=MsoNormal><span lang=EN-US style='font-size:12.0pt;mso-bidi-font-family:Arial'>The minister was <b>firm</b> and "
            + "<i style='mso-bidi-font-style:normal'>calm</i>, said <a href=\"https://example.org/statement\"><span style='color:#0563C1'>the statement</span></a>."
            + "<o:p></o:p></span></p>"
            + "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
            + "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]>"
            + "<span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>"
            + "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Security<o:p></o:p></p>"
            + "<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]>"
            + "<span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span></span>"
            + "<![endif]>Trade<o:p></o:p></p>"
            + "<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp; </span></span>"
            + "<![endif]>First<o:p></o:p></p>"
            + "<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp; </span></span>"
            + "<![endif]>Second<o:p></o:p></p>"
            + "<h2 style='mso-margin-top-alt:auto'><span style='font-size:14.0pt;font-family:\"Cambria\",serif;color:#2F5496'>Reaction</span></h2>"
            + "<p class=MsoNormal style='font-size:12pt'><span style='mso-bookmark:_Toc1'></span><a name=\"_Toc1\"></a>Calm returned.<o:p></o:p></p>"
            + "<!--EndFragment--></body></html>";

    @Test
    void aPasteFromWordKeepsItsStructureAndNothingElse() {
        assertThat(BodyHtml.fromInput(WORD)).isEqualTo("<h2>Talks in Bamako</h2>"
                + "<p>The minister was <b>firm</b> and <i>calm</i>, said "
                + "<a href=\"https://example.org/statement\" rel=\"nofollow noopener\">the statement</a>.</p>"
                + "<ul><li>Security</li><li>Trade</li></ul><ol><li>First</li><li>Second</li></ol>"
                + "<h2>Reaction</h2><p>Calm returned.</p>");
    }
}
