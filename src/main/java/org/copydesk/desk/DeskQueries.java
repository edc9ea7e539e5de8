package org.copydesk.desk;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.audit.AuditAction;
import org.copydesk.audit.AuditEvent;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;

/** The desk home's two lists that are more than stories in one state: a person's own stories, and the review queue. */
@ApplicationScoped
public class DeskQueries {

    static final int LIMIT = 50;

    /** Every list reads its stories with what the rows show of them (section, writer) in the same query. */
    static final String STORIES_WITH_ROW = "select s from Story s join fetch s.section left join fetch s.createdBy ";

    private static final Comparator<Story> LAST_SAVED_FIRST = Comparator.comparing((Story s) -> s.updatedAt)
            .thenComparing(s -> s.id).reversed();

    @Inject
    DeskRows rows;

    /**
     * The stories someone wrote (created, with the pending updates of their live stories, which stay the writer's)
     * and those they are bylined on through their author profile, last saved first. Two queries, each read from an
     * index in order (story_created_by_idx, and story_byline_author_idx for the bylines), merged here: one query with
     * "or" would read every story.
     */
    public DeskList myStories(StaffAccount me) {
        List<Story> created = Story.<Story>find(STORIES_WITH_ROW + "where s.createdBy = ?1 order by s.updatedAt desc, s.id desc", me)
                .page(0, LIMIT + 1).list();
        List<Story> bylined = Story.<Story>find(STORIES_WITH_ROW + "where s.id in (select o.id from Story o join o.bylines b "
                        + "where b.author.staffAccount.id = ?1) order by s.updatedAt desc, s.id desc", me.id)
                .page(0, LIMIT + 1).list();
        Map<Long, Story> mine = new LinkedHashMap<>();
        created.forEach(s -> mine.put(s.id, s));
        bylined.forEach(s -> mine.putIfAbsent(s.id, s));
        List<Story> lastSavedFirst = mine.values().stream().sorted(LAST_SAVED_FIRST).limit(LIMIT + 1).toList();
        return DeskList.of(DeskHeading.MY_STORIES, rows.of(lastSavedFirst, s -> s.updatedAt), LIMIT);
    }

    /** Oldest submission first: the story waiting longest is read first. */
    public DeskList reviewQueue(DeskFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("submit", AuditAction.SUBMIT.name());
        List<AuditEvent> submissions = AuditEvent.<AuditEvent>find("select e from AuditEvent e join fetch e.story s "
                        + "join fetch s.section left join fetch s.createdBy left join fetch e.actor "
                        + "where e.action = :submit and s.state = org.copydesk.story.StoryState.IN_REVIEW "
                        + "and e.at = (select max(x.at) from AuditEvent x where x.story = s and x.action = :submit)"
                        + filter.where("s", params) + " order by e.at asc, e.id asc", params)
                .page(0, LIMIT + 1).list();
        Map<Long, String> people = rows.people(submissions.stream().map(e -> e.story).toList());
        List<DeskRow> queue = submissions.stream()
                .map(e -> new DeskRow(e.story, people.get(e.story.id), e.at, e.actorName, null)).toList();
        return DeskList.of(DeskHeading.REVIEW_QUEUE, queue, LIMIT);
    }
}
