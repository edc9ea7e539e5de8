package org.copydesk.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The comparison of two revisions does bounded work whatever the texts: paragraphs lined up first, words
 * compared only within changed paragraphs, every token comparison counted against a budget, and the
 * changed paragraphs shown whole beyond it.
 */
class WordDiffTest {

    @Test
    void aSmallChangeIsMarkedWordByWordAndBothTextsReadInFull() {
        WordDiff diff = new WordDiff();
        WordDiff.FieldDiff field = diff.field("Body", "Diop said no contract was signed.\n\nSecond paragraph.",
                "Diop said that no deal was ever signed.\n\nSecond paragraph.");
        assertThat(field.changed()).isTrue();
        assertThat(field.paragraphsOnly()).isFalse();
        assertThat(text(field.before())).isEqualTo("Diop said no contract was signed.\n\nSecond paragraph.");
        assertThat(text(field.after())).isEqualTo("Diop said that no deal was ever signed.\n\nSecond paragraph.");
        assertThat(marked(field.before(), WordDiff.Kind.DELETED)).contains("contract").doesNotContain("Diop");
        assertThat(marked(field.after(), WordDiff.Kind.INSERTED)).contains("that", "deal", "ever").doesNotContain("Second");
        assertThat(diff.fellBack()).isFalse();
    }

    @Test
    void anUnchangedFieldIsNotMarkedChanged() {
        WordDiff.FieldDiff field = new WordDiff().field("Headline", "Same words", "Same words");
        assertThat(field.changed()).isFalse();
        assertThat(text(field.after())).isEqualTo("Same words");
    }

    @Test
    void paragraphsAddedAndCutAreShownWhole() {
        WordDiff.FieldDiff field = new WordDiff().field("Body", "One.\n\nTwo.\n\nThree.", "One.\n\nNew.\n\nThree.\n\nFour.");
        assertThat(text(field.before())).isEqualTo("One.\n\nTwo.\n\nThree.");
        assertThat(text(field.after())).isEqualTo("One.\n\nNew.\n\nThree.\n\nFour.");
        assertThat(marked(field.before(), WordDiff.Kind.DELETED)).containsExactly("Two.");
        assertThat(marked(field.after(), WordDiff.Kind.INSERTED)).containsExactly("New.", "Four.");
    }

