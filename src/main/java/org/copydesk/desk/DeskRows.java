package org.copydesk.desk;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.copydesk.audit.AuditAction;
import org.copydesk.story.Story;
import org.copydesk.story.StoryState;

/**
 * Turns a page of stories into desk rows with two more queries whatever the page's length (not one per row): the
 * names on their bylines, and the editor's comment on those sent back for changes.
 */
@ApplicationScoped
public class DeskRows {

    /** The rows of these stories in their order, each with the time {@code at} gives. */
    public List<DeskRow> of(List<Story> stories, Function<Story, Instant> at) {
        Map<Long, String> people = people(stories);
        Map<Long, String> changeRequests = changeRequests(stories);
        return stories.stream().map(story -> new DeskRow(story, people.get(story.id), at.apply(story), null,
                changeRequests.get(story.id))).toList();
    }

    /**
     * The bylines' names in their order, joined; a story without bylines shows its writer instead (the stories were
     * read with their writer fetched).
     */
    public Map<Long, String> people(Collection<Story> stories) {
        Map<Long, String> people = new HashMap<>();
        if (stories.isEmpty()) {
            return people;
        }
        List<Object[]> names = Story.getEntityManager().createQuery("select s.id, a.name from Story s join s.bylines b "
                        + "join b.author a where s.id in :ids order by s.id, index(b)", Object[].class)
                .setParameter("ids", stories.stream().map(s -> s.id).toList()).getResultList();
        for (Object[] name : names) {
            people.merge((Long) name[0], (String) name[1], (first, next) -> first + ", " + next);
        }
        for (Story story : stories) {
            if (!people.containsKey(story.id) && story.createdBy != null) {
                people.put(story.id, story.createdBy.displayName);
            }
        }
        return people;
    }

    /** The latest Request changes comment of each story in Changes requested, by story id. */
    private static Map<Long, String> changeRequests(Collection<Story> stories) {
        List<Long> sentBack = stories.stream().filter(s -> s.state == StoryState.CHANGES_REQUESTED).map(s -> s.id).toList();
        Map<Long, String> comments = new HashMap<>();
        if (sentBack.isEmpty()) {
            return comments;
        }
        List<Object[]> events = Story.getEntityManager().createQuery("select e.story.id, e.comment from AuditEvent e "
                        + "where e.action = :action and e.story.id in :ids order by e.at, e.id", Object[].class)
                .setParameter("action", AuditAction.REQUEST_CHANGES.name()).setParameter("ids", sentBack).getResultList();
        // Oldest first, so the latest comment of each story is the one left in the map.
        for (Object[] event : events) {
            if (event[1] != null) {
                comments.put((Long) event[0], (String) event[1]);
            }
        }
        return comments;
    }
}
