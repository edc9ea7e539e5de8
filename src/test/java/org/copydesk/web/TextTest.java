package org.copydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    /** Issue 21: what no field may store, one rule for every form (story fields, names, corrections, comments). */
    @Test
    void controlCharactersNonCharactersAndLoneSurrogatesCannotBeStored() {
        for (String bad : new String[] {"a\u0000b", "a\u000Bb", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\u009Bb", "a\uFFFEb",
                "a\uFFFFb", "a\uD800b", "a\uDC00b", "end\uD83D"}) {
            assertThat(Text.hasControlCharacters(bad)).as(bad.codePoints().mapToObj(Integer::toHexString).toList().toString())
                    .isTrue();
        }
        for (String good : new String[] {"Hüseyin Demir", "tab\tand\nlines\r\n", "emoji 😀 stays", "Zoë – “quoted” …", "",
                "\uFFFD is a character a person may paste", "\u00A0no-break space"}) {
            assertThat(Text.hasControlCharacters(good)).as(good).isFalse();
        }
        assertThat(Text.hasControlCharacters(null)).isFalse();
    }

    @Test
    void oneLineFieldsRefuseLineBreaksAndControlCharactersWithTheFieldsMessage() {
        FormErrors errors = new FormErrors().singleLine("name", "Author name", "Amina\nTraoré")
                .singleLine("other", "Other", "Amina\u000BTraoré").singleLine("fine", "Fine", "Amina\tTraoré")
                .storable("bio", "Two\nlines are fine").storable("bio2", "but not \u0007");
        assertThat(errors.get("name")).isEqualTo("Author name must be a single line of text");
        assertThat(errors.get("other")).isEqualTo(Text.CONTROL_CHARACTERS_MESSAGE);
        assertThat(errors.get("bio2")).isEqualTo(Text.CONTROL_CHARACTERS_MESSAGE);
        assertThat(errors.all()).containsOnlyKeys("name", "other", "bio2");
    }
}
