package org.copydesk.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;


/**
 * The public stories at one public version, as {@link PublicMatches} keeps them: ids newest first (by
 * publication time, then id), and each one's publication time (microseconds since the epoch) by id.
 * <p>
 * Never changed once made, so a search reads it without a lock while a public change is applied. A change
 * makes a new order that shares all but what it touches: the stories are kept in pieces of at most
 * {@link #PIECE} ids, and the times in pages of {@link TimesById#PAGE} ids, so moving a story copies one or
 * two pieces and one page and the short arrays that list them (about 20 kB at 1,000,000 stories), not the
 * whole order (about 40 MB of garbage and a sort of every story when it was made afresh on each change).
 */
final class PublicOrder {

    /** For {@link #newest(StorySet, int, long)}: the matches are known among every public story. */
    static final long EVERY_STORY = Long.MIN_VALUE;

    /** Ids in a piece, at most; a piece that grows past it is split in two, one that shrinks below a quarter of it is merged. */
    static final int PIECE = 1024;

    /** One public story's change: its publication time when public now, or {@link TimesById#NONE} when not. */
    record Change(int id, long micros) {
        static Change notPublic(int id) {
            return new Change(id, TimesById.NONE);
        }
    }

    private final long version;
    private final long readAtNanos;
    private final int pieceSize;
    /** Newest first: each piece's ids newest first, each piece newer than the next; none empty. */
    private final int[][] pieces;
    private final int size;
    private final TimesById times;

    private PublicOrder(long version, long readAtNanos, int pieceSize, int[][] pieces, int size, TimesById times) {
        this.version = version;
        this.readAtNanos = readAtNanos;
        this.pieceSize = pieceSize;
        this.pieces = pieces;
        this.size = size;
        this.times = times;
    }

    long version() {
        return version;
    }

    /** When what is known was read afresh (System.nanoTime), for how old the change log may be. */
    long readAtNanos() {
        return readAtNanos;
    }

    /** How many public stories there are. */
    int size() {
        return size;
    }

    /** A public story's publication time, or {@link TimesById#NONE} for another story. */
    long micros(int id) {
        return times.get(id);
    }

    /** The ids, newest first (tests; a copy). */
    int[] newestFirst() {
        int[] all = new int[size];
        int at = 0;
        for (int[] piece : pieces) {
            System.arraycopy(piece, 0, all, at, piece.length);
            at += piece.length;
        }
        return all;
    }

    /** How many pieces the stories are kept in (tests). */
    int pieceCount() {
        return pieces.length;
    }

    /** An order made from stories given newest first, as the database reads them ({@link #add}, then {@link #made}). */
    static Builder newestFirst(long version, long readAt) {
        return new Builder(version, readAt, PIECE);
    }

    static Builder newestFirst(long version, long readAt, int pieceSize) {
        return new Builder(version, readAt, pieceSize);
    }

    /** From the public stories' ids and publication times ({id, micros} each, in any order): tests and small sets. */
    static PublicOrder of(long version, long readAt, List<long[]> stories) {
        return of(version, readAt, stories, PIECE);
    }

    static PublicOrder of(long version, long readAt, List<long[]> stories, int pieceSize) {
        List<long[]> newest = new ArrayList<>(stories);
        newest.sort(Comparator.comparingLong((long[] story) -> story[1]).thenComparingLong(story -> story[0]).reversed());
        Builder builder = newestFirst(version, readAt, pieceSize);
        newest.forEach(story -> builder.add((int) story[0], story[1]));
        return builder.made();
    }

    /** Adds stories newest first, in pieces filled whole. */
    static final class Builder {
        private final long version;
        private final long readAt;
        private final int pieceSize;
        private final List<int[]> pieces = new ArrayList<>();
        private final TimesById.Editor times = TimesById.EMPTY.edit();
        private int[] piece;
        private int filled;
        private int size;
        private int lastId;
        private long lastMicros;

        private Builder(long version, long readAt, int pieceSize) {
            if (pieceSize < 4) {
                throw new IllegalArgumentException("A piece holds 4 stories or more");
            }
            this.version = version;
            this.readAt = readAt;
            this.pieceSize = pieceSize;
        }

        /** The next story, older than the one before; an id given twice or out of order is refused. */
        Builder add(int id, long micros) {
            if (micros == TimesById.NONE || size > 0 && !newer(lastMicros, lastId, micros, id) || times.get(id) != TimesById.NONE) {
                throw new IllegalStateException("Public stories not newest first, or given twice: story " + id);
            }
            if (piece == null || filled == pieceSize) {
                finishPiece();
                piece = new int[pieceSize];
            }
            piece[filled++] = id;
            times.set(id, micros);
            lastId = id;
            lastMicros = micros;
            size++;
            return this;
        }

