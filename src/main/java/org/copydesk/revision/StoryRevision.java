package org.copydesk.revision;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;

/** A saved state of a story, numbered from 1 per story. */
@Entity
@Table(name = "story_revision")
public class StoryRevision extends PanacheEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "story_id")
    public Story story;

    public int number;

    @Column(name = "created_at")
    public Instant createdAt;

    @ManyToOne
    @JoinColumn(name = "author_id")
    public StaffAccount author;

    @JdbcTypeCode(SqlTypes.JSON)
    public RevisionContent content;

    @Column(name = "content_hash")
    public String contentHash;

    public String restoreAction() {
        return "/desk/stories/" + story.id + "/revisions/" + number + "/restore";
    }

    public static List<StoryRevision> of(Story story) {
        return list("story = ?1 order by number desc", story);
    }

    public static StoryRevision latest(Story story) {
        return find("story = ?1 order by number desc", story).firstResult();
    }

    public static StoryRevision numbered(Story story, int number) {
        return find("story = ?1 and number = ?2", story, number).firstResult();
    }
}
