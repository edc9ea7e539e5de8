package org.copydesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void marksOtherFormsOfASearchedWordAndNotWordsThatMerelyBeginLikeIt() {
        Snippet snippet = Snippet.forQueryTree("'elect' & 'countri'");
        assertThat(snippet.html("Elections in two countries; the electric grid held."))
                .isEqualTo("<mark>Elections</mark> in two <mark>countries</mark>; the electric grid held.");
    }

    @Test
    void escapesTheTextAndAddsOnlyMarks() {
        assertThat(Snippet.forQueryTree("'word'").html("a <script> \"word\" & it's x &amp; y"))
                .isEqualTo("a &lt;script&gt; &quot;<mark>word</mark>&quot; &amp; it&#39;s x &amp; y");
    }

    @Test
    void showsTheTextAroundAMatchDeepInTheStoryAndASecondOneFurtherOn() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            text.append("Filler number ").append(i).append(".\n\n");
        }
        text.append("Voters said the vote was calm.");
        for (int i = 61; i <= 120; i++) {
            text.append(" Filler number ").append(i).append('.');
        }
        text.append(" Turnout was high for a vote in the rainy season.");
        String html = Snippet.forQueryTree("'vote'").html(text.toString());
        assertThat(html).as("\"voters\" is 'voter' to PostgreSQL too").startsWith("… Filler number 60. Voters said the <mark>vote</mark> was calm.")
                .contains("Filler number 65. Filler … ").endsWith("high for a <mark>vote</mark> in the rainy season.");
        assertThat(html.split(" ")).hasSizeLessThan(2 * Snippet.WORDS + 10);
    }

    @Test
    void withoutAMatchInTheTextItIsTheOpening() {
        String html = Snippet.forQueryTree("'mali'").html("One two three four five six seven eight nine ten eleven twelve "
                + "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty 21 22 23 24 25 26 27");
        assertThat(html).startsWith("One two three").endsWith("24 25 …").doesNotContain("<mark>");
        assertThat(Snippet.forQueryTree("'mali'").html(null)).isEmpty();
    }

    @Test
    void theBodysNoBreakSpaceIsASpaceNotAWord() {
        assertThat(Snippet.forQueryTree("'flood'").html("Rain&nbsp;floods the&nbsp;coast & more"))
                .isEqualTo("Rain <mark>floods</mark> the coast &amp; more");
    }

    @Test
    void irregularFormsAreMarkedToo() {
        assertThat(Snippet.forQueryTree("'die' & 'sky'").html("Dying under grey skies")).isEqualTo("<mark>Dying</mark> under grey <mark>skies</mark>");
    }
}
