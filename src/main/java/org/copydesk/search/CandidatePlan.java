package org.copydesk.search;

/**
 * How a readers' search finds its candidates, the newest {@link StorySearch#CANDIDATES} public stories that
 * match, at a cost that does not grow with the archive. Three ways, chosen from PostgreSQL's estimate of
 * the share of stories that match:
 * <ul>
 * <li><b>walk</b> the newest stories until enough match: about CANDIDATES / share rows, each checked
 * against its stored words (cheap only when most stories match);</li>
 * <li><b>window</b>: the text index and the publication-time index together, over the newest stories
 * that should hold enough matches (a bit more than CANDIDATES / share of them): the words are checked
 * in the index, and only the matches in the window are read. When the window turns out to hold too
 * few (the estimate was high, or filters leave fewer), it is widened and the search run again;</li>
 * <li><b>index</b>: every match through the text index alone, when the window would be most of the archive
 * (rare words).</li>
 * </ul>
 * At 100,000 stories, choosing the cheaper of walk and index took 1.9 ms on average and 4.0 ms at the
 * 90th percentile for the candidates of bench/run's queries; with the window, 1.7 and 3.0 ms
 * (docs/performance.md).
 *
 * @param way how the candidates are found
 * @param newest for a window, how many of the newest public stories it spans
 */
record CandidatePlan(Way way, long newest) {

    enum Way { WALK, WINDOW, INDEX }

    /** Walking is chosen while it means checking at most this many stories' words (about 2 ms). */
    static final double WALK_MAX_ROWS = 400;
    /** A window spans this many times the stories expected to hold the candidates (estimates are rough). */
    static final double WINDOW_MARGIN = 2;
    /**
     * Checking one story's words while walking costs about this many times reading a match through the text
     * index (measured at 100,000 stories: 4.5 µs a row walked, 1.8 µs a match through the index).
     */
    static final double WALK_COST_RATIO = 2.5;
    /** A window too small is made this many times wider. */
    static final long WIDEN = 4;

    static final CandidatePlan WALK = new CandidatePlan(Way.WALK, 0);
    static final CandidatePlan INDEX = new CandidatePlan(Way.INDEX, 0);

    /**
     * @param estimatedMatches PostgreSQL's estimate of the stories matching the words (any state)
     * @param stories the number of stories (any state)
     * @param publicStories the number of public stories windows are counted in, or -1 when not known yet
     *                      ({@link PublicationLadder}): then the cheaper of walk and index
     */
    static CandidatePlan choose(double estimatedMatches, double stories, long publicStories) {
        double share = Math.min(1, estimatedMatches / Math.max(1, stories));
        if (share <= 0) {
            return INDEX;
        }
        double walkRows = StorySearch.CANDIDATES / share;
        if (walkRows <= WALK_MAX_ROWS) {
            return WALK;
        }
        if (publicStories < 0) {
            return WALK_COST_RATIO * walkRows < share * stories ? WALK : INDEX;
        }
        return window((long) Math.ceil(WINDOW_MARGIN * walkRows), publicStories);
    }

    private static CandidatePlan window(long newest, long publicStories) {
        return newest >= publicStories ? INDEX : new CandidatePlan(Way.WINDOW, newest);
    }

    /** The plan to try when this one's window held fewer than the candidates wanted. */
    CandidatePlan widened(long publicStories) {
        return window(newest * WIDEN, publicStories);
    }
}
