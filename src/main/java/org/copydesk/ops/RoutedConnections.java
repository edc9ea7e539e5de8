package org.copydesk.ops;

import java.sql.Connection;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Connections for work done in plain JDBC, outside Hibernate (readers' search), from the database
 * {@link ReadRouting} picks for the current request, as Hibernate's would be ({@link ReadRoutingConnections}).
 */
@ApplicationScoped
public class RoutedConnections {

    @Inject
    AgroalDataSource primary;

    @Inject
    ReadReplica replica;

    @Inject
    @PersistenceUnitExtension
    ReadRouting routing;

    /** A connection for the current unit of work; the caller closes it. */
    public Connection connection() throws SQLException {
        return dataSource(routing.forThisUnitOfWork()).getConnection();
    }

    /** The datasource behind one of ReadRouting's names. */
    AgroalDataSource dataSource(String tenant) {
        return ReadRouting.REPLICA.equals(tenant) && replica.configured() ? replica.dataSource() : primary;
    }
}
