package org.copydesk.revision;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.copydesk.web.BusyException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Comparisons of revisions take turns. Each holds two versions of a story and what differs between them
 * (for a 1 MB story, some 10 MB while it is made), on top of {@link WordDiff}'s tenth of a second or so of
 * work: a few at once keep a 96 MB heap and the cores for everyone else (sign-ins, saves, readers).
 */
@ApplicationScoped
public class ComparisonTurns {

    private final Semaphore turns;
    private final long waitMillis;

    ComparisonTurns(@ConfigProperty(name = "copydesk.compare.at-once", defaultValue = "2") int atOnce,
                    @ConfigProperty(name = "copydesk.compare.wait-millis", defaultValue = "10000") long waitMillis) {
        this.turns = new Semaphore(Math.max(1, atOnce), true);
        this.waitMillis = waitMillis;
    }

    /** The comparison, once it is its turn; {@link BusyException} (503, try again) after waiting too long. */
    public <T> T inTurn(Supplier<T> comparison) {
        return inTurnOr(comparison, () -> {
            throw new BusyException("Many comparisons of revisions are being made just now. Try again in a few seconds.");
        });
    }

    /** The comparison once it is its turn, or {@code meanwhile} (something lighter) after waiting too long. */
    public <T> T inTurnOr(Supplier<T> comparison, Supplier<T> meanwhile) {
        boolean mine;
        try {
            mine = turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mine = false;
        }
        if (!mine) {
            return meanwhile.get();
        }
        try {
            return comparison.get();
        } finally {
            turns.release();
        }
    }

    /** For tests: the turns free now. */
    Semaphore turns() {
        return turns;
    }
}
