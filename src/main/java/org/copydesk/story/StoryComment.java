package org.copydesk.story;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.copydesk.people.StaffAccount;

/** One message in the staff's thread on a story. Internal: never on a public page. */
@Entity
@Table(name = "story_comment")
public class StoryComment extends PanacheEntity {

    public static final int TEXT_MAX = 4000;

    @ManyToOne(optional = false)
    @JoinColumn(name = "story_id")
    public Story story;

    @ManyToOne
    @JoinColumn(name = "author_id")
    public StaffAccount author;

    public String text;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<StoryComment> thread(Story story) {
        return list("story = ?1 order by createdAt, id", story);
    }
}
