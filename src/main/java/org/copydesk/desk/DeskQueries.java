package org.copydesk.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.audit.AuditAction;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.StaffAccount;

/** The desk home's two lists that are more than stories in one state: a person's own stories, and the review queue. */
@ApplicationScoped
public class DeskQueries {

    static final int LIMIT = 50;

    /** The start of every list's query: the row's columns of the story {@code s}. */
    static final String SELECT_STORIES = "select " + DeskStory.COLUMNS + " from Story s" + DeskStory.JOINS;

    private static final Comparator<DeskStory> LAST_SAVED_FIRST = Comparator.comparing(DeskStory::updatedAt)
            .thenComparing(DeskStory::id).reversed();

    @Inject
    DeskRows rows;

    /**
     * The stories someone wrote (created, with the pending updates of their live stories, which stay the writer's)
     * and those they are bylined on through their author profile, last saved first. Two queries, each read from an
     * index (story_created_by_idx in order; the bylines as below), merged here: one query with "or" would read every
     * story.
     */
    public DeskList myStories(StaffAccount me) {
        String order = " order by s.updatedAt desc, s.id desc";
        List<DeskStory> created = rows.stories(SELECT_STORIES + "where s.createdBy.id = :me" + order, Map.of("me", me.id), LIMIT + 1);
        // By the profile's id, not through a join to it, so that PostgreSQL knows from its statistics how many stories
        // the author has (see DeskFilter.bylinedOn).
        AuthorProfile profile = AuthorProfile.findByStaffAccount(me).orElse(null);
        List<DeskStory> bylined = profile == null ? List.of() : rows.stories(SELECT_STORIES + "where "
                + DeskFilter.bylinedOn("s", profile.id) + order, Map.of(), LIMIT + 1);
        Map<Long, DeskStory> mine = new LinkedHashMap<>();
        created.forEach(s -> mine.put(s.id(), s));
        bylined.forEach(s -> mine.putIfAbsent(s.id(), s));
        List<DeskStory> lastSavedFirst = mine.values().stream().sorted(LAST_SAVED_FIRST).limit(LIMIT + 1).toList();
        return DeskList.of(DeskHeading.MY_STORIES, rows.of(lastSavedFirst, DeskStory::updatedAt), LIMIT);
    }

    /** Oldest submission first: the story waiting longest is read first. */
    public DeskList reviewQueue(DeskFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("submit", AuditAction.SUBMIT.name());
        List<Object[]> submissions = rows.select("select " + DeskStory.COLUMNS + ", e.actorName, e.at "
                + "from AuditEvent e join e.story s" + DeskStory.JOINS
                + "where e.action = :submit and s.state = org.copydesk.story.StoryState.IN_REVIEW "
                + "and e.at = (select max(x.at) from AuditEvent x where x.story = s and x.action = :submit)"
                + filter.where("s", params) + " order by e.at asc, e.id asc", params, LIMIT + 1);
        List<DeskStory> stories = submissions.stream().map(DeskStory::of).toList();
        Map<Long, String> people = rows.people(stories);
        List<DeskRow> queue = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            DeskStory story = stories.get(i);
            Object[] submission = submissions.get(i);
            queue.add(new DeskRow(story, people.get(story.id()), (Instant) submission[11], (String) submission[10], null));
        }
        return DeskList.of(DeskHeading.REVIEW_QUEUE, queue, LIMIT);
    }
}
