package org.copydesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

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
}
