package org.copydesk.story;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A path a story was public at before its slug or section changed; readers there get a 301. */
@Entity
@Table(name = "story_redirect")
public class StoryRedirect extends PanacheEntityBase {

    @Id
    @Column(name = "old_path")
    public String oldPath;

    @ManyToOne(optional = false)
    @JoinColumn(name = "story_id")
    public Story story;

    @Column(name = "created_at")
    public Instant createdAt;
}
