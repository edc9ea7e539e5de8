package org.copydesk.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.copydesk.web.CopydeskConfig;
import org.copydesk.web.Times;

/**
 * Slows password guessing: after a few failed sign-ins for one username (known or not, so a lock
 * tells nothing about which accounts exist) or from one address within a window, sign-in is refused
 * there for a while, even with the right password. Kept in PostgreSQL, so every app node agrees.
 */
@ApplicationScoped
public class SignInThrottle {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CopydeskConfig config;

    /** How long sign-in stays refused for this username or address; empty when it is allowed. */
    @Transactional
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Instant until = Times.fromColumn(em.createNativeQuery("select max(locked_until) from sign_in_throttle where key in (:keys)")
                .setParameter("keys", java.util.Arrays.asList(accountKey(username), addressKey(address))).getSingleResult());
        return until == null || !until.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    @Transactional
    public void failed(String username, String address) {
        count(accountKey(username), config.signIn().failuresPerAccount());
        count(addressKey(address), config.signIn().failuresPerAddress());
    }

    /** A good sign-in clears the account's count (not the address's: one success must not hide a spray). */
    @Transactional
    public void succeeded(String username) {
        em.createNativeQuery("delete from sign_in_throttle where key = :key").setParameter("key", accountKey(username))
                .executeUpdate();
    }

    private void count(String key, int limit) {
        if (key == null) {
            return;
        }
        Instant now = clock.instant();
        em.createNativeQuery("""
                insert into sign_in_throttle as t (key, failures, window_started_at)
                values (:key, 1, :now)
                on conflict (key) do update set
                  failures = case when t.window_started_at < :windowStart then 1 else t.failures + 1 end,
                  window_started_at = case when t.window_started_at < :windowStart then :now else t.window_started_at end""")
                .setParameter("key", key).setParameter("now", now).setParameter("windowStart", now.minus(config.signIn().window()))
                .executeUpdate();
        em.createNativeQuery("update sign_in_throttle set locked_until = :until, failures = 0, window_started_at = :now "
                        + "where key = :key and failures >= :limit")
                .setParameter("until", now.plus(config.signIn().lock())).setParameter("now", now).setParameter("key", key)
                .setParameter("limit", limit).executeUpdate();
    }

    private static String accountKey(String username) {
        return username == null || username.isBlank() ? null : "account:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "address:" + address;
    }
}
