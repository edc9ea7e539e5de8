package org.copydesk.search;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.web.BusyException;
import org.copydesk.web.CopydeskConfig;
import org.copydesk.web.Turns;

/**
 * Searches take turns: at most a few at once (by default one more than the cores, so that a core has work
 * while a search waits for the database to answer) find, rank and cut snippets; the others wait, first come
 * first served. A search is work for the processor only (the database's pages are in
 * memory), so more at once only share the same cores: each takes longer, and an unlucky one much longer.
 * Taking turns keeps the slowest close to the typical (at 16 readers searching at once on 2 cores, the 95th
 * percentile went from 1.9 to about 1.2 times the median; docs/performance.md), and a crowd of readers
 * searching leaves the rest of the site (editors saving, pages being rendered) its share of the machine.
 * A search that waits too long is told the site is busy (503), not left hanging.
 */
@ApplicationScoped
public class SearchTurns {

    private final Turns turns;

    @Inject
    SearchTurns(CopydeskConfig config) {
        this(config.search().atOnce(), config.search().waitMillis());
    }

    SearchTurns(int atOnce, long waitMillis) {
        this.turns = new Turns(atOnce > 0 ? atOnce : Runtime.getRuntime().availableProcessors() + 1, waitMillis);
    }

    /** The search, once it is its turn; {@link BusyException} after waiting too long. */
    <T> T inTurn(Supplier<T> search) {
        return turns.inTurn(search, () -> new BusyException(
                "Search is very busy just now. Nothing is wrong with what you typed: try again in a few seconds."));
    }

    /** For tests: the turns free now. */
    Semaphore turns() {
        return turns.permits();
    }
}
