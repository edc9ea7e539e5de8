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
 * Reads a page of stories as desk rows with two more queries whatever the page's length (not one per row): the
 * names on their bylines, and the editor's comment on those sent back for changes.
 */
@ApplicationScoped
public class DeskRows {

    /**
     * The stories of an HQL query that selects {@link DeskStory#COLUMNS} (and nothing after them), its first
     * {@code limit} rows.
     */
    public List<DeskStory> stories(String query, Map<String, Object> params, int limit) {
        return select(query, params, limit).stream().map(DeskStory::of).toList();
    }

    /** The first {@code limit} rows of an HQL query. */
    public List<Object[]> select(String query, Map<String, Object> params, int limit) {
        var select = Story.getEntityManager().createQuery(query, Object[].class).setMaxResults(limit);
        params.forEach(select::setParameter);
        return select.getResultList();
    }

    /** The rows of these stories in their order, each with the time {@code at} gives. */
    public List<DeskRow> of(List<DeskStory> stories, Function<DeskStory, Instant> at) {
        Map<Long, String> people = people(stories);
        Map<Long, String> changeRequests = changeRequests(stories);
        return stories.stream().map(story -> new DeskRow(story, people.get(story.id()), at.apply(story), null,
                changeRequests.get(story.id()))).toList();
    }

    /** The bylines' names in their order, joined; a story without bylines shows its writer instead. */
    public Map<Long, String> people(Collection<DeskStory> stories) {
        Map<Long, String> people = new HashMap<>();
        if (stories.isEmpty()) {
            return people;
        }
        List<Object[]> names = Story.getEntityManager().createQuery("select s.id, a.name from Story s join s.bylines b "
                        + "join b.author a where s.id in :ids order by s.id, index(b)", Object[].class)
                .setParameter("ids", stories.stream().map(DeskStory::id).toList()).getResultList();
        for (Object[] name : names) {
            people.merge((Long) name[0], (String) name[1], (first, next) -> first + ", " + next);
        }
        for (DeskStory story : stories) {
            if (!people.containsKey(story.id()) && story.writer() != null) {
                people.put(story.id(), story.writer());
            }
        }
        return people;
    }

    /** The latest Request changes comment of each story in Changes requested, by story id. */
    private static Map<Long, String> changeRequests(Collection<DeskStory> stories) {
        List<Long> sentBack = stories.stream().filter(s -> s.state() == StoryState.CHANGES_REQUESTED).map(DeskStory::id).toList();
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
