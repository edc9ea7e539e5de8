package org.copydesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * The public order brought up to date change by change is the order made afresh from the same stories: random
 * publications, unpublications, republications at a new time and stories published at the same microsecond,
 * with pieces small enough to be split and merged all the time, and at their real size.
 */
class PublicOrderTest {

    @Test
    void changedStoryByStoryItIsTheOrderMadeAfresh() {
        for (int pieceSize : new int[] {4, 64, PublicOrder.PIECE}) {
            for (long seed = 1; seed <= 2; seed++) {
                followRandomChanges(new Random(seed * 31 + pieceSize), pieceSize, 2000, 300);
            }
        }
    }

    @Test
    void aLargeOrderIsChangedWithoutBeingMadeAgain() {
        Random random = new Random(7);
        Map<Integer, Long> published = new HashMap<>();
        for (int id = 5_000_001; id <= 5_050_000; id++) {
            published.put(id, 1_700_000_000_000_000L + id * 180_000_000L);
        }
        PublicOrder order = PublicOrder.of(1, 0, stories(published));
        int pieces = order.pieceCount();
        for (int version = 2; version < 200; version++) {
            List<PublicOrder.Change> changes = randomChanges(random, published, 5_000_001, 5_050_200, 3);
            order = order.changed(version, 0, changes);
        }
        assertSame(order, PublicOrder.of(199, 0, stories(published)), random);
        assertThat(order.pieceCount()).as("pieces stay about as many as the stories need").isBetween(pieces - 2, pieces + 200);
    }

