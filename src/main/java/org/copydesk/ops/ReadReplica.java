package org.copydesk.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.web.QuarkusSettings;
import org.jboss.logging.Logger;

/**
 * The optional read replica ({@code QUARKUS_DATASOURCE_REPLICA_JDBC_URL}): a PostgreSQL streaming replica of the
 * primary, from which public pages may be read. A replica lags; a page read from one that has not yet
 * replayed the latest public change would be the old page, and would be kept in the page cache as if it
 * were new. So the replica is used only once it has replayed the public version this node knows
 * (the {@code public_version} row comes through replication like any other): until then pages are read
 * from the primary. Readers never see a page older than the one they were last shown.
 */
@ApplicationScoped
public class ReadReplica {

    private static final Logger LOG = Logger.getLogger(ReadReplica.class);
    /** After the replica was found behind, how long pages go to the primary before it is asked again. */
    static final long RECHECK_NANOS = 50_000_000L;

    @Inject
    QuarkusSettings quarkus;

    @Inject
    @DataSource("replica")
    InjectableInstance<AgroalDataSource> dataSource;

    /** How long a replica seen caught up is trusted without asking again (a replica can die). */
    static final long TRUST_NANOS = 1_000_000_000L;
    /** After the replica could not be reached, how long it is left alone. */
    static final long BACK_OFF_NANOS = 5_000_000_000L;

    private final AtomicLong replayed = new AtomicLong(-1);
    private volatile long trustedUntil = System.nanoTime();
    private volatile long nextCheck = System.nanoTime();

    /** True when a replica is configured. */
    public boolean configured() {
        return quarkus.replicaJdbcUrl().filter(u -> !u.isBlank()).isPresent();
    }

    AgroalDataSource dataSource() {
        return dataSource.get();
    }

    /**
     * Whether the replica has replayed at least {@code version} (the public version this node knows).
     * A replica seen caught up is trusted for a second, then asked again; one found behind is asked
     * again at most every {@link #RECHECK_NANOS}; one that cannot be reached is left alone for
     * {@link #BACK_OFF_NANOS}, the primary serving meanwhile.
     */
    public boolean caughtUpWith(long version) {
        if (version < 0 || !configured()) {
            return false;
        }
        long now = System.nanoTime();
        if (replayed.get() >= version && now - trustedUntil < 0) {
            return true;
        }
        if (now - nextCheck < 0) {
            return false;
        }
        synchronized (this) {
            if (now - nextCheck < 0) {
                return replayed.get() >= version && now - trustedUntil < 0;
            }
            long seen = replayedVersion();
            if (seen < 0) {
                replayed.set(-1);
                nextCheck = now + BACK_OFF_NANOS;
                return false;
            }
            replayed.accumulateAndGet(seen, Math::max);
            trustedUntil = now + TRUST_NANOS;
            nextCheck = now + (seen >= version ? 0 : RECHECK_NANOS);
            return seen >= version;
        }
    }

    private long replayedVersion() {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select value from public_version where id = 1")) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException | RuntimeException e) {
            // A replica down or unreachable: the primary serves, and the operator sees it in the log and health.
            LOG.warnf("Read replica unavailable, reading from the primary for %d s: %s", BACK_OFF_NANOS / 1_000_000_000L,
                    e.getMessage());
            return -1;
        }
    }
}