        private void finishPiece() {
            if (piece != null && filled > 0) {
                pieces.add(filled == piece.length ? piece : Arrays.copyOf(piece, filled));
            }
            piece = null;
            filled = 0;
        }

        PublicOrder made() {
            finishPiece();
            return new PublicOrder(version, readAt, pieceSize, pieces.toArray(new int[0][]), size, times.made());
        }
    }

    /**
     * This order with the changes applied, at a new version: each changed story taken out of its place and,
     * when public, put in its new one. This order is left as it was (searches may be reading it).
     */
    PublicOrder changed(long newVersion, long readAt, List<Change> changes) {
        List<int[]> edited = new ArrayList<>(Arrays.asList(pieces));
        TimesById.Editor editedTimes = times.edit();
        int editedSize = size;
        for (Change change : changes) {
            long was = editedTimes.get(change.id());
            if (was != TimesById.NONE) {
                remove(edited, editedTimes, change.id(), was);
                editedSize--;
            }
            editedTimes.set(change.id(), change.micros());
            if (change.micros() != TimesById.NONE) {
                insert(edited, editedTimes, change.id(), change.micros());
                editedSize++;
            }
        }
        return new PublicOrder(newVersion, readAt, pieceSize, edited.toArray(new int[0][]), editedSize, editedTimes.made());
    }

    /** Whether story a (published at microsA) comes before story b in the order: published later, or at once with a larger id. */
    private static boolean newer(long microsA, int idA, long microsB, int idB) {
        return microsA > microsB || microsA == microsB && idA > idB;
    }

