package org.copydesk.revision;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.web.BusyException;
import org.copydesk.web.CopydeskConfig;
import org.copydesk.web.Turns;

/**
 * Comparisons of revisions take turns. Each holds two versions of a story and what differs between them
 * (for a 1 MB story, some 10 MB while it is made), on top of {@link WordDiff}'s tenth of a second or so of
 * work: a few at once keep a 96 MB heap and the cores for everyone else (sign-ins, saves, readers).
 */
@ApplicationScoped
public class ComparisonTurns {

    private final Turns turns;

    @Inject
    ComparisonTurns(CopydeskConfig config) {
        this(config.compare().atOnce(), config.compare().waitMillis());
    }

    ComparisonTurns(int atOnce, long waitMillis) {
        this.turns = new Turns(atOnce, waitMillis);
    }

    /** The comparison, once it is its turn; {@link BusyException} (503, try again) after waiting too long. */
    public <T> T inTurn(Supplier<T> comparison) {
        return turns.inTurn(comparison,
                () -> new BusyException("Many comparisons of revisions are being made just now. Try again in a few seconds."));
    }

    /** The comparison once it is its turn, or {@code meanwhile} (something lighter) after waiting too long. */
    public <T> T inTurnOr(Supplier<T> comparison, Supplier<T> meanwhile) {
        return turns.inTurnOr(comparison, meanwhile);
    }

    /** For tests: the turns free now. */
    Semaphore turns() {
        return turns.permits();
    }
}
