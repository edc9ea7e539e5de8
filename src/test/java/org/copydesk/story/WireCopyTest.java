package org.copydesk.story;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.copydesk.testing.Fixtures;
import org.copydesk.testing.ProductionStack;
import org.junit.jupiter.api.Test;

class WireCopyTest {

    @Test
    void theAgencyStorySplitsIntoItsParts() throws IOException {
        String text = Fixtures.agencyStory();
        WireCopy.Parsed parsed = WireCopy.parse(text);
        assertThat(parsed.headline()).isEqualTo("Mali denies hiring private Russian military contractor");
        assertThat(parsed.standfirst()).startsWith("Foreign Minister Diop says disinformation");
        assertThat(parsed.bylineName()).isEqualTo("Hüseyin Demir");
        assertThat(parsed.paragraphs()).doesNotContain(parsed.headline());
        assertThat(parsed.paragraphs().get(0)).startsWith("Malian Foreign Minister Abdoulaye Diop");
        assertThat(parsed.bodyHtml()).contains("PMCs… we are concerned").contains("“This story is part").startsWith("<p>Malian");
    }

    @Test
    void aLastSentenceIsNotTakenForAByline() {
        WireCopy.Parsed parsed = WireCopy.parse("Headline\n\nStandfirst.\n\nBody one.\n\nThe talks ended on Friday.");
        assertThat(parsed.bylineName()).isNull();
        assertThat(parsed.paragraphs()).containsExactly("Body one.", "The talks ended on Friday.");
    }

    @Test
    void markdownKeepsItsStructure() {
        WireCopy.Parsed parsed = WireCopy.parse("""
                # Floods close the *Danube* ports

                Barges wait at Vienna as the river rises.

                ## What shippers say

                Traffic is **halted**, says the [port authority](https://example.org/port).

                - Vienna
                - Linz

                > We have never seen it this high.

                <script>alert(1)</script>

                By Anna Maria Novak
                """);
        assertThat(parsed.headline()).isEqualTo("Floods close the Danube ports");
        assertThat(parsed.standfirst()).isEqualTo("Barges wait at Vienna as the river rises.");
        assertThat(parsed.bylineName()).isEqualTo("Anna Maria Novak");
        String body = BodyHtml.fromInput(parsed.bodyHtml());
        assertThat(body).contains("<h2>What shippers say</h2>", "<strong>halted</strong>",
                "<a href=\"https://example.org/port\" rel=\"nofollow noopener\">port authority</a>",
                "<ul>", "<li>Vienna</li>", "<blockquote>").doesNotContain("<script");
    }

    @Test
    void plainCopyIsNotMistakenForMarkdown() {
        assertThat(WireCopy.looksLikeMarkdown("Mali denies it\n\nThe minister said 3 things.")).isFalse();
        assertThat(WireCopy.looksLikeMarkdown("# Headline\n\nText")).isTrue();
    }

    /** Issue 21: a long import opens in the form (its body goes through BodyHtml.toEditable) on production's stack. */
    @Test
    void fiveThousandParagraphsOfWireCopyImportOnAProductionStack() {
        String copy = "Long headline\n\nThe standfirst.\n\n" + IntStream.rangeClosed(1, 5000)
                .mapToObj(i -> "Paragraph " + i + " of the wire copy,\nwrapped at the agency.").collect(Collectors.joining("\n\n"));
        StoryForm.Builder typed = StoryForm.builder();
        typed.wireCopy = copy;
        StoryForm form = ProductionStack.call(() -> typed.build().withWireCopyImported(name -> null));
        assertThat(form.headline()).isEqualTo("Long headline");
        assertThat(form.body().split("\n\n")).hasSize(5000);
        assertThat(form.body()).startsWith("Paragraph 1 of the wire copy, wrapped at the agency.");
    }

    @Test
    void longBlankStretchesAndOpenLinksAreReadInLinearTime() {
        String blankLines = "Headline\n\n" + "x" + " \n".repeat(300_000) + "the end.";
        String openLinks = "Headline\n\n" + "](".repeat(300_000);
        String spaces = "Headline\n\nOne" + " ".repeat(400_000) + "two\n three";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(WireCopy.looksLikeMarkdown(blankLines)).isFalse();
            assertThat(WireCopy.looksLikeMarkdown(openLinks)).isFalse();
            assertThat(WireCopy.parse(spaces).standfirst()).startsWith("One  ").endsWith("two three");
        });
    }

    @Test
    void aBylineWithAnOddSpaceBetweenItsNamesGetsAPlainOne() {
        WireCopy.Parsed parsed = WireCopy.parse("Headline\n\nStandfirst.\n\nBody.\n\nBy Amina\tTraoré");
        assertThat(parsed.bylineName()).isEqualTo("Amina Traoré");
    }
}
