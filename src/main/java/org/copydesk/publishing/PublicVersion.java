package org.copydesk.publishing;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The version of everything public ({@code public_version}): raised inside the transaction that changes
 * what readers see, so it moves exactly when that change commits, on every node alike.
 * <p>
 * Each node holds the version in memory while {@link PublicChangeListener} hears the database's
 * notifications (a change on another node arrives within milliseconds of its commit); a change made
 * on this node counts here the moment it commits. While the listener is not connected the version is
 * unknown ({@link #known()} is empty) and pages are not served from memory.
 * <p>
 * Only {@link Publication} raises it (package-private here; the architecture test and the database's guard, V23,
 * hold everyone else to that).
 */
@ApplicationScoped
public class PublicVersion {

    public static final long UNKNOWN = -1;

    @Inject
    EntityManager em;

    private final AtomicLong known = new AtomicLong(UNKNOWN);

    /** Part of the caller's transaction ({@link Publication#announce}): the new version counts only if the change commits. */
    long raise() {
        return ((Number) em.createNativeQuery("update public_version set value = value + 1 where id = 1 returning value")
                .getSingleResult()).longValue();
    }

    /** A change made on this node counts here the moment it commits, before the database's notification comes back. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicChange change) {
        heard(change.version());
    }

    /** The version in memory, or {@link #UNKNOWN} while changes cannot be heard. */
    public long known() {
        return known.get();
    }

    /** A committed version, heard from the database or from this node; versions only move forward. */
    void heard(long version) {
        known.accumulateAndGet(version, (current, heard) -> current == UNKNOWN ? UNKNOWN : Math.max(current, heard));
    }

    /** Listening again after a gap: the stored version is the truth from here on. */
    void listening(long stored) {
        known.set(stored);
    }

    /** Not listening: changes on other nodes would go unheard. */
    void deaf() {
        known.set(UNKNOWN);
    }
}
