package org.copydesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a readers' search finds its candidates, from the share of stories its words are in. */
class CandidatePlanTest {

    @Test
    void wordsInMostStoriesAreFoundByWalkingTheNewest() {
        assertThat(CandidatePlan.choose(72_000, 100_000, 92_000)).isEqualTo(CandidatePlan.WALK);
    }

    @Test
    void wordsInSomeStoriesAreFoundInAWindowOfTheNewestThatShouldHoldTwiceEnough() {
        // 2% match: 100 candidates expected among the newest 5,000; the window spans 10,000.
        CandidatePlan plan = CandidatePlan.choose(2_000, 100_000, 92_000);
        assertThat(plan.way()).isEqualTo(CandidatePlan.Way.WINDOW);
        assertThat(plan.newest()).isEqualTo(10_000);
    }

    @Test
    void aWindowTooSmallIsWidenedUntilItIsTheWholeArchive() {
        CandidatePlan plan = CandidatePlan.choose(2_000, 100_000, 92_000);
        assertThat(plan.widened(92_000)).isEqualTo(new CandidatePlan(CandidatePlan.Way.WINDOW, 40_000));
        assertThat(plan.widened(92_000).widened(92_000)).isEqualTo(CandidatePlan.INDEX);
    }

    @Test
    void rareWordsAreFoundThroughTheTextIndex() {
        assertThat(CandidatePlan.choose(50, 100_000, 92_000)).isEqualTo(CandidatePlan.INDEX);
        assertThat(CandidatePlan.choose(0, 100_000, 92_000)).isEqualTo(CandidatePlan.INDEX);
    }

    @Test
    void withoutTheLadderTheCheaperOfWalkAndIndexIsChosen() {
        assertThat(CandidatePlan.choose(20_000, 100_000, -1)).isEqualTo(CandidatePlan.WALK);
        assertThat(CandidatePlan.choose(2_000, 100_000, -1)).isEqualTo(CandidatePlan.INDEX);
    }

    @Test
    void theLadderTurnsANumberOfNewestStoriesIntoAPublicationTime() {
        PublicationLadder.Rungs rungs = new PublicationLadder.Rungs(new long[] {100, 150, 225}, new long[] {900, 800, 700}, 300, 300, 0);
        assertThat(rungs.publishedSinceMicros(1)).hasValue(900);
        assertThat(rungs.publishedSinceMicros(120)).hasValue(800);
        assertThat(rungs.publishedSinceMicros(225)).hasValue(700);
        assertThat(rungs.publishedSinceMicros(226)).isEmpty();
    }
}
