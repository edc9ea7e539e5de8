package org.copydesk.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Language tags as typed and stored: checked, written the standard way, with their direction and stemmer. */
class LanguagesTest {

    @Test
    void tagsAreWrittenTheStandardWayWithTheNameReadersKnow() {
        assertThat(Languages.parse("TR").orElseThrow()).extracting(Language::tag, Language::name, Language::searchConfig)
                .containsExactly("tr", "Türkçe", "turkish");
        assertThat(Languages.parse("pt_br").orElseThrow().tag()).isEqualTo("pt-BR");
        assertThat(Languages.parse("fr").orElseThrow().name()).isEqualTo("Français");
        assertThat(Languages.parse("ar").orElseThrow().name()).isEqualTo("العربية");
        assertThat(Languages.parse("tr").orElseThrow().label()).isEqualTo("Türkçe (Turkish)");
        assertThat(Languages.parse("en").orElseThrow().label()).isEqualTo("English");
    }

    @Test
    void arabicPersianUrduAndHebrewAreWrittenRightToLeft() {
        for (String tag : new String[] {"ar", "fa", "ur", "he", "ar-EG"}) {
            assertThat(Languages.parse(tag).orElseThrow().dir()).as(tag).isEqualTo("rtl");
        }
        for (String tag : new String[] {"en", "tr", "fr", "de", "es", "ru", "el", "az-Latn"}) {
            assertThat(Languages.parse(tag).orElseThrow().dir()).as(tag).isEqualTo("ltr");
        }
    }

    @Test
    void languagesWithoutAStemmerAreSearchedUnstemmed() {
        assertThat(Languages.parse("ar").orElseThrow().searchConfig()).isEqualTo("arabic");
        assertThat(Languages.parse("de-AT").orElseThrow().searchConfig()).isEqualTo("german");
        assertThat(Languages.parse("ja").orElseThrow().searchConfig()).isEqualTo("simple");
    }

    @Test
    void whatIsNotALanguageIsRefused() {
        for (String tag : new String[] {"", "  ", "xx", "english", "e", "en-", "123", "en-US-x-private", "<b>"}) {
            assertThat(Languages.parse(tag)).as(tag).isEmpty();
        }
        assertThat(Languages.list("en, tr  ar;fr zz en")).extracting(Language::tag).containsExactly("en", "tr", "ar", "fr");
    }

    @Test
    void theNewsSitemapGetsTheLanguageCodeAlone() {
        assertThat(Languages.parse("pt-BR").orElseThrow().newsLanguage()).isEqualTo("pt");
        assertThat(Languages.parse("zh-Hant").orElseThrow().newsLanguage()).isEqualTo("zh-tw");
        assertThat(Languages.parse("zh").orElseThrow().newsLanguage()).isEqualTo("zh-cn");
    }
}
