package org.copydesk.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.copydesk.web.BusyException;
import org.junit.jupiter.api.Test;

/** Comparisons take turns: one that waited too long is told the desk is busy, or (a conflict page) made lighter. */
class ComparisonTurnsTest {

    @Test
    void aComparisonThatWaitsTooLongIsBusyOrLighter() throws Exception {
        ComparisonTurns turns = new ComparisonTurns(1, 50);
        assertThat(turns.inTurn(() -> "compared")).isEqualTo("compared");
        turns.turns().acquire();
        try {
            assertThatThrownBy(() -> turns.inTurn(() -> "compared")).isInstanceOf(BusyException.class);
            assertThat(turns.inTurnOr(() -> "compared", () -> "paragraphs only")).isEqualTo("paragraphs only");
        } finally {
            turns.turns().release();
        }
        assertThat(turns.turns().availablePermits()).isEqualTo(1);
    }
}
