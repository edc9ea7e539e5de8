package org.copydesk.people;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.web.DatabaseOutage;
import org.copydesk.web.DatabaseUnavailableException;
import org.copydesk.web.DeskPaths;

/**
 * Restores the signed-in member of staff from the session cookie; when a page needs a sign-in,
 * sends the browser to /login and brings it back afterwards.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    SessionCookies cookies;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        PersistentLoginManager.RestoreResult restored = cookies.restore(context);
        if (restored == null) {
            return Uni.createFrom().optional(Optional.empty());
        }
        SessionCookies.Session session = SessionCookies.Session.parse(restored.getPrincipal());
        if (session == null) {
            cookies.clear(context);
            return Uni.createFrom().optional(Optional.empty());
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                new TrustedAuthenticationRequest(session.username()), context);
        // The cookie alone is not enough: the account must still be enabled and the session not ended
        // (by signing out, a password change or an admin), which only the database knows.
        return identityProviderManager.authenticate(request)
                .onItem().ifNotNull().transformToUni(identity -> Uni.createFrom().item(() -> stillValid(session))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .map(valid -> {
                            if (!valid) {
                                cookies.clear(context);
                                return null;
                            }
                            cookies.renew(restored.getPrincipal(), context, restored);
                            return identity;
                        }))
                // The database away: a 503 that gives the request's form back (web.ErrorPages), not a 500.
                .onFailure(DatabaseOutage::causedBy).transform(DatabaseUnavailableException::new);
    }

    /** On a worker thread outside any request: a request context of its own (Hibernate asks it which database). */
    private static boolean stillValid(SessionCookies.Session session) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean ours = !requestContext.isActive();
        if (ours) {
            requestContext.activate();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> StaffAccount.findByUsername(session.username())
                    .map(account -> account.enabled && account.sessionGeneration == session.generation()).orElse(false));
        } finally {
            if (ours) {
                requestContext.terminate();
            }
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String back = context.request().method() == HttpMethod.GET ? context.request().uri() : formPage(context);
        String location = "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
        return Uni.createFrom().item(new ChallengeData(302, "Location", location));
    }

    /**
     * A form posted after the sign-in expired: back to the page the form was on (the Referer, when it
     * is on this site), where the text kept in the browser is offered again.
     */
    private static String formPage(RoutingContext context) {
        String referer = context.request().getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                if (uri.getAuthority() != null && uri.getAuthority().equals(context.request().authority().toString())
                        && uri.getRawPath() != null && uri.getRawPath().startsWith(DeskPaths.DESK)) {
                    return uri.getRawPath();
                }
            } catch (IllegalArgumentException ignored) {
                // not a usable address: fall back to the desk
            }
        }
        return DeskPaths.home();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TrustedAuthenticationRequest.class);
    }
}
