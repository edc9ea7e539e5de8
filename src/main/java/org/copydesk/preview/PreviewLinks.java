package org.copydesk.preview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.audit.AuditAction;
import org.copydesk.audit.AuditLog;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.web.ActionRefusedException;
import org.copydesk.web.CopydeskConfig;
import org.copydesk.web.Times;

/**
 * Share preview: secret links that show a story, as readers would see it, to someone without a desk
 * account. A token is 256 random bits (base64url), shown once; links expire and can be revoked.
 */
@ApplicationScoped
@jakarta.inject.Named("previews")
public class PreviewLinks {

    /** A new link: the token for the address, and when it stops working. */
    public record Created(String token, Instant expiresAt) {
        public String path() {
            return "/preview/" + token;
        }
    }

    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    org.copydesk.people.CurrentStaff me;

    @Inject
    CopydeskConfig config;

    public Duration defaultLifetime() {
        return config.preview().lifetime();
    }

    @Transactional
    public Created create(long storyId, StaffAccount actor, Duration lifetime) {
        Story story = Story.findById(storyId);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        PreviewLink link = new PreviewLink();
        link.story = story;
        link.tokenHash = digest(token);
        link.createdBy = actor;
        link.createdAt = clock.instant();
        link.expiresAt = link.createdAt.plus(lifetime == null ? defaultLifetime() : lifetime);
        link.persist();
        audit.storyEvent(AuditAction.PREVIEW_SHARED, actor, story, null, null,
                "Preview link open until " + Times.display(link.expiresAt));
        return new Created(token, link.expiresAt);
    }

    /**
     * The link behind a token, while it is open; empty for an unknown, expired or revoked one. Not in a
     * transaction of its own, so the story can still load what its page needs.
     */
    public Optional<PreviewLink> open(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Optional<PreviewLink> link = PreviewLink.find("tokenHash", (Object) digest(token)).firstResultOptional();
        Instant now = clock.instant();
        return link.filter(l -> l.isOpenAt(now));
    }

    @Transactional
    public void revoke(long storyId, long linkId, StaffAccount actor) {
        PreviewLink link = PreviewLink.findById(linkId);
        if (link == null || link.story.id != storyId) {
            throw new ActionRefusedException("That preview link is not one of this story's.");
        }
        if (link.revokedAt == null) {
            link.revokedAt = clock.instant();
            link.revokedBy = actor;
            audit.storyEvent(AuditAction.PREVIEW_REVOKED, actor, link.story, null, null, null);
        }
    }

    /** Whether the signed-in person may share previews of this story and revoke their links. */
    public boolean canShare(Story story) {
        return story != null && me.signedIn()
                && org.copydesk.story.StoryWorkflow.canSharePreview(org.copydesk.story.StoryService.actorOf(me.account(), story));
    }

    /** For the story form: the links that still work. */
    public java.util.List<PreviewLink> openFor(Story story) {
        return story == null ? java.util.List.of() : PreviewLink.openFor(story, clock.instant());
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
