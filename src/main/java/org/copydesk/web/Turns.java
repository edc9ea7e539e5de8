package org.copydesk.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Work that needs much memory or a core takes turns: at most so many permits are held at once, the others
 * wait first come first served, and one that would wait longer than its limit is refused (the caller says so,
 * usually a 503 with Retry-After, or does something lighter). Searches, comparisons of revisions, pictures
 * being decoded and big stories being rendered each have their own.
 */
public final class Turns {

    private final Semaphore permits;
    private final int total;
    private final long waitMillis;

    public Turns(int permits, long waitMillis) {
        this.total = Math.max(1, permits);
        this.permits = new Semaphore(total, true);
        this.waitMillis = waitMillis;
    }

    /** Takes {@code weight} permits (all of them at the most), waiting up to the limit; false when that was too long. */
    public boolean take(int weight) {
        try {
            return permits.tryAcquire(Math.min(total, weight), waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back what {@link #take(int)} took for the same weight. */
    public void give(int weight) {
        permits.release(Math.min(total, weight));
    }

    /** The work once it is its turn, or what {@code meanwhile} gives (something lighter) after waiting too long. */
    public <T> T inTurnOr(Supplier<T> work, Supplier<T> meanwhile) {
        if (!take(1)) {
            return meanwhile.get();
        }
        try {
            return work.get();
        } finally {
            give(1);
        }
    }

    /** The work once it is its turn; {@code refusal} thrown after waiting too long. */
    public <T> T inTurn(Supplier<T> work, Supplier<? extends RuntimeException> refusal) {
        return inTurnOr(work, () -> {
            throw refusal.get();
        });
    }

    /** For tests: the permits themselves (drained to make everyone wait). */
    public Semaphore permits() {
        return permits;
    }
}
