package org.copydesk.web;

import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The few of Quarkus's own settings the app reads as well. They are Quarkus's (set in application.properties or
 * as {@code QUARKUS_...} variables, documented by Quarkus); the defaults written here are Quarkus's own. The
 * app's settings are {@link CopydeskConfig}.
 */
@ConfigMapping(prefix = "quarkus")
public interface QuarkusSettings {

    /** The key that encrypts the session cookie (people.SessionCookies), from which {@link SignedCsrfTokens} derives its own. */
    @WithName("http.auth.session.encryption-key")
    Optional<String> sessionEncryptionKey();

    /** The largest request body Quarkus takes ({@link OversizedUploads} answers a larger one with a page). */
    @WithName("http.limits.max-body-size")
    Optional<MemorySize> maxBodySize();

    /** Where Quarkus answers health and the like ({@code /q/...}): a name the app's own pages cannot take ({@link AppRoutes}). */
    @WithName("http.non-application-root-path")
    @WithDefault("q")
    String nonApplicationRootPath();

    /** Where the Web Bundler serves the desk's editor bundle: a name the app's own pages cannot take either. */
    @WithName("web-bundler.bundle-path")
    @WithDefault("bundle")
    String bundlePath();

    /** The optional read replica (ops.ReadReplica): none without a URL. */
    @WithName("datasource.replica.jdbc.url")
    Optional<String> replicaJdbcUrl();
}
