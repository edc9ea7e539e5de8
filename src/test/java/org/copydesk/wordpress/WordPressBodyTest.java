package org.copydesk.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.copydesk.story.BodyHtml;
import org.junit.jupiter.api.Test;

/** WordPress content → the story body: wpautop's rules, block markup, shortcodes and pictures. */
class WordPressBodyTest {

    private static final WordPressBody.Picture HARBOUR = new WordPressBody.Picture("/images/AAAAAAAAAAAAAAAAAAAAAA/640.jpg", 640, 427);

    private static String body(String content, List<String> problems) {
        return BodyHtml.fromInput(WordPressBody.toHtml(content, src -> src.endsWith("/harbour.jpg") ? HARBOUR : null, problems));
    }

    @Test
    void blankLinesAreParagraphsAndSingleLineBreaksAreBreaks() {
        assertThat(WordPressBody.autop("First paragraph.\n\nSecond one,\nwith a break.\n\n\n\nThird."))
                .isEqualTo("<p>First paragraph.</p>\n<p>Second one,<br />\nwith a break.</p>\n<p>Third.</p>");
    }

    @Test
    void windowsLineEndsAndWhiteSpaceOnlyLinesAreBlankLinesToo() {
        assertThat(WordPressBody.autop("One.\r\n   \r\nTwo.")).isEqualTo("<p>One.</p>\n<p>Two.</p>");
    }

    @Test
    void blockTagsAreNotWrappedInParagraphs() {
        String html = WordPressBody.autop("Intro.\n<h3>Opening hours</h3>\nFrom 7 a.m.\n\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n\nEnd.");
        assertThat(html).contains("<p>Intro.</p>").contains("<h3>Opening hours</h3>").contains("<p>From 7 a.m.</p>")
                .contains("<ul>").doesNotContain("<p><ul>").doesNotContain("<p><li>").contains("<p>End.</p>");
    }

    @Test
    void aQuoteKeepsItsParagraphInside() {
        assertThat(WordPressBody.autop("<blockquote>Wise words.</blockquote>"))
                .isEqualTo("<blockquote><p>Wise words.</p></blockquote>");
    }

    @Test
    void preformattedTextIsLeftAsTyped() {
        assertThat(WordPressBody.autop("Code:\n\n<pre>a\n\nb</pre>")).contains("<pre>a\n\nb</pre>");
    }

    @Test
    void classicContentDoesNotCollapseIntoOneParagraph() {
        String stored = body("The market will move.\n\nTraders said it was <em>larger</em>.\nSome were not sure.\n\nThe end.",
                new ArrayList<>());
        assertThat(stored).isEqualTo("<p>The market will move.</p><p>Traders said it was <em>larger</em>.<br>Some were not sure.</p>"
                + "<p>The end.</p>");
    }

    @Test
    void blockMarkupLosesItsCommentsAndKeepsItsStructure() {
        String content = """
                <!-- wp:paragraph -->
                <p>The port closed.</p>
                <!-- /wp:paragraph -->

                <!-- wp:heading -->
                <h2 class="wp-block-heading">What was closed</h2>
                <!-- /wp:heading -->

                <!-- wp:list -->
                <ul><!-- wp:list-item -->
                <li>The ferry terminal</li>
                <!-- /wp:list-item --></ul>
                <!-- /wp:list -->

                <!-- wp:quote -->
                <blockquote class="wp-block-quote"><!-- wp:paragraph -->
                <p>Twenty years.</p>
                <!-- /wp:paragraph --><cite>The harbour master</cite></blockquote>
                <!-- /wp:quote -->""";
        String stored = body(content, new ArrayList<>());
        assertThat(stored).doesNotContain("wp:").doesNotContain("<!--").doesNotContain("class=")
                .contains("<p>The port closed.</p>").contains("<h2>What was closed</h2>").contains("<li>The ferry terminal</li>")
                .contains("<blockquote>").contains("<p>Twenty years.</p>").contains("<p>— The harbour master</p>");
        assertThat(stored).doesNotContain("<p>\n").doesNotContain("<br>");
    }

