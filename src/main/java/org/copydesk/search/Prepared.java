package org.copydesk.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.hibernate.stat.spi.StatisticsImplementor;

/**
 * A search's statement, prepared on a plain connection and read with plain JDBC, counted in Hibernate's
 * statistics as the statements Hibernate prepares are (the query-bounds and page-cache tests count them).
 */
record Prepared(PreparedStatement statement, StatisticsImplementor statistics) implements AutoCloseable {

    static Prepared on(Connection connection, String sql, StatisticsImplementor statistics) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (statistics.isStatisticsEnabled()) {
            statistics.prepareStatement();
        }
        return new Prepared(statement, statistics);
    }

    @Override
    public void close() throws SQLException {
        statement.close();
        if (statistics.isStatisticsEnabled()) {
            statistics.closeStatement();
        }
    }
}
