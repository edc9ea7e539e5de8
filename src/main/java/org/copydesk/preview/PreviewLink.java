package org.copydesk.preview;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;

/** A "Share preview" link. The token itself is never stored, only its SHA-256 digest. */
@Entity
@Table(name = "story_preview_link")
public class PreviewLink extends PanacheEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "story_id")
    public Story story;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public StaffAccount createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "revoked_by")
    public StaffAccount revokedBy;

    public boolean isOpenAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** The links of a story that still work, newest first. */
    public static List<PreviewLink> openFor(Story story, Instant now) {
        return list("story = ?1 and revokedAt is null and expiresAt > ?2 order by createdAt desc", story, now);
    }
}