    @Test
    void anImageBlockBecomesOurPictureAndItsCaption() {
        String content = "<!-- wp:image {\"id\":5} -->\n<figure class=\"wp-block-image size-full\"><img src=\"http://old.example/"
                + "wp-content/uploads/2024/05/harbour.jpg\" alt=\"Boats\" class=\"wp-image-5\"/><figcaption class=\"wp-element-caption\">"
                + "Boats stayed in.</figcaption></figure>\n<!-- /wp:image -->";
        List<String> problems = new ArrayList<>();
        String stored = body(content, problems);
        assertThat(stored).isEqualTo("<p><img src=\"/images/AAAAAAAAAAAAAAAAAAAAAA/640.jpg\" alt=\"Boats\" width=\"640\" height=\"427\"></p>"
                + "<p><em>Boats stayed in.</em></p>");
        assertThat(problems).isEmpty();
    }

    @Test
    void aCaptionShortcodeBecomesThePictureAndItsCaption() {
        String content = "Before.\n\n[caption id=\"attachment_6\" align=\"alignnone\" width=\"600\"]<img class=\"size-full\" "
                + "src=\"http://old.example/wp-content/uploads/2024/05/harbour.jpg\" alt=\"\" width=\"600\" height=\"400\" /> "
                + "Stalls on the quay.[/caption]\n\nAfter.";
        String stored = body(content, new ArrayList<>());
        assertThat(stored).isEqualTo("<p>Before.</p><p><img src=\"/images/AAAAAAAAAAAAAAAAAAAAAA/640.jpg\" alt=\"Stalls on the quay.\" "
                + "width=\"640\" height=\"427\"></p><p><em>Stalls on the quay.</em></p><p>After.</p>");
    }

    @Test
    void aPictureNotInTheArchiveIsLeftOutAndReported() {
        List<String> problems = new ArrayList<>();
        String stored = body("<p>Text.</p>\n<p><img src=\"http://old.example/wp-content/uploads/2020/01/gone.jpg\" alt=\"x\"></p>",
                problems);
        assertThat(stored).isEqualTo("<p>Text.</p>");
        assertThat(problems).singleElement().asString().contains("gone.jpg").contains("could not be brought in")
                .contains("the picture's own line says why");
    }

    @Test
    void aPictureFromAnotherSiteIsLeftOutAndSaidToBeFromThere() {
        List<String> problems = new ArrayList<>();
        String stored = body("<p>Text.</p>\n<p><img src=\"https://cdn.elsewhere.example/photo.jpg\" alt=\"x\"></p>", problems);
        assertThat(stored).isEqualTo("<p>Text.</p>");
        assertThat(problems).singleElement().asString().contains("photo.jpg").contains("is on another site");
    }

    @Test
    void shortcodesWithNothingToShowAreReported() {
        List<String> problems = new ArrayList<>();
        String stored = body("Look:\n\n[gallery ids=\"1,2,3\"]\n\nDone.", problems);
        assertThat(stored).isEqualTo("<p>Look:</p><p>Done.</p>");
        assertThat(problems).singleElement().asString().contains("[gallery]");
    }

    @Test
    void oldAddressesAreKeptDecodedLowerCaseAndWithoutTheTrailingSlash() {
        assertThat(OldAddress.ofLink("http://wordpress.example/2024/05/12/storm/")).isEqualTo("/2024/05/12/storm");
        assertThat(OldAddress.ofLink("http://wordpress.example/?p=12")).isEqualTo("/?p=12");
        assertThat(OldAddress.ofLink("http://wordpress.example/?post_type=guest-author&#038;p=4")).isEqualTo("/?p=4");
        assertThat(OldAddress.ofPath("/2024/05/20/%D0%9D%D0%BE%D0%B2/")).isEqualTo(OldAddress.ofLink(
                "http://wordpress.example/2024/05/20/%d0%9d%d0%be%d0%b2/")).isEqualTo("/2024/05/20/нов");
        assertThat(OldAddresses.keyOf("/", "p=8&utm_source=x")).isEqualTo("/?p=8");
        assertThat(OldAddresses.keyOf("/", "page=2")).isNull();
        assertThat(OldAddresses.keyOf("/world/2024/05/12/storm", null)).isNull();
        assertThat(OldAddresses.keyOf("/category/news/local/", null)).isEqualTo("/category/news/local");
        assertThat(OldAddresses.keyOf("/desk/stories/", null)).isNull();
    }
}
