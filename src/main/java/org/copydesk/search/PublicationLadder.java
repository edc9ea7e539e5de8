package org.copydesk.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


/**
 * When the newest public stories were published, at a ladder of ranks (100, 150, 225, ... newest): a search's
 * window of "the newest N stories" becomes "published at or after this time", which the publication-time
 * index reads at once. Kept in memory and read again from the primary database every few minutes: a ladder that
 * has grown old only makes windows wider than planned (new stories sit above every rung), never wrong,
 * since a window that holds too few matches is widened (see {@link CandidatePlan}).
 */
@ApplicationScoped
public class PublicationLadder {

    static final long MAX_AGE_NANOS = 300_000_000_000L;

    /**
     * Ranks and publication times (microseconds since the epoch), newest first, the public stories, and
     * PostgreSQL's count of all stories (the one its estimates of matches are made from).
     */
    record Rungs(long[] ranks, long[] micros, long publicStories, double stories, long readAt) {
        OptionalLong publishedSinceMicros(long newest) {
            for (int i = 0; i < ranks.length; i++) {
                if (ranks[i] >= newest) {
                    return OptionalLong.of(micros[i]);
                }
            }
            return OptionalLong.empty();
        }
    }


    @Inject
    AgroalDataSource dataSource;

    private final BackgroundRead reader = new BackgroundRead("publication-ladder",
            "Could not read the publication ladder (searches find their candidates without it)");

    private volatile Rungs rungs;

    /**
     * The ladder as last read, or null before the first read. When there is none or it is old, it is read
     * again in the background (at 100,000 stories the read takes about 60 ms; no reader waits for it).
     */
    Rungs current() {
        Rungs known = rungs;
        long now = System.nanoTime();
        boolean old = known == null || now - known.readAt() > MAX_AGE_NANOS;
        if (old) {
            reader.start(this::readNow);
        }
        return known;
    }

    /** Reads the ladder from the primary database now. */
    void readNow() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long publicStories;
            double stories;
            try (ResultSet count = statement.executeQuery("select count(*), (select reltuples from pg_class where oid = 'story'::regclass) "
                    + "from story where state = 'PUBLISHED' and update_of is null")) {
                count.next();
                publicStories = count.getLong(1);
                stories = count.getDouble(2);
            }
            List<long[]> rows = new ArrayList<>();
            try (ResultSet found = statement.executeQuery("select rn, micros from (select row_number() over (order by first_published_at desc) rn, "
                    + "(extract(epoch from first_published_at) * 1000000)::bigint micros from story "
                    + "where state = 'PUBLISHED' and update_of is null) r "
                    + "where rn in (select ceil(100 * power(1.5, g))::bigint from generate_series(0, 60) g) order by rn")) {
                while (found.next()) {
                    rows.add(new long[] {found.getLong(1), found.getLong(2)});
                }
            }
            long[] ranks = rows.stream().mapToLong(row -> row[0]).toArray();
            long[] micros = rows.stream().mapToLong(row -> row[1]).toArray();
            rungs = new Rungs(ranks, micros, publicStories, stories, System.nanoTime());
        }
    }

    @PreDestroy
    void stop() {
        reader.stop();
    }
}
