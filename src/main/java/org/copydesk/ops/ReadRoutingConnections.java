package org.copydesk.ops;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/** The connections behind {@link ReadRouting}'s two names: the default datasource and the replica's. */
@PersistenceUnitExtension
@ApplicationScoped
public class ReadRoutingConnections implements TenantConnectionResolver {

    @Inject
    RoutedConnections connections;

    @Override
    public ConnectionProvider resolve(String tenant) {
        return new QuarkusConnectionProvider(connections.dataSource(tenant));
    }
}
