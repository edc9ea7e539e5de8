package org.copydesk.audit;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryState;

/** One line of the audit log: who did what, when, to what, from which state to which, and why. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntity {

    public Instant at;

    /** Null for the system (the scheduler) and for failed sign-ins of unknown users. */
    @ManyToOne
    @JoinColumn(name = "actor_id")
    public StaffAccount actor;

    /** The name as it was at the time (or "Scheduler", or the username typed at sign-in). */
    @Column(name = "actor_name")
    public String actorName;

    public String action;

    @ManyToOne
    @JoinColumn(name = "story_id")
    public Story story;

    @Column(name = "from_value")
    public String fromValue;

    @Column(name = "to_value")
    public String toValue;

    public String comment;

    public String detail;

    public static List<AuditEvent> forStory(Story story) {
        return list("story = ?1 order by at, id", story);
    }

    public static AuditEvent latest(Story story, AuditAction action) {
        return find("story = ?1 and action = ?2 order by at desc, id desc", story, action.name()).firstResult();
    }

    public String actionLabel() {
        AuditAction known = AuditAction.parse(action);
        return known == null ? action : known.label();
    }

    public String fromLabel() {
        return label(fromValue);
    }

    public String toLabel() {
        return label(toValue);
    }

    private static String label(String value) {
        if (value == null) {
            return "";
        }
        Role role = Role.parse(value);
        if (role != null) {
            return role.label();
        }
        try {
            return StoryState.valueOf(value).label();
        } catch (IllegalArgumentException notAState) {
            return value;
        }
    }
}