    @Test
    void aSearchKeepsReadingTheOrderItTookWhileChangesAreApplied() throws InterruptedException {
        Random random = new Random(11);
        Map<Integer, Long> published = new HashMap<>();
        for (int id = 1; id <= 20_000; id++) {
            published.put(id, (long) random.nextInt(50_000));
        }
        AtomicReference<PublicOrder> known = new AtomicReference<>(PublicOrder.of(1, 0, stories(published), 16));
        AtomicReference<AssertionError> failed = new AtomicReference<>();
        Thread searches = new Thread(() -> {
            RoaringBitmap all = RoaringBitmap.bitmapOfRange(1, 20_300);
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    PublicOrder taken = known.get();
                    int[] before = taken.newestFirst();
                    long[] newest = taken.newest(StorySet.of(all), 500);
                    for (int i = 0; i < newest.length; i++) {
                        assertThat(newest[i]).isEqualTo(before[i]);
                    }
                    assertNewestFirst(taken, taken.newestFirst());
                    assertThat(taken.newestFirst()).isEqualTo(before);
                }
            } catch (AssertionError e) {
                failed.set(e);
            }
        });
        searches.start();
        for (int version = 2; version < 2000; version++) {
            known.set(known.get().changed(version, 0, randomChanges(random, published, 1, 20_300, 5)));
        }
        searches.interrupt();
        searches.join();
        assertThat(failed.get()).isNull();
        assertSame(known.get(), PublicOrder.of(1999, 0, stories(published)), random);
    }

    @Test
    void theNewestOfFewMatchesAreLookedUpNewestFirst() {
        Map<Integer, Long> published = new HashMap<>();
        for (int id = 1; id <= 100_000; id++) {
            published.put(id, (long) (id * 7919 % 100_000) / 3); // shuffled, with stories published at once
        }
        PublicOrder order = PublicOrder.of(1, 0, stories(published));
        RoaringBitmap few = new RoaringBitmap();
        Random random = new Random(3);
        for (int i = 0; i < 400; i++) {
            few.add(1 + random.nextInt(100_000));
        }
        few.add(100_500); // not public
        assertThat(order.newest(StorySet.of(few), 100)).containsExactly(walked(order, few, 100));
    }

    @Test
    void theNewestSinceATimeAreTakenOnlyWhenThatManyAreThatNew() {
        Random random = new Random(9);
        Map<Integer, Long> published = new HashMap<>();
        for (int id = 1; id <= 20_000; id++) {
            published.put(id, (long) random.nextInt(5_000)); // many stories published at once
        }
        PublicOrder order = PublicOrder.of(1, 0, stories(published), 64);
        int[] newestFirst = order.newestFirst();
        for (int place = 0; place < newestFirst.length; place += 97) {
            assertThat(order.microsAt(place)).isEqualTo(order.micros(newestFirst[place]));
        }
        assertThat(order.microsAt(newestFirst.length)).isEqualTo(TimesById.NONE);
        for (int round = 0; round < 300; round++) {
            int share = 1 + random.nextInt(round % 2 == 0 ? 5 : 400); // walked, or looked up
            RoaringBitmap matches = new RoaringBitmap();
            for (int id = 1; id <= 20_100; id++) {
                if (random.nextInt(share) == 0) {
                    matches.add(id);
                }
            }
            long since = round % 7 == 0 ? PublicOrder.EVERY_STORY : order.microsAt(random.nextInt(newestFirst.length));
            int limit = 1 + random.nextInt(100);
            long[] newAndMatching = java.util.Arrays.stream(newestFirst).filter(id -> order.micros(id) >= since && matches.contains(id))
                    .asLongStream().toArray();
            long[] expected = since == PublicOrder.EVERY_STORY && newAndMatching.length <= limit
                    ? matches.stream().asLongStream().toArray() // all of them, in order of id
                    : newAndMatching.length >= limit ? java.util.Arrays.copyOf(newAndMatching, limit) : null;
            assertThat(order.newest(StorySet.of(matches), limit, since)).as("round %d", round).isEqualTo(expected);
        }
    }

    private static void followRandomChanges(Random random, int pieceSize, int ids, int rounds) {
        Map<Integer, Long> published = new HashMap<>();
        for (int id = 1; id <= ids / 2; id++) {
            published.put(id, (long) random.nextInt(ids)); // few distinct times: many stories published at once
        }
        PublicOrder order = PublicOrder.of(1, 0, stories(published), pieceSize);
        for (int version = 2; version <= rounds; version++) {
            PublicOrder before = order;
            int[] beforeIds = before.newestFirst();
            order = order.changed(version, 0, randomChanges(random, published, 1, ids, 1 + random.nextInt(version % 50 == 0 ? 400 : 6)));
            assertThat(before.newestFirst()).as("the order changes were applied to is left as it was").isEqualTo(beforeIds);
            assertSame(order, PublicOrder.of(version, 0, stories(published), pieceSize), random);
            assertThat(order.version()).isEqualTo(version);
        }
    }

    /** Up to {@code count} random changes to the stories of ids first to last, applied to {@code published} too. */
    private static List<PublicOrder.Change> randomChanges(Random random, Map<Integer, Long> published, int first, int last, int count) {
        List<PublicOrder.Change> changes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = first + random.nextInt(last - first + 1);
            int kind = random.nextInt(10);
            if (kind < 4 || published.isEmpty()) { // published now (a new story, or moved to a new time)
                long micros = published.isEmpty() || random.nextBoolean() ? random.nextInt(Math.max(1, last)) : published.values().iterator().next();
                published.put(id, micros);
                changes.add(new PublicOrder.Change(id, micros));
            } else if (kind < 7) { // unpublished, or never public
                published.remove(id);
                changes.add(PublicOrder.Change.notPublic(id));
            } else if (published.containsKey(id)) { // changed without moving (a correction)
                changes.add(new PublicOrder.Change(id, published.get(id)));
            }
        }
        return changes;
    }

    private static List<long[]> stories(Map<Integer, Long> published) {
        List<long[]> stories = new ArrayList<>();
        published.forEach((id, micros) -> stories.add(new long[] {id, micros}));
        return stories;
    }

    private static void assertSame(PublicOrder changed, PublicOrder afresh, Random random) {
        int[] order = changed.newestFirst();
        int[] expected = afresh.newestFirst();
        int differs = java.util.Arrays.mismatch(order, expected);
        assertThat(differs).as("first place where the order changed story by story differs from the order made afresh (%d and %d stories)",
                order.length, expected.length).isEqualTo(-1);
        assertThat(changed.size()).isEqualTo(order.length);
        assertNewestFirst(changed, order);
        long[] times = java.util.Arrays.stream(order).mapToLong(changed::micros).toArray();
        assertThat(times).isEqualTo(java.util.Arrays.stream(order).mapToLong(afresh::micros).toArray());
        // The newest matches, however many or few: the same as from the order made afresh, and as a walk finds them.
        int span = order.length == 0 ? 1 : order[random.nextInt(order.length)] + 100;
        for (int share : new int[] {1, 3, 30, 300}) {
            RoaringBitmap matches = new RoaringBitmap();
            for (int id = 1; id <= span; id++) {
                if (random.nextInt(share) == 0) {
                    matches.add(id);
                }
            }
            if (matches.getCardinality() > 10) {
                assertThat(changed.newest(StorySet.of(matches), 10)).isEqualTo(afresh.newest(StorySet.of(matches), 10)).isEqualTo(walked(afresh, matches, 10));
            }
        }
    }

    private static void assertNewestFirst(PublicOrder order, int[] ids) {
        for (int i = 1; i < ids.length; i++) {
            long newer = order.micros(ids[i - 1]);
            long older = order.micros(ids[i]);
            if (!(newer > older || newer == older && ids[i - 1] > ids[i])) {
                throw new AssertionError("story " + ids[i - 1] + " before " + ids[i]);
            }
        }
    }

    private static long[] walked(PublicOrder order, RoaringBitmap matches, int limit) {
        return java.util.Arrays.stream(order.newestFirst()).filter(matches::contains).limit(limit).asLongStream().toArray();
    }
}