    /**
     * Every other word of every paragraph replaced: through the old whole-text word diff this took over two
     * minutes on a core (and ran out of memory at 900 KB); paragraph by paragraph it is a fraction of a second.
     */
    @Test
    void a300KbStoryReworkedThroughoutIsComparedInUnderTwoSeconds() {
        List<String> paragraphs = LongStories.paragraphs(300_000, 1);
        RevisionContent before = content(LongStories.html(paragraphs));
        RevisionContent after = content(LongStories.html(LongStories.reworked(paragraphs, 3)));
        List<WordDiff.FieldDiff> fields = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> WordDiff.compare(before, after));
        WordDiff.FieldDiff body = fields.stream().filter(f -> f.label().equals("Body")).findFirst().orElseThrow();
        assertThat(body.changed()).isTrue();
        assertThat(body.before()).anyMatch(WordDiff.Segment::deleted);
        assertThat(body.after()).anyMatch(WordDiff.Segment::inserted);
    }

    @Test
    void aLongStoryIsLinedUpByParagraphsAndOnlyTheChangedOnesAreComparedWordByWord() {
        List<String> paragraphs = LongStories.paragraphs(300_000, 1);
        String before = LongStories.text(paragraphs);
        String after = LongStories.text(LongStories.edited(paragraphs, 2));
        WordDiff diff = new WordDiff();
        WordDiff.FieldDiff field = diff.field("Body", before, after);

        assertThat(diff.fellBack()).isFalse();
        int allTokens = WordDiff.countTokens(before) + WordDiff.countTokens(after);
        assertThat(diff.tokensCompared()).as("tokens compared word by word").isLessThan(allTokens / 5);
        assertThat(diff.comparisons()).isLessThan(WordDiff.STANDARD_COMPARISONS / 100);
        assertThat(marked(field.after(), WordDiff.Kind.INSERTED)).contains("REVISED");
        // Long runs of unchanged paragraphs are left out: the page grows with the changes, not the story.
        assertThat(marked(field.before(), WordDiff.Kind.ELIDED)).isNotEmpty().allMatch(s -> s.matches("\\[\\d+ unchanged paragraphs]"));
        assertThat(text(field.before()).length() + text(field.after()).length()).isLessThan((before.length() + after.length()) * 3 / 4);
    }

    @Test
    void a1MbStoryWithEveryParagraphTouchedStaysWordByWordWithinTheBudget() {
        List<String> paragraphs = LongStories.paragraphs(1_000_000, 1);
        WordDiff diff = new WordDiff(WordDiff.STANDARD_COMPARISONS, WordDiff.STANDARD_STRETCH_TOKENS, 60_000);
        WordDiff.FieldDiff field = diff.field("Body", LongStories.text(paragraphs),
                LongStories.text(LongStories.everyParagraphTouched(paragraphs)));
        assertThat(diff.fellBack()).isFalse();
        assertThat(diff.comparisons()).isLessThanOrEqualTo(WordDiff.STANDARD_COMPARISONS);
        assertThat(marked(field.after(), WordDiff.Kind.INSERTED)).hasSize(paragraphs.size());
    }

    @Test
    void a1MbRewriteGoesBeyondTheBudgetAndIsShownParagraphByParagraph() {
        String before = LongStories.text(LongStories.paragraphs(1_000_000, 1));
        String after = LongStories.text(LongStories.paragraphs(1_000_000, 3));
        WordDiff diff = new WordDiff(WordDiff.STANDARD_COMPARISONS, WordDiff.STANDARD_STRETCH_TOKENS, 60_000);
        WordDiff.FieldDiff field = diff.field("Body", before, after);
        assertThat(diff.fellBack()).isTrue();
        assertThat(field.paragraphsOnly()).isTrue();
        assertThat(diff.comparisons()).isLessThanOrEqualTo(WordDiff.STANDARD_COMPARISONS);
        assertThat(text(field.before())).isEqualTo(before);
        assertThat(text(field.after())).isEqualTo(after);
    }

    @Test
    void theBudgetIsNeverExceededAndWhatItCouldNotCoverIsShownWhole() {
        List<String> paragraphs = LongStories.paragraphs(300_000, 1);
        String before = LongStories.text(paragraphs);
        String after = LongStories.text(LongStories.edited(paragraphs, 2));
        WordDiff diff = new WordDiff(20_000, WordDiff.STANDARD_STRETCH_TOKENS, 60_000);
        WordDiff.FieldDiff field = diff.field("Body", before, after);
        assertThat(diff.comparisons()).isLessThanOrEqualTo(20_000);
        assertThat(diff.fellBack()).isTrue();
        assertThat(field.paragraphsOnly()).isTrue();
        // Whole or word by word, every changed paragraph is still marked.
        assertThat(String.join(" ", marked(field.after(), WordDiff.Kind.INSERTED))).contains("REVISED");
    }

    @Test
    void lengthsTooUnequalForTheBudgetAreNotEvenCompared() {
        String longParagraph = LongStories.paragraphs(300_000, 1).stream().collect(Collectors.joining(" "));
        WordDiff diff = new WordDiff();
        WordDiff.FieldDiff field = diff.field("Body", "Word.", longParagraph);
        assertThat(diff.comparisons()).as("only the two paragraphs lined up, not a word").isLessThanOrEqualTo(2);
        assertThat(field.paragraphsOnly()).isTrue();
    }

    @Test
    void aTextOfTensOfThousandsOfParagraphsIsNotLinedUpOneByOne() {
        String before = "a\n\n".repeat(100_000) + "end";
        WordDiff diff = new WordDiff();
        WordDiff.FieldDiff changed = diff.field("Body", before, "b\n\n".repeat(100_000) + "end");
        assertThat(diff.comparisons()).isZero();
        assertThat(changed.paragraphsOnly()).isTrue();
        WordDiff.FieldDiff same = diff.field("Body", before, before);
        assertThat(same.changed()).isFalse();
        assertThat(text(same.before())).isEqualTo("a\n\n[100000 unchanged paragraphs]");
    }

    private static RevisionContent content(String body) {
        return new RevisionContent("Headline", null, null, body, "slug", 1L, "World", "", List.of(), null, null, null,
                null, List.of(), null, null, null, null, null);
    }

    private static String text(List<WordDiff.Segment> segments) {
        return segments.stream().map(WordDiff.Segment::text).collect(Collectors.joining());
    }

    private static List<String> marked(List<WordDiff.Segment> segments, WordDiff.Kind kind) {
        return segments.stream().filter(s -> s.kind() == kind).map(s -> s.text().strip()).toList();
    }
}
