package org.copydesk.search;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What bringing the in-memory public order (search.PublicOrder) up to date with one publication costs, at a given
 * number of public stories (ids from 5,000,001, three minutes apart, as bench/seed makes them): each round a new
 * story is published and an older one moved to another time. Prints the time and the memory allocated per round,
 * and the memory the order holds. Then the same for the sets of public stories holding searched words that memory
 * keeps (16 MB of common words' sets, each holding 85% of the stories), a publication holding all of them, with the
 * sets changed whole (as before issue 22) and part by part (search.StorySet). Run by bench/order-cost, in the heap
 * and collector of docker/java-options.
 */
public final class OrderCost {

    private static final long THREE_MINUTES = 180_000_000L;
    private static final long START = 1_600_000_000_000_000L;
    private static Object held;

    public static void main(String[] args) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int stories = Integer.parseInt(args[0]);
        PublicOrder order = made(stories);
        Random random = new Random(1);
        int rounds = 200;
        long[] micros = new long[rounds];
        long[] bytes = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            List<PublicOrder.Change> changes = List.of(
                    new PublicOrder.Change(6_000_001 + round, START + (stories + round + 1L) * THREE_MINUTES),
                    new PublicOrder.Change(5_000_001 + random.nextInt(stories), START + random.nextInt(stories) * THREE_MINUTES));
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            order = order.changed(round + 2, 0, changes);
            micros[round] = (System.nanoTime() - started) / 1000;
            bytes[round] = threads.getCurrentThreadAllocatedBytes() - allocated;
        }
        held = order;
        order = null;
        long with = used();
        held = null;
        long without = used();
        Arrays.sort(micros);
        Arrays.sort(bytes);
        System.out.printf("%d public stories: one publication applied in %.3f ms (median), %.3f ms (max), allocating %.1f kB (median); "
                + "the order holds %.1f MB%n", stories, micros[rounds / 2] / 1000.0, micros[rounds - 1] / 1000.0, bytes[rounds / 2] / 1000.0,
                (with - without) / 1e6);
        wordSets(stories);
    }

    private static void wordSets(int stories) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Random random = new Random(2);
        List<org.roaringbitmap.RoaringBitmap> whole = new java.util.ArrayList<>();
        List<StorySet> parts = new java.util.ArrayList<>();
        long bytes = 0;
        while (bytes < 16L * 1024 * 1024) {
            org.roaringbitmap.RoaringBitmap set = new org.roaringbitmap.RoaringBitmap();
            for (int i = 1; i <= stories; i++) {
                if (random.nextInt(100) < 85) {
                    set.add(5_000_000 + i);
                }
            }
            set.runOptimize();
            bytes += set.getLongSizeInBytes();
            whole.add(set);
            parts.add(StorySet.of(set.clone()));
        }
        int rounds = 20;
        long[] wholeMicros = new long[rounds];
        long[] wholeBytes = new long[rounds];
        long[] partMicros = new long[rounds];
        long[] partBytes = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            org.roaringbitmap.RoaringBitmap published = org.roaringbitmap.RoaringBitmap.bitmapOf(6_000_001 + round);
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            for (int i = 0; i < whole.size(); i++) { // as PublicMatches.apply did
                org.roaringbitmap.RoaringBitmap ids = org.roaringbitmap.RoaringBitmap.andNot(whole.get(i), published);
                ids.or(published);
                ids.runOptimize();
                whole.set(i, ids);
            }
            wholeMicros[round] = (System.nanoTime() - started) / 1000;
            wholeBytes[round] = threads.getCurrentThreadAllocatedBytes() - allocated;
            allocated = threads.getCurrentThreadAllocatedBytes();
            started = System.nanoTime();
            for (int i = 0; i < parts.size(); i++) {
                parts.set(i, parts.get(i).changed(published, published));
            }
            partMicros[round] = (System.nanoTime() - started) / 1000;
            partBytes[round] = threads.getCurrentThreadAllocatedBytes() - allocated;
        }
        Arrays.sort(wholeMicros);
        Arrays.sort(wholeBytes);
        Arrays.sort(partMicros);
        Arrays.sort(partBytes);
        System.out.printf("%d word sets of %.1f MB, a publication holding every word: changed whole %.2f ms and %.1f MB (medians); "
                + "part by part %.2f ms and %.1f MB%n", whole.size(), bytes / 1e6, wholeMicros[rounds / 2] / 1000.0, wholeBytes[rounds / 2] / 1e6,
                partMicros[rounds / 2] / 1000.0, partBytes[rounds / 2] / 1e6);
    }

    private static PublicOrder made(int stories) {
        PublicOrder.Builder builder = PublicOrder.newestFirst(1, 0);
        for (int i = stories; i >= 1; i--) {
            builder.add(5_000_000 + i, START + i * THREE_MINUTES);
        }
        return builder.made();
    }

    private static long used() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }
}
