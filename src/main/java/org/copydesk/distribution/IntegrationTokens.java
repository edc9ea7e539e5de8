package org.copydesk.distribution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.people.StaffAccount;
import org.copydesk.people.StaffService;
import org.copydesk.story.Section;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Text;

/** Making, checking and revoking integration tokens. */
@ApplicationScoped
public class IntegrationTokens {

    /** Every token starts so: a leaked one is easy to recognise (secret scanners, logs). */
    static final String PREFIX = "cdk_";
    /** How stale "last used" may be: a token used all day long writes it once a minute, not at every request. */
    static final Duration LAST_USE_GRAIN = Duration.ofMinutes(1);

    /** A token just made: the secret, shown once and never again, and what is kept of it. */
    public record Created(IntegrationToken token, String secret) {
    }

    /** A request's token, checked: its id, the account it acts through and what it may do. */
    public record Caller(long tokenId, StaffAccount account, Set<TokenScope> scopes, Long sectionId) {
        public boolean may(TokenScope scope) {
            return scopes.contains(scope);
        }
    }

    private final SecureRandom random = new SecureRandom();

    @Inject
    StaffService staff;

    @Inject
    Clock clock;

    @Transactional
    public Created create(String name, Set<TokenScope> scopes, Long sectionId, StaffAccount admin) {
        String clean = Text.clean(name);
        FormErrors errors = new FormErrors();
        if (clean == null) {
            errors.add("name", "Enter a name that says who uses the token, e.g. \"Agency feed\"");
        } else if (Text.length(clean) > IntegrationToken.NAME_MAX) {
            errors.add("name", "The name must be " + IntegrationToken.NAME_MAX + " characters or fewer");
        }
        errors.singleLine("name", "The name", clean);
        Section section = sectionId == null ? null : Section.findById(sectionId);
        if (sectionId != null && section == null) {
            errors.add("section", "Choose a section from the list");
        }
        if (errors.any()) {
            throw new FormInvalidException(errors);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        IntegrationToken token = new IntegrationToken();
        token.name = clean;
        token.tokenHash = hash(secret);
        token.tokenPrefix = secret.substring(0, PREFIX.length() + 6);
        token.scopes = scopes.stream().sorted().map(TokenScope::code).collect(Collectors.joining(" "));
        token.section = section;
        token.account = staff.createIntegrationAccount(clean, admin);
        token.createdBy = StaffAccount.findById(admin.id);
        token.createdAt = clock.instant();
        token.persist();
        return new Created(token, secret);
    }

    /** Revoked at once, everywhere (every request looks its token up); its account is disabled with it. */
    @Transactional
    public void revoke(long id, StaffAccount admin) {
        IntegrationToken token = IntegrationToken.findById(id);
        if (token == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
            staff.setEnabled(token.account.id, false, admin);
        }
    }

    public List<IntegrationToken> all() {
        return IntegrationToken.list("select t from IntegrationToken t left join fetch t.section left join fetch t.createdBy "
                + "order by t.revokedAt nulls first, t.createdAt desc");
    }

    /**
     * The caller an {@code Authorization: Bearer ...} header names, or empty when there is no such header, or its
     * token is unknown or revoked. Notes the token's use (once a minute at most).
     */
    @Transactional
    public Optional<Caller> caller(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String secret = authorization.substring(7).strip();
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        IntegrationToken token = IntegrationToken.<IntegrationToken>find("tokenHash", hash(secret)).firstResult();
        if (token == null || token.isRevoked() || !token.account.enabled) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (token.lastUsedAt == null || token.lastUsedAt.plus(LAST_USE_GRAIN).isBefore(now)) {
            token.lastUsedAt = now;
        }
        return Optional.of(new Caller(token.id, token.account, Set.copyOf(token.scopeList()),
                token.section == null ? null : token.section.id));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
