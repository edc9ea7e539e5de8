package org.copydesk.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.runtime.Startup;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;

/**
 * CSRF tokens this site made, not just any matching pair. quarkus-rest-csrf checks that a form's token equals
 * the copydesk-csrf cookie (double submit); a cookie planted in the browser (by a sibling subdomain, or over
 * plain http on the way) with a token to match would pass that alone. So every token is signed: 8 random bytes
 * and the first 8 bytes of their HMAC-SHA256 under a key every node shares, 16 bytes as the extension's token
 * size expects (cookies issued before this keep working for reading pages and are replaced on the next page).
 * Here, after the extension's own filter: a token it read from a cookie that does not carry our signature is
 * replaced with a fresh signed one on a page (GET), and refused on a form sent (400, with RefusedFormPage's
 * message).
 * <p>
 * The extension's own signing (quarkus.rest-csrf.token-signature-key) was not used: it makes a new token on
 * every page, so a form open in one tab (a story being written, its autosave) stops working as soon as another
 * desk page is opened in another tab. Here a browser keeps one token, as before.
 * <p>
 * The key: {@code copydesk.csrf.key} ({@code COPYDESK_CSRF_KEY}, 32 characters or more); unset, one derived
 * from the session encryption key (so nodes that share sign-ins share tokens with nothing more to configure);
 * without either, a random key per start (tokens end at restart, as sign-ins then do).
 */
@ApplicationScoped
@Startup
public class SignedCsrfTokens {

    private static final Logger LOG = Logger.getLogger(SignedCsrfTokens.class);

    /** Where quarkus-rest-csrf leaves the request's token (its form field and the cookie it sets come from it). */
    static final String TOKEN = "csrf_token";
    static final String TOKEN_BYTES = "csrf_token_bytes";
    /** quarkus.rest-csrf.cookie-name. */
    static final String COOKIE = "copydesk-csrf";
    static final int NONCE = 8;
    static final int SIGNATURE = 8;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    SignedCsrfTokens(CopydeskConfig config, QuarkusSettings quarkus) {
        this(config.csrf().key(), quarkus.sessionEncryptionKey());
    }

    SignedCsrfTokens(Optional<String> configured, Optional<String> sessionKey) {
        this.key = new SecretKeySpec(keyBytes(configured.filter(k -> !k.isBlank()), sessionKey.filter(k -> !k.isBlank())),
                "HmacSHA256");
    }

    static byte[] keyBytes(Optional<String> configured, Optional<String> sessionKey) {
        if (configured.isPresent()) {
            if (configured.get().length() < 32) {
                throw new IllegalStateException("COPYDESK_CSRF_KEY must be 32 characters or more");
            }
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        if (sessionKey.isPresent()) { // a key of its own, not the session key itself
            return hmac(sessionKey.get().getBytes(StandardCharsets.UTF_8), "copydesk csrf token signature".getBytes(StandardCharsets.UTF_8));
        }
        LOG.warn("Neither COPYDESK_CSRF_KEY nor QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is set: forms are signed with a "
                + "random key, so a form opened before a restart, or on another app node, is refused.");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    /**
     * Runs after quarkus-rest-csrf's filter, once it has taken the token for a page or checked a form's against the
     * cookie: Quarkus REST runs that one (the default priority, USER, and a form read) before this one (seen, not
     * documented: CsrfAndFlashCookiesTest fails if the order changes). A form's cookie is checked here in any case.
     */
    @ServerRequestFilter(priority = Priorities.USER - 10)
    @WithFormRead
    public Response checkSignature(ContainerRequestContext request, RoutingContext routing) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            if (routing.get(TOKEN) instanceof String token && !signed(token)) {
                String fresh = newToken();
                routing.put(TOKEN, fresh);
                routing.put(TOKEN_BYTES, Base64.getUrlDecoder().decode(fresh));
            }
            return null;
        }
        io.vertx.core.http.Cookie cookie = routing.request().getCookie(COOKIE);
        return cookie == null || signed(cookie.getValue()) ? null : Response.status(Response.Status.BAD_REQUEST).build();
    }

    /** A new token: a nonce and its signature, in the extension's form (URL-safe base64 without padding). */
    String newToken() {
        byte[] token = new byte[NONCE + SIGNATURE];
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, token, 0, NONCE);
        System.arraycopy(signature(nonce), 0, token, NONCE, SIGNATURE);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Whether the token is one made with this key. */
    boolean signed(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (bytes.length != NONCE + SIGNATURE) {
            return false;
        }
        byte[] expected = signature(Arrays.copyOf(bytes, NONCE));
        return MessageDigest.isEqual(Arrays.copyOfRange(bytes, NONCE, NONCE + SIGNATURE), Arrays.copyOf(expected, SIGNATURE));
    }

    private byte[] signature(byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
