package org.copydesk.search;

import java.util.Arrays;
import java.util.function.IntConsumer;

import org.roaringbitmap.RoaringBitmap;

/**
 * A set of story ids, never changed once made, kept in parts of 65,536 ids (one compressed set each, as
 * RoaringBitmap keeps them inside): a change copies only the parts it touches and shares the others with the
 * set it was made from. Made whole, a common word's set at 1,000,000 stories was copied (about 128 kB) each time
 * a story holding the word was published, for every word held in memory.
 */
final class StorySet {

    static final int PART_BITS = 16;
    static final StorySet EMPTY = new StorySet(new RoaringBitmap[0], 0);
    /** What a part costs besides its ids (the set's objects and arrays). */
    static final long PART_OVERHEAD_BYTES = 100;

    /** By id >>> PART_BITS; null where the set holds none of the part's ids. */
    private final RoaringBitmap[] parts;
    private final int cardinality;

    private StorySet(RoaringBitmap[] parts, int cardinality) {
        this.parts = parts;
        this.cardinality = cardinality;
    }

    /** The ids of a set made here; the set is not used afterwards. */
    static StorySet of(RoaringBitmap ids) {
        if (ids.isEmpty()) {
            return EMPTY;
        }
        RoaringBitmap[] parts = new RoaringBitmap[(ids.last() >>> PART_BITS) + 1];
        ids.forEach((int id) -> {
            int part = id >>> PART_BITS;
            if (parts[part] == null) {
                parts[part] = new RoaringBitmap();
            }
            parts[part].add(id);
        });
        for (RoaringBitmap part : parts) {
            if (part != null) {
                part.runOptimize();
            }
        }
        return new StorySet(parts, ids.getCardinality());
    }

    static StorySet of(int... ids) {
        return of(RoaringBitmap.bitmapOf(ids));
    }

    int cardinality() {
        return cardinality;
    }

    boolean contains(int id) {
        int part = id >>> PART_BITS;
        return part < parts.length && parts[part] != null && parts[part].contains(id);
    }

    /** Each id, in increasing order. */
    void forEach(IntConsumer action) {
        for (RoaringBitmap part : parts) {
            if (part != null) {
                part.forEach((int id) -> action.accept(id));
            }
        }
    }

    /** The ids in both sets. */
    StorySet and(StorySet other) {
        RoaringBitmap[] both = new RoaringBitmap[Math.min(parts.length, other.parts.length)];
        int count = 0;
        for (int part = 0; part < both.length; part++) {
            if (parts[part] != null && other.parts[part] != null) {
                RoaringBitmap common = RoaringBitmap.and(parts[part], other.parts[part]);
                if (!common.isEmpty()) {
                    both[part] = common;
                    count += common.getCardinality();
                }
            }
        }
        return new StorySet(both, count);
    }

    /**
     * This set without the removed ids and with the added ones: the same set when nothing changes, otherwise
     * a set sharing every part neither touches.
     */
    StorySet changed(RoaringBitmap removed, RoaringBitmap added) {
        RoaringBitmap touched = RoaringBitmap.or(removed, added);
        if (touched.isEmpty()) {
            return this;
        }
        RoaringBitmap[] changed = null;
        int count = cardinality;
        for (int part = touched.first() >>> PART_BITS; part <= touched.last() >>> PART_BITS; part++) {
            long from = (long) part << PART_BITS;
            RoaringBitmap range = RoaringBitmap.bitmapOfRange(from, from + (1L << PART_BITS));
            RoaringBitmap adds = RoaringBitmap.and(added, range);
            RoaringBitmap removes = RoaringBitmap.andNot(RoaringBitmap.and(removed, range), adds);
            RoaringBitmap was = part < parts.length ? parts[part] : null;
            boolean removesHeld = was != null && RoaringBitmap.intersects(was, removes);
            boolean addsNew = !adds.isEmpty() && (was == null || !RoaringBitmap.andNot(adds, was).isEmpty());
            if (!removesHeld && !addsNew) {
                continue; // left shared
            }
            RoaringBitmap now = was == null ? new RoaringBitmap() : was.clone();
            now.andNot(removes);
            now.or(adds);
            now.runOptimize();
            if (changed == null) {
                changed = Arrays.copyOf(parts, Math.max(parts.length, (touched.last() >>> PART_BITS) + 1));
            }
            changed[part] = now.isEmpty() ? null : now;
            count += now.getCardinality() - (was == null ? 0 : was.getCardinality());
        }
        return changed == null ? this : new StorySet(changed, count);
    }

    /** Bytes taken, about. */
    long bytes() {
        long bytes = 16L + 4L * parts.length;
        for (RoaringBitmap part : parts) {
            if (part != null) {
                bytes += PART_OVERHEAD_BYTES + part.getLongSizeInBytes();
            }
        }
        return bytes;
    }

    /** How many parts this set holds that are the very parts of the other (tests). */
    int partsSharedWith(StorySet other) {
        int shared = 0;
        for (int part = 0; part < Math.min(parts.length, other.parts.length); part++) {
            shared += parts[part] != null && parts[part] == other.parts[part] ? 1 : 0;
        }
        return shared;
    }

    /** The ids as one bitmap (tests). */
    RoaringBitmap toBitmap() {
        RoaringBitmap all = new RoaringBitmap();
        forEach(all::add);
        return all;
    }
}
