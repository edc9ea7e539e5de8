package org.copydesk.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A running import that stopped moving was cut short: its page says so, and stops refreshing. */
class ImportRunTest {

    @Test
    void aRunningImportThatHasNotMovedForFiveMinutesIsShownStopped() {
        ImportRun run = new ImportRun();
        run.status = ImportRun.Status.RUNNING;
        run.updatedAt = Instant.now().minus(Duration.ofSeconds(30));
        assertThat(run.stalled()).isFalse();
        assertThat(run.over()).isFalse();
        assertThat(run.statusLabel()).isEqualTo("Importing");

        run.updatedAt = Instant.now().minus(Duration.ofMinutes(6));
        assertThat(run.stalled()).isTrue();
        assertThat(run.over()).isTrue();
        assertThat(run.statusLabel()).isEqualTo("Stopped");

        run.status = ImportRun.Status.DONE;
        assertThat(run.stalled()).isFalse();
        assertThat(run.statusLabel()).isEqualTo("Finished");
    }

    @Test
    void progressIsThePartOfThePostsDone() {
        ImportRun run = new ImportRun();
        run.status = ImportRun.Status.RUNNING;
        run.postsTotal = 8;
        run.postsDone = 2;
        assertThat(run.percent()).isEqualTo(25);
        run.postsTotal = 0;
        assertThat(run.percent()).isZero();
        run.status = ImportRun.Status.DONE;
        assertThat(run.percent()).isEqualTo(100);
    }
}