    /** The first piece whose oldest story is not newer than the given one (where it is, or belongs), or the count of pieces. */
    private static int pieceFor(List<int[]> pieces, TimesById.Editor times, int id, long micros) {
        int low = 0;
        int high = pieces.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            int[] piece = pieces.get(middle);
            int oldest = piece[piece.length - 1];
            if (newer(times.get(oldest), oldest, micros, id)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The first place in the piece whose story is not newer than the given one. */
    private static int placeIn(int[] piece, TimesById.Editor times, int id, long micros) {
        int low = 0;
        int high = piece.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (newer(times.get(piece[middle]), piece[middle], micros, id)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private void remove(List<int[]> edited, TimesById.Editor times, int id, long micros) {
        int at = pieceFor(edited, times, id, micros);
        int[] piece = at < edited.size() ? edited.get(at) : null;
        int place = piece == null ? -1 : placeIn(piece, times, id, micros);
        if (piece == null || place >= piece.length || piece[place] != id) {
            throw new IllegalStateException("Story " + id + " is not where its publication time puts it");
        }
        int[] shorter = new int[piece.length - 1];
        System.arraycopy(piece, 0, shorter, 0, place);
        System.arraycopy(piece, place + 1, shorter, place, shorter.length - place);
        if (shorter.length == 0) {
            edited.remove(at);
            return;
        }
        if (shorter.length >= pieceSize / 4 || edited.size() == 1) {
            edited.set(at, shorter);
            return;
        }
        // Too small: merged with a neighbour (split again evenly when that makes one too large), so that the
        // pieces stay few however many stories leave.
        int with = at + 1 < edited.size() ? at + 1 : at - 1;
        int first = Math.min(at, with);
        int[] newer = first == at ? shorter : edited.get(first);
        int[] older = first == at ? edited.get(with) : shorter;
        int[] merged = Arrays.copyOf(newer, newer.length + older.length);
        System.arraycopy(older, 0, merged, newer.length, older.length);
        edited.remove(first + 1);
        edited.remove(first);
        edited.addAll(first, split(merged));
    }

    private void insert(List<int[]> edited, TimesById.Editor times, int id, long micros) {
        if (edited.isEmpty()) {
            edited.add(new int[] {id});
            return;
        }
        int at = Math.min(pieceFor(edited, times, id, micros), edited.size() - 1); // the oldest yet: the last piece's end
        int[] piece = edited.get(at);
        int place = placeIn(piece, times, id, micros);
        int[] longer = new int[piece.length + 1];
        System.arraycopy(piece, 0, longer, 0, place);
        longer[place] = id;
        System.arraycopy(piece, place, longer, place + 1, piece.length - place);
        edited.remove(at);
        edited.addAll(at, split(longer));
    }

    /** The ids as one piece, or two halves when more than a piece holds. */
    private List<int[]> split(int[] ids) {
        if (ids.length <= pieceSize) {
            return List.of(ids);
        }
        int half = ids.length / 2;
        return List.of(Arrays.copyOfRange(ids, 0, half), Arrays.copyOfRange(ids, half, ids.length));
    }

    /**
     * The newest {@code limit} of the matches, newest first (in order of id when all of them are taken): when there
     * are few, each one's publication time is looked up; otherwise the public stories are walked newest first until
     * enough are matches (about limit / share).
     */
    long[] newest(StorySet matches, int limit) {
        return newest(matches, limit, EVERY_STORY);
    }

    /**
     * The newest {@code limit} of the matches published at or after a time, newest first; or null when fewer than
     * {@code limit} of them are that new (the matches are known only that far: older ones might be missing).
     * {@link #EVERY_STORY} for matches known throughout: then any number of them, as {@link #newest(StorySet, int)}.
     */
    long[] newest(StorySet matches, int limit, long sinceMicros) {
        boolean throughout = sinceMicros == EVERY_STORY;
        int count = matches.cardinality();
        if (count <= limit && throughout) {
            long[] all = new long[count];
            int[] at = {0};
            matches.forEach(id -> all[at[0]++] = id);
            return all;
        }
        if (count < limit) {
            return null;
        }
        // Walking checks about limit / share stories; looking up takes two array reads for each match and keeping
        // the newest, about five times a check's cost.
        if (5.0 * count < (double) limit * size / count) {
            Newest newest = new Newest(limit, sinceMicros);
            matches.forEach(newest::offer);
            return throughout || newest.kept == limit ? newest.newestFirst() : null;
        }
        long[] newest = new long[limit];
        int found = 0;
        for (int[] piece : pieces) {
            boolean wholePieceIn = throughout || times.get(piece[piece.length - 1]) >= sinceMicros;
            for (int id : piece) {
                if (!wholePieceIn && times.get(id) < sinceMicros) {
                    return null; // every story from here on is older
                }
                if (matches.contains(id)) {
                    newest[found++] = id;
                    if (found == limit) {
                        return newest;
                    }
                }
            }
        }
        return throughout ? Arrays.copyOf(newest, found) : null;
    }

    /** The publication time of the story at a place newest first (0: the newest), or {@link TimesById#NONE} past the last. */
    long microsAt(int place) {
        if (place < 0 || place >= size) {
            return TimesById.NONE;
        }
        for (int[] piece : pieces) {
            if (place < piece.length) {
                return times.get(piece[place]);
            }
            place -= piece.length;
        }
        return TimesById.NONE;
    }

    /** The newest stories offered, at most a limit, by their publication times: a heap whose root is the oldest kept. */
    private final class Newest {
        private final int[] ids;
        private final long[] micros;
        private final long sinceMicros;
        private int kept;

        Newest(int limit, long sinceMicros) {
            ids = new int[limit];
            micros = new long[limit];
            this.sinceMicros = sinceMicros;
        }

        void offer(int id) {
            long time = times.get(id);
            if (time == TimesById.NONE || time < sinceMicros) {
                return;
            }
            if (kept < ids.length) {
                ids[kept] = id;
                micros[kept] = time;
                siftUp(ids, micros, kept++);
            } else if (newer(time, id, micros[0], ids[0])) {
                ids[0] = id;
                micros[0] = time;
                siftDown(ids, micros, 0, kept);
            }
        }

        long[] newestFirst() {
            long[] newest = new long[kept];
            for (int place = kept - 1; place >= 0; place--) { // the oldest kept comes off the heap first
                newest[place] = ids[0];
                ids[0] = ids[place];
                micros[0] = micros[place];
                siftDown(ids, micros, 0, place);
            }
            return newest;
        }
    }

    private static void siftUp(int[] ids, long[] micros, int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!newer(micros[parent], ids[parent], micros[at], ids[at])) {
                return;
            }
            swap(ids, micros, at, parent);
            at = parent;
        }
    }

    private static void siftDown(int[] ids, long[] micros, int at, int count) {
        while (true) {
            int oldest = at;
            for (int child = 2 * at + 1; child <= 2 * at + 2 && child < count; child++) {
                if (newer(micros[oldest], ids[oldest], micros[child], ids[child])) {
                    oldest = child;
                }
            }
            if (oldest == at) {
                return;
            }
            swap(ids, micros, at, oldest);
            at = oldest;
        }
    }

    private static void swap(int[] ids, long[] micros, int a, int b) {
        int id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
        long time = micros[a];
        micros[a] = micros[b];
        micros[b] = time;
    }
}
