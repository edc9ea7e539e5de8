package org.copydesk.story;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.copydesk.people.StaffAccount;

/** A recorded move of a story from one state to another: who, when, and what they said. */
@Entity
@Table(name = "story_transition")
public class StoryTransition extends PanacheEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "story_id")
    public Story story;

    @ManyToOne
    @JoinColumn(name = "actor_id")
    public StaffAccount actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public StoryState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public StoryState toState;

    public String comment;

    public Instant at;

    public static List<StoryTransition> forStory(Story story) {
        return list("story = ?1 order by at, id", story);
    }

    /** The comment of the latest "request changes", shown to the reporter while they revise. */
    public static StoryTransition latestChangeRequest(Story story) {
        return find("story = ?1 and toState = ?2 order by at desc, id desc", story, StoryState.CHANGES_REQUESTED)
                .firstResult();
    }
}
