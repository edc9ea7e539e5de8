package org.copydesk.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing as the Standard Webhooks specification says (https://www.standardwebhooks.com/): the secret is
 * {@code whsec_} and base64 of its key bytes; the signature, sent as {@code webhook-signature: v1,<base64>}, is
 * HMAC-SHA256 with the key bytes over {@code <webhook-id>.<webhook-timestamp>.<body>}.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** A new message id ({@code msg_} and 22 random URL-safe characters), kept through every attempt. */
    public static String newMessageId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /** The value of the {@code webhook-signature} header. */
    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        String key = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            byte[] signature = mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }
}
