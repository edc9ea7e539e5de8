package org.copydesk.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.web.Newsroom;

/**
 * The desk by state: every story of the newsroom in the state it stands in, a page of each, narrowed by the
 * editor's filter in SQL. States are written into the queries as literals, not parameters, so PostgreSQL can use
 * the partial indexes (V2, V25) however often a query is run.
 */
@ApplicationScoped
public class DeskByState {

    static final int RECENT = 10;

    private static final String LIVE = "s.state = org.copydesk.story.StoryState.PUBLISHED and s.updateOf is null";

    @Inject
    DeskRows rows;

    @Inject
    Clock clock;

    /**
     * Updates of live stories in whatever state they are in (their row shows it), the one saved longest ago first:
     * until it is published, the live page lags behind it.
     */
    public DeskList pendingUpdates(DeskFilter filter) {
        return list(DeskHeading.PENDING_UPDATES, "s.updateOf is not null", "s.updatedAt asc, s.id asc", filter,
                DeskQueries.LIMIT, DeskStory::updatedAt);
    }

    /** Sent back to their writers, the one waiting longest first. Updates of live stories are under Pending updates. */
    public DeskList changesRequested(DeskFilter filter) {
        return list(DeskHeading.CHANGES_REQUESTED, "s.state = org.copydesk.story.StoryState.CHANGES_REQUESTED and s.updateOf is null",
                "s.updatedAt asc, s.id asc", filter, DeskQueries.LIMIT, DeskStory::updatedAt);
    }

    /** Every draft of the newsroom, last saved first. Updates of live stories are under Pending updates. */
    public DeskList drafts(DeskFilter filter) {
        return list(DeskHeading.DRAFTS, "s.state = org.copydesk.story.StoryState.DRAFT and s.updateOf is null",
                "s.updatedAt desc, s.id desc", filter, DeskQueries.LIMIT, DeskStory::updatedAt);
    }

    /** Embargoed stories, the next to go live first. */
    public DeskList scheduled(DeskFilter filter) {
        return list(DeskHeading.SCHEDULED, "s.state = org.copydesk.story.StoryState.SCHEDULED", "s.scheduledAt asc, s.id asc",
                filter, DeskQueries.LIMIT, DeskStory::scheduledAt);
    }

    /** Live stories published (or updated) since midnight in the newsroom's time zone, the latest first. */
    public DeskList publishedToday(DeskFilter filter) {
        Instant midnight = LocalDate.now(clock.withZone(Newsroom.zone())).atStartOfDay(Newsroom.zone()).toInstant();
        Map<String, Object> params = new HashMap<>();
        params.put("midnight", midnight);
        return list(DeskHeading.PUBLISHED_TODAY, LIVE + " and s.lastPublishedAt >= :midnight", "s.lastPublishedAt desc, s.id desc",
                params, filter, DeskQueries.LIMIT, DeskStory::lastPublishedAt);
    }

    public DeskList recentlyPublished(DeskFilter filter) {
        return list(DeskHeading.RECENTLY_PUBLISHED, LIVE, "s.lastPublishedAt desc, s.id desc", filter, RECENT, DeskStory::lastPublishedAt);
    }

    private DeskList list(DeskHeading heading, String where, String order, DeskFilter filter, int limit,
                          Function<DeskStory, Instant> at) {
        return list(heading, where, order, new HashMap<>(), filter, limit, at);
    }

    /** One more row than shown is read, only to know whether to say the list was cut. */
    private DeskList list(DeskHeading heading, String where, String order, Map<String, Object> params, DeskFilter filter,
                          int limit, Function<DeskStory, Instant> at) {
        String query = DeskQueries.SELECT_STORIES + "where " + where + filter.where("s", params) + " order by " + order;
        List<DeskStory> stories = rows.stories(query, params, limit + 1);
        return DeskList.of(heading, rows.of(stories, at), limit);
    }
}
