package org.copydesk.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The one way a change readers can see is made known: inside the transaction that makes it, the public
 * version is raised (so the change and the new version commit together, or neither) and the change is fired
 * to its observers, each in the phase that fits it:
 * <ul>
 * <li>in progress (plain {@code @Observes}): what must commit with the change — the audit line
 * (audit.AuditedActs). Not before completion: Hibernate flushes then too, and a row persisted by an observer
 * called after that flush would be lost;</li>
 * <li>after success ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}): what follows a committed change
 * and must not follow a rolled-back one — this node's {@link PublicVersion} (so its page cache stops serving
 * older pages at once), the figures (ops.NewsroomMetrics), the in-memory search (search.PublicMatches).</li>
 * </ul>
 * Other nodes learn of it through the database: the raise notifies them at commit (V9, {@link PublicChangeListener}).
 * A write to public rows that does not come through here is refused at commit by the database (V23).
 */
@ApplicationScoped
public class Publication {

    @Inject
    PublicVersion version;

    @Inject
    Event<PublicChange> changes;

    /** Part of the caller's transaction; returns the change as fired, with the version it raised. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PublicChange announce(PublicChange change) {
        PublicChange raised = change.raisedTo(version.raise());
        changes.fire(raised);
        return raised;
    }
}
