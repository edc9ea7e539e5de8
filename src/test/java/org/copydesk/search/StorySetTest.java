package org.copydesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** A set of stories changed part by part holds what the same set changed whole holds, and shares what it did not touch. */
class StorySetTest {

    @Test
    void changedPartByPartItHoldsWhatTheWholeSetWould() {
        Random random = new Random(5);
        RoaringBitmap whole = new RoaringBitmap();
        for (int i = 0; i < 50_000; i++) {
            whole.add(random.nextInt(600_000));
        }
        StorySet set = StorySet.of(whole.clone());
        for (int round = 0; round < 300; round++) {
            RoaringBitmap removed = new RoaringBitmap();
            RoaringBitmap added = new RoaringBitmap();
            for (int i = random.nextInt(4); i >= 0; i--) {
                int id = random.nextInt(700_000);
                removed.add(id); // every changed story is removed, and added back when it is public and holds the word
                if (random.nextBoolean()) {
                    added.add(id);
                }
            }
            StorySet before = set;
            set = set.changed(removed, added);
            whole.andNot(removed);
            whole.or(added);
            assertThat(set.toBitmap()).isEqualTo(whole);
            assertThat(set.cardinality()).isEqualTo(whole.getCardinality());
            assertThat(set.partsSharedWith(before)).as("parts touched are copied, the others shared")
                    .isGreaterThanOrEqualTo(10 - RoaringBitmap.or(removed, added).stream().map(id -> id >>> StorySet.PART_BITS).distinct().toArray().length);
            int probe = random.nextInt(700_000);
            assertThat(set.contains(probe)).isEqualTo(whole.contains(probe));
        }
    }

    @Test
    void aChangeThatChangesNothingLeavesTheSetAsItWas() {
        StorySet set = StorySet.of(1, 70_000, 140_000);
        assertThat(set.changed(RoaringBitmap.bitmapOf(5, 70_000), RoaringBitmap.bitmapOf(70_000))).isSameAs(set);
        assertThat(set.changed(new RoaringBitmap(), new RoaringBitmap())).isSameAs(set);
        StorySet fewer = set.changed(RoaringBitmap.bitmapOf(70_000), new RoaringBitmap());
        assertThat(fewer.toBitmap()).isEqualTo(RoaringBitmap.bitmapOf(1, 140_000));
        assertThat(fewer.partsSharedWith(set)).isEqualTo(2);
        assertThat(set.and(StorySet.of(70_000, 140_000, 200_000)).toBitmap()).isEqualTo(RoaringBitmap.bitmapOf(70_000, 140_000));
    }
}
