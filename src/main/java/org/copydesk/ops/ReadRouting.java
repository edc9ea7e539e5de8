package org.copydesk.ops;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.web.PublicRequests;
import org.copydesk.publishing.PublicVersion;

/**
 * Which database a unit of work reads: the replica for a reader's public page (GET, public, the same
 * for everyone: the pages site.PublicCaching keeps, {@link PublicRequests}) once the replica has caught up; the primary for
 * everything else: the desk, sign-in, every form, image renditions (made on first request), the
 * scheduler and start-up. Built on Hibernate's database-per-tenant switch, with two "tenants".
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ReadRouting implements TenantResolver {

    public static final String PRIMARY = "primary";
    public static final String REPLICA = "replica";

    @Inject
    ReadReplica replica;

    @Inject
    PublicVersion versions;

    @Inject
    NewsroomMetrics metrics;

    @Inject
    CurrentVertxRequest currentRequest;

    @Override
    public String getDefaultTenantId() {
        return PRIMARY;
    }

    /** The database for the current unit of work, asked outside Hibernate too: the primary when no request is active. */
    public String forThisUnitOfWork() {
        return io.quarkus.arc.Arc.container().requestContext().isActive() ? resolveTenantId() : PRIMARY;
    }

    @Override
    public String resolveTenantId() {
        if (!replica.configured()) {
            return PRIMARY;
        }
        // Asked only while a request context is active (Quarkus checks); outside HTTP there is no current request.
        RoutingContext request = currentRequest.getCurrent();
        if (request == null || !PublicRequests.readsPage(request.request().method().name()) || !PublicRequests.cacheable(request)) {
            return PRIMARY;
        }
        String database = replica.caughtUpWith(versions.known()) ? REPLICA : PRIMARY;
        metrics.publicPageRead(database);
        return database;
    }
}
