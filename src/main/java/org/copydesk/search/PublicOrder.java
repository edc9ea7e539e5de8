package org.copydesk.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * The public stories at one public version, as {@link PublicMatches} keeps them: ids newest first (by
 * publication time, then id), and the same stories in order of id with their publication times
 * (microseconds since the epoch) and their places in the first list.
 *
 * @param readAtNanos when they were read (System.nanoTime), for how old what is known is
 */
record PublicOrder(long version, long readAtNanos, int[] newestFirst, int[] byId, long[] microsById, int[] placeById) {

    /** From the public stories' ids and publication times ({id, micros} each). */
    static PublicOrder of(long version, long readAt, List<long[]> stories) {
        List<long[]> newest = new ArrayList<>(stories);
        newest.sort(Comparator.comparingLong((long[] story) -> story[1]).thenComparingLong(story -> story[0]).reversed());
        int[] newestFirst = newest.stream().mapToInt(story -> (int) story[0]).toArray();
        int[] byId = newestFirst.clone();
        Arrays.sort(byId);
        long[] micros = new long[byId.length];
        int[] places = new int[byId.length];
        for (int place = 0; place < newestFirst.length; place++) {
            int at = Arrays.binarySearch(byId, newestFirst[place]);
            micros[at] = newest.get(place)[1];
            places[at] = place;
        }
        return new PublicOrder(version, readAt, newestFirst, byId, micros, places);
    }

    /** A public story's place in {@link #newestFirst}, or -1 for another story. */
    int place(int id) {
        int at = Arrays.binarySearch(byId, id);
        return at < 0 ? -1 : placeById[at];
    }

    /**
     * The newest {@code limit} of the matches: when there are few, each one's publication time is looked up;
     * otherwise the public stories are walked newest first until enough are matches (about limit / share).
     */
    long[] newest(RoaringBitmap matches, int limit) {
        int count = matches.getCardinality();
        if (count <= limit) {
            return matches.stream().asLongStream().toArray();
        }
        // Walking checks about limit / share stories; looking up takes a binary search of the public stories for
        // each match, about five times a check's cost.
        if (5.0 * count < (double) limit * newestFirst.length / count) {
            int[] places = new int[count];
            int found = 0;
            for (IntIterator ids = matches.getIntIterator(); ids.hasNext(); ) {
                int place = place(ids.next());
                if (place >= 0) {
                    places[found++] = place;
                }
            }
            Arrays.sort(places, 0, found);
            return Arrays.stream(places, 0, Math.min(found, limit)).mapToLong(place -> newestFirst[place]).toArray();
        }
        long[] newest = new long[limit];
        int found = 0;
        for (int id : newestFirst) {
            if (matches.contains(id)) {
                newest[found++] = id;
                if (found == limit) {
                    break;
                }
            }
        }
        return found == limit ? newest : Arrays.copyOf(newest, found);
    }
}
