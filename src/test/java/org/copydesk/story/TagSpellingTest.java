package org.copydesk.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Look-alike letters in tags, by Unicode's confusables (ICU's SpoofChecker). */
class TagSpellingTest {

    @Test
    void aWordMixingAlphabetsIsCaughtAndTheLetterNamed() {
        assertThat(TagSpelling.mixedScripts("Ukrаine")).get().asString() // a Cyrillic а
                .contains("mixes Latin and Cyrillic letters", "“а” CYRILLIC SMALL LETTER A");
        assertThat(TagSpelling.mixedScripts("Kosovο")).get().asString().contains("Latin and Greek", "GREEK SMALL LETTER OMICRON");
        assertThat(TagSpelling.mixedScripts("War in Ukraіne")).get().asString().contains("“Ukraіne”");
    }

    @Test
    void wordsWrittenAsTheirLanguagesWriteThemPass() {
        for (String fine : List.of("Ukraine", "Côte d’Ivoire", "AT&T", "O'Brien", "COVID-19", "Sony-Ericsson", "Київ", "Ελλάδα",
                "東京都", "ひらがなカタカナ漢字", "iPhone版", "Kyiv Київ")) {
            assertThat(TagSpelling.mixedScripts(fine)).as(fine).isEmpty();
        }
    }

    @Test
    void aNewTagThatLooksLikeAnExistingOneIsNamedButPlainWordsAreNotCompared() {
        List<String> existing = List.of("Mali", "Ukraine", "Modern");
        assertThat(TagSpelling.lookalike("Ukrɑine", existing)).contains("Ukraine"); // a Latin alpha
        assertThat(TagSpelling.lookalikeMessage("Ukrɑine", "Ukraine")).contains("existing tag “Ukraine”", "LATIN SMALL LETTER ALPHA");
        assertThat(TagSpelling.lookalike("ukraine", existing)).as("the same tag in other case").isEmpty();
        assertThat(TagSpelling.lookalike("Müller", existing)).isEmpty();
        assertThat(TagSpelling.worthComparing("Modem")).as("plain ASCII: Modem and Modern are both words").isFalse();
        assertThat(TagSpelling.worthComparing("Ukrɑine")).isTrue();
    }
}
