package org.copydesk.people;

import java.security.SecureRandom;
import java.util.Base64;

import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.web.CopydeskConfig;
import org.copydesk.web.QuarkusSettings;
import org.jboss.logging.Logger;

/**
 * The signed-in session: Quarkus's encrypted persistent-login cookie (AES-GCM over the username and
 * an idle expiry). Nothing is kept on the server, so any node holding the same key can serve any
 * request. We issue it from our own sign-in form because the built-in {@code j_security_check}
 * endpoint carries no CSRF token.
 */
@ApplicationScoped
public class SessionCookies {

    private static final Logger LOG = Logger.getLogger(SessionCookies.class);

    @Inject
    CopydeskConfig config;

    @Inject
    QuarkusSettings quarkus;

    private String cookieName;

    private PersistentLoginManager manager;

    @PostConstruct
    void init() {
        String key = quarkus.sessionEncryptionKey().filter(k -> !k.isBlank()).orElseGet(() -> {
            LOG.warn("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is not set: using a random key, so sign-ins end "
                    + "when the app restarts and do not carry across several app nodes.");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        });
        cookieName = config.session().cookieName();
        manager = new PersistentLoginManager(key, cookieName, config.session().timeout().toMillis(),
                config.session().renewAfter().toMillis(),
                true, "LAX", "/", -1, null);
    }

    public PersistentLoginManager.RestoreResult restore(RoutingContext context) {
        return manager.restore(context);
    }

    /** What a session cookie names: the account, and its session generation when the cookie was made. */
    public record Session(String username, int generation) {
        static final char SEPARATOR = '|';

        String principal() {
            return username + SEPARATOR + generation;
        }

        /** Null for a cookie not in this form (made before generations existed): it is not honoured. */
        static Session parse(String principal) {
            int at = principal == null ? -1 : principal.lastIndexOf(SEPARATOR);
            if (at <= 0) {
                return null;
            }
            try {
                return new Session(principal.substring(0, at), Integer.parseInt(principal.substring(at + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** A fresh session cookie after a good sign-in (or a password change). */
    public void signIn(StaffAccount account, RoutingContext context) {
        signIn(account.username, account.sessionGeneration, context);
    }

    public void signIn(String username, int generation, RoutingContext context) {
        manager.save(new Session(username, generation).principal(), context, cookieName, null, secure(context));
    }

    /** Renews the cookie of a session still in use, when due. */
    void renew(String principal, RoutingContext context, PersistentLoginManager.RestoreResult previous) {
        manager.save(principal, context, cookieName, previous, secure(context));
    }

    /** Secure (sent over https only) whenever the browser reached us over https, directly or through a proxy. */
    static boolean secure(RoutingContext context) {
        return org.copydesk.web.RequestValues.overHttps(context);
    }

    public void clear(RoutingContext context) {
        manager.clear(context);
    }
}
