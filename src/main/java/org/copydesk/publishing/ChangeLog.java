package org.copydesk.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * Which public stories changed, by the public version their change committed at ({@code public_change_log}, V17
 * and V24). The database writes it (deferred triggers on story, after the version was raised in the same
 * transaction), so no write path can forget it; versions commit in order, so a node that has heard version V
 * can read every change up to V at once. What a node keeps of the public site in memory (the in-memory search)
 * catches up from it instead of reading everything again.
 */
@ApplicationScoped
public class ChangeLog {

    /** Entries are kept a day; a node further behind than half of that reads afresh instead. */
    public static final long KEPT_HOURS = 24;

    /** The stories changed after a version: a query of one parameter, the version already known. */
    public static final String STORIES_CHANGED_AFTER = "select distinct story_id from public_change_log where version > ?";

    @Inject
    EntityManager em;

    @Scheduled(identity = "prune-public-change-log", every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        em.createNativeQuery("delete from public_change_log where changed_at < now() - " + KEPT_HOURS + " * interval '1 hour'")
                .executeUpdate();
    }
}
