package org.copydesk.desk;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.copydesk.audit.AuditAction;
import org.copydesk.audit.AuditEvent;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryState;

/** The lists on the desk dashboard. */
@ApplicationScoped
public class DeskQueries {

    static final int LIMIT = 50;

    /** A story of mine, with the editor's comment when changes were requested. */
    public record MyStory(Story story, String changeRequest) {
    }

    /** A story waiting for review: who submitted it and when. */
    public record ReviewItem(Story story, String submittedBy, Instant submittedAt) {
    }

    public List<MyStory> myStories(StaffAccount me) {
        List<Story> mine = Story.find("createdBy = ?1 order by updatedAt desc", me).page(0, LIMIT).list();
        return mine.stream().map(story -> new MyStory(story, story.state == StoryState.CHANGES_REQUESTED
                ? commentOf(AuditEvent.latest(story, AuditAction.REQUEST_CHANGES)) : null)).toList();
    }

    /** Oldest submission first: the story waiting longest is read first. */
    public List<ReviewItem> reviewQueue() {
        List<AuditEvent> submissions = AuditEvent.find("select e from AuditEvent e join fetch e.story s "
                + "where e.action = ?1 and s.state = ?2 and e.at = (select max(x.at) from AuditEvent x "
                + "where x.story = s and x.action = ?1) order by e.at asc", AuditAction.SUBMIT.name(), StoryState.IN_REVIEW)
                .page(0, LIMIT).list();
        return submissions.stream().map(e -> new ReviewItem(e.story, e.actorName, e.at)).toList();
    }

    /** Embargoed stories, the next to go live first. */
    public List<Story> scheduled() {
        return Story.find("state = ?1 order by scheduledAt asc", StoryState.SCHEDULED).page(0, LIMIT).list();
    }

    public List<Story> recentlyPublished() {
        return Story.find("state = ?1 and updateOf is null order by lastPublishedAt desc", StoryState.PUBLISHED)
                .page(0, 10).list();
    }

    private static String commentOf(AuditEvent event) {
        return event == null ? null : event.comment;
    }
}
