package org.copydesk.ops;

import io.agroal.api.AgroalDataSource;
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
    AgroalDataSource primary;

    @Inject
    ReadReplica replica;

    @Override
    public ConnectionProvider resolve(String tenant) {
        boolean toReplica = ReadRouting.REPLICA.equals(tenant) && replica.configured();
        return new QuarkusConnectionProvider(toReplica ? replica.dataSource() : primary);
    }
}
