package org.copydesk.people;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;

/**
 * Sign-in and sign-out. The sign-in form is an ordinary CSRF-protected form; on success it sets the
 * encrypted session cookie and returns the browser to the page it came from (on this site only).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    static final String FAILED = "The username or password is not right";

    @CheckedTemplate(basePath = "people")
    static class Templates {
        static native TemplateInstance login(String username, String next, FormErrors errors);

        static native TemplateInstance logout();
    }

    @Inject
    IdentityProviderManager identities;

    @Inject
    SessionCookies sessions;

    @Inject
    RoutingContext routing;

    @Inject
    Flash flash;

    /** Recorded by the audit log, which listens (it sits above people). */
    @Inject
    jakarta.enterprise.event.Event<SignInEvent> signIns;

    @Inject
    CurrentStaff me;

    @Inject
    SignInThrottle throttle;

    @Inject
    StaffService staff;

    @GET
    @Path("login")
    public TemplateInstance loginForm(@QueryParam("next") String next) {
        return Templates.login("", safeNext(next), FormErrors.none());
    }

    @POST
    @Path("login")
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("next") String next) {
        String name = username == null ? "" : username.strip();
        FormErrors errors = new FormErrors();
        if (name.isEmpty()) {
            errors.add("username", "Enter your username");
        } else if (name.length() > 64) {
            errors.add("username", FAILED);
        }
        if (password == null || password.isEmpty()) {
            errors.add("password", "Enter your password");
        }
        if (errors.isEmpty()) {
            StaffAccount account = StaffAccount.findByUsername(name).orElse(null);
            java.util.Optional<java.time.Duration> locked = throttle.lockedFor(name, address());
            if (locked.isPresent()) {
                signIns.fire(new SignInEvent(SignInEvent.Kind.SIGN_IN_LOCKED, account, name, address()));
                long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
                errors.add("username", "Too many failed sign-ins for this username or from this address. Try again in "
                        + minutes + (minutes == 1 ? " minute" : " minutes") + ", or ask an admin to help");
                return Response.status(429).entity(Templates.login(name, safeNext(next), errors)).build();
            }
            SecurityIdentity identity = authenticate(account, password);
            if (identity != null) {
                throttle.succeeded(name);
                signIns.fire(new SignInEvent(SignInEvent.Kind.SIGN_IN, account, name, address()));
                sessions.signIn(account, routing);
                return flash.redirect(safeNext(next), "You are signed in.");
            }
            throttle.failed(name, address());
            signIns.fire(new SignInEvent(SignInEvent.Kind.SIGN_IN_FAILED, account, name, address()));
            errors.add("username", FAILED);
        }
        return Response.status(Response.Status.UNAUTHORIZED)
                .entity(Templates.login(name, safeNext(next), errors)).build();
    }

    @GET
    @Path("logout")
    public TemplateInstance logoutForm() {
        return Templates.logout();
    }

    @POST
    @Path("logout")
    public Response signOut() {
        if (me.signedIn()) {
            signIns.fire(new SignInEvent(SignInEvent.Kind.SIGN_OUT, me.account(), me.account().username, address()));
            staff.endSessions(me.account());
        }
        sessions.clear(routing);
        return flash.redirect("/login", "You have signed out.");
    }

    private String address() {
        return routing.request().remoteAddress() == null ? null : routing.request().remoteAddress().hostAddress();
    }

    private SecurityIdentity authenticate(StaffAccount account, String password) {
        if (account == null || !account.enabled) {
            return null;
        }
        try {
            return identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(account.username,
                    new PasswordCredential(password.toCharArray())));
        } catch (AuthenticationFailedException e) {
            return null;
        }
    }

    /** Only a path on this site: never "//host" or "https://host" (no open redirect after sign-in). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.contains("\r") || next.contains("\n")) {
            return DeskPaths.home();
        }
        try {
            java.net.URI uri = java.net.URI.create(next);
            return uri.getScheme() == null && uri.getAuthority() == null ? next : DeskPaths.home();
        } catch (IllegalArgumentException notAPath) {
            return DeskPaths.home();
        }
    }
}
