package org.copydesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class DatelineTest {

    @Test
    void houseStyleIsPlaceDateAndCredit() {
        assertThat(Dateline.render("Moscow", LocalDate.of(2026, 11, 11), "MMM d", "Copydesk"))
                .isEqualTo("MOSCOW, Nov 11 (Copydesk) –");
    }

    @Test
    void noCreditNoParentheses() {
        assertThat(Dateline.render("Bamako", LocalDate.of(2026, 1, 2), "d MMMM", "")).isEqualTo("BAMAKO, 2 January –");
    }

    @Test
    void noPlaceNoDateline() {
        assertThat(Dateline.render(" ", LocalDate.of(2026, 1, 2), "MMM d", "Copydesk")).isNull();
    }

    @Test
    void turkishDatelineReadsDayThenMonthWithTurkishCapitals() {
        assertThat(Dateline.render("Moskova", LocalDate.of(2026, 12, 6), "d MMMM", Locale.forLanguageTag("tr"), "Copydesk"))
                .isEqualTo("MOSKOVA, 6 Aralık (Copydesk) –");
        assertThat(Dateline.render("İzmir", LocalDate.of(2026, 12, 6), "d MMMM", Locale.forLanguageTag("tr"), "Copydesk"))
                .isEqualTo("İZMİR, 6 Aralık (Copydesk) –");
        assertThat(Dateline.render("izmir", LocalDate.of(2026, 12, 6), "d MMMM", Locale.forLanguageTag("tr"), ""))
                .isEqualTo("İZMİR, 6 Aralık –");
    }

    @Test
    void otherLanguagesInTheirOwnShape() {
        LocalDate day = LocalDate.of(2026, 12, 6);
        assertThat(Dateline.render("Moscou", day, "d MMMM", Locale.FRENCH, "Copydesk")).isEqualTo("MOSCOU, 6 décembre (Copydesk) –");
        assertThat(Dateline.render("Moskau", day, "d. MMMM", Locale.GERMAN, "Copydesk")).isEqualTo("MOSKAU, 6. Dezember (Copydesk) –");
        assertThat(Dateline.render("Moscú", day, "d 'de' MMMM", Locale.forLanguageTag("es"), "Copydesk"))
                .isEqualTo("MOSCÚ, 6 de diciembre (Copydesk) –");
        assertThat(Dateline.render("موسكو", day, "d MMMM", Locale.forLanguageTag("ar"), "Copydesk"))
                .isEqualTo("موسكو، 6 ديسمبر (Copydesk) –");
    }

    @Test
    void englishKeepsTheHousePatternAndRootCapitals() {
        assertThat(Dateline.render("izmir", LocalDate.of(2026, 12, 6), "MMM d", Locale.ENGLISH, "Copydesk"))
                .isEqualTo("IZMIR, Dec 6 (Copydesk) –");
    }
}
