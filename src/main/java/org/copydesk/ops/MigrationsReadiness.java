package org.copydesk.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;

/**
 * Ready only on a schema this build knows: every migration it carries applied, none failed. A node
 * started against a database another (newer or older) release left behind stays out of the proxy's
 * rotation instead of serving errors. The database connection itself is checked by Quarkus's own
 * datasource check, which sits beside this one under /q/health/ready.
 */
@Readiness
@ApplicationScoped
public class MigrationsReadiness implements HealthCheck {

    @Inject
    Flyway flyway;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("Database migrations");
        try {
            var info = flyway.info();
            int pending = info.pending().length;
            var current = info.current();
            builder.withData("schema version", current == null ? "none" : current.getVersion().getVersion())
                    .withData("pending", pending);
            boolean failed = java.util.Arrays.stream(info.all()).anyMatch(m -> m.getState().isFailed());
            return builder.status(pending == 0 && !failed && current != null).build();
        } catch (RuntimeException e) {
            // The datasource check reports why; this one only says the migrations could not be read.
            return builder.down().withData("error", "cannot read the migration history").build();
        }
    }
}
