package org.copydesk.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The database not answering: down, restarting, or out of reach. Nothing can be read or saved meanwhile,
 * but nothing is wrong with the request either: it is a 503, to send again shortly, never a 500. And once
 * it answers again, requests must work at once: the pool's connections from before are dead, and each
 * would fail one request more, so they are dropped as soon as the outage is noticed.
 */
@ApplicationScoped
public class DatabaseOutage {

    /** Seconds after which a request is worth sending again: a restart of PostgreSQL takes a few. */
    public static final String RETRY_AFTER_SECONDS = "10";

    @Inject
    AgroalDataSource database;

    private final AtomicLong lastFlush = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(10));

    /**
     * Called with every request the outage failed: the pool checks its idle connections and drops those that no
     * longer work (in the background, at most once a second), so none is handed out after the database is back.
     */
    public void noticed() {
        long now = System.nanoTime();
        long last = lastFlush.get();
        if (now - last > TimeUnit.SECONDS.toNanos(1) && lastFlush.compareAndSet(last, now)) {
            database.flush(AgroalDataSource.FlushMode.INVALID);
        }
    }

    /**
     * Whether the failure comes from the connection to the database rather than from the request: SQLState class
     * 08 (connection exception), 57P01 to 57P03 (the server shutting down, crashed, or not accepting connections
     * yet), or no connection to be had from the pool in time.
     */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException || t instanceof SQLTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03"))) {
                    return true;
                }
                String message = sql.getMessage();
                if (message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
