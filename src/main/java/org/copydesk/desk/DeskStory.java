package org.copydesk.desk;

import java.time.Instant;

import org.copydesk.story.StoryState;

/**
 * A story as a desk row shows it, read as these columns only: a list of 50 whole stories would read 50 bodies (a
 * story may be a megabyte) to show 50 headlines.
 */
public record DeskStory(long id, String headline, StoryState state, boolean pendingUpdate, String section,
                        String publicPath, String writer, Instant updatedAt, Instant scheduledAt, Instant lastPublishedAt) {

    /**
     * The columns, in the order {@link #of} reads them, of the story {@code s} joined to its section {@code sec}. The
     * writer's name is a subquery, run only for the rows returned: joined, it would be read for every row a filtered
     * list walks past, and "created by" would be tested on the joined row rather than on the story's own column.
     */
    static final String COLUMNS = "s.id, s.headline, s.state, s.updateOf.id, sec.name, s.publicPath, "
            + "(select cb.displayName from StaffAccount cb where cb.id = s.createdBy.id), "
            + "s.updatedAt, s.scheduledAt, s.lastPublishedAt";

    /** What {@link #COLUMNS} needs joined to the story {@code s}. */
    static final String JOINS = " join s.section sec ";

    static DeskStory of(Object[] row) {
        return new DeskStory((Long) row[0], (String) row[1], (StoryState) row[2], row[3] != null, (String) row[4],
                (String) row[5], (String) row[6], (Instant) row[7], (Instant) row[8], (Instant) row[9]);
    }

    /** Live, with a public page to link to (a pending update has none of its own). */
    public boolean published() {
        return state == StoryState.PUBLISHED && !pendingUpdate && publicPath != null;
    }
}
