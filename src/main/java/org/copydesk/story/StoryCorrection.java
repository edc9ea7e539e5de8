package org.copydesk.story;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.copydesk.people.StaffAccount;

/** A dated correction notice on a published story; shown to readers under the body, kept forever. */
@Entity
@Table(name = "story_correction")
public class StoryCorrection extends PanacheEntity {

    public static final int TEXT_MAX = 2000;

    @ManyToOne(optional = false)
    @JoinColumn(name = "story_id")
    public Story story;

    public String text;

    @Column(name = "created_at")
    public Instant createdAt;

    @ManyToOne
    @JoinColumn(name = "created_by")
    public StaffAccount createdBy;
}
