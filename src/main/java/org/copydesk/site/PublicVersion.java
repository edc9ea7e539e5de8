package org.copydesk.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The version of everything public ({@code public_version}): raised inside the transaction that changes
 * what readers see, so it moves exactly when that change commits, on every node alike.
 */
@ApplicationScoped
public class PublicVersion {

    @Inject
    EntityManager em;

    /** Part of the caller's transaction: the new version counts only if the change commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise() {
        em.createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long current() {
        return ((Number) em.createNativeQuery("select value from public_version where id = 1").getSingleResult()).longValue();
    }
}
