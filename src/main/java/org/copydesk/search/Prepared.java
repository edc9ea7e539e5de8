package org.copydesk.search;

import java.sql.PreparedStatement;

import org.hibernate.engine.spi.SessionImplementor;

/**
 * A statement prepared through the session's Hibernate, on its connection: counted in its statistics (the
 * query-bounds test), logged with its SQL and released as its own are; read with plain JDBC.
 */
record Prepared(SessionImplementor session, PreparedStatement statement) implements AutoCloseable {

    Prepared(SessionImplementor session, String sql) {
        this(session, session.getJdbcCoordinator().getStatementPreparer().prepareStatement(sql));
    }

    @Override
    public void close() {
        session.getJdbcCoordinator().getLogicalConnection().getResourceRegistry().release(statement);
        session.getJdbcCoordinator().afterStatementExecution();
    }
}
