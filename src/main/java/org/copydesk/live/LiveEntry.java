package org.copydesk.live;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.copydesk.media.Image;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;

/**
 * One timestamped entry of a live story's coverage: rich text (sanitised like a body), an optional byline and
 * image, maybe a key event. Corrected entries say so; deleted ones stay here, shown nowhere (the audit log keeps
 * their text too). Every change takes a new {@link #changeSeq}, by which readers' pages catch up.
 */
@Entity
@Table(name = "live_entry")
public class LiveEntry extends PanacheEntity {

    /** The longest entry: a few screens of text, not a second story. */
    public static final int BODY_MAX = 20_000;
    public static final int CORRECTION_MAX = 400;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "story_id")
    public Story story;

    @Column(name = "story_id", insertable = false, updatable = false)
    public long storyId;

    /** Sanitised HTML (story.BodyHtml): safe to render raw. */
    public String body;

    @Column(name = "key_event")
    public boolean keyEvent;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    public AuthorProfile author;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "image_id")
    public Image image;

    @Column(name = "image_alt")
    public String imageAlt;

    @Column(name = "image_caption")
    public String imageCaption;

    @Column(name = "image_credit")
    public String imageCredit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "posted_by")
    public StaffAccount postedBy;

    @Column(name = "posted_at")
    public Instant postedAt;

    @Column(name = "corrected_at")
    public Instant correctedAt;

    /** What readers are told of the correction, if the editor said; may be null on a corrected entry. */
    public String correction;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "deleted_by")
    public StaffAccount deletedBy;

    @Column(name = "change_seq")
    public long changeSeq;

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isCorrected() {
        return correctedAt != null;
    }

    /** When it last changed for readers: posted, corrected or deleted. */
    public Instant changedAt() {
        Instant changed = postedAt;
        if (correctedAt != null && correctedAt.isAfter(changed)) {
            changed = correctedAt;
        }
        if (deletedAt != null && deletedAt.isAfter(changed)) {
            changed = deletedAt;
        }
        return changed;
    }
}
