package org.copydesk.revision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;

/**
 * Differences between two versions of a story's fields, as segments a template shows side by side: the
 * old text with deletions marked, the new with insertions marked.
 *
 * <p>One instance is one comparison, with a budget of work. Myers' algorithm (java-diff-utils, in its
 * linear-space form) costs about (N + M) × D token comparisons for N and M tokens and D differences: on
 * the words of two long, much-changed bodies that is billions (minutes on a core at 300 KB, and the
 * quadratic-space form ran out of memory at 900 KB). So texts are first matched paragraph by paragraph
 * (same paragraphs line up, as in a line diff); only the paragraphs that differ are compared word by word,
 * pair by pair where as many paragraphs stand on each side. Every token comparison is counted against the
 * budget (and a time limit, should the machine be slow); a changed stretch that would go beyond it, or
 * holds too many words to be compared at all, is shown whole, deleted on the left and inserted on the
 * right: a paragraph-level comparison, which the page then says it is. Long runs of unchanged paragraphs
 * are left out but for one paragraph either side of a change, so the page grows with the changes, not
 * with the story.
 */
public final class WordDiff {

    /** Token comparisons one comparison of two revisions may make: a few tenths of a second of work. */
    public static final long STANDARD_COMPARISONS = 20_000_000L;
    /** Tokens (words and the spaces between them, both sides) of one changed stretch compared word by word. */
    public static final int STANDARD_STRETCH_TOKENS = 120_000;
    /** Wall-clock limit, for a machine much slower or busier than expected. */
    public static final long STANDARD_MILLIS = 1_000;
    /** Unchanged paragraphs shown before and after a change; longer runs of them are left out. */
    static final int CONTEXT_PARAGRAPHS = 1;
    /** Fewer unchanged paragraphs than this are shown rather than left out. */
    static final int MIN_LEFT_OUT = 3;
    /** Paragraphs a field may have to be lined up one by one (a long story has a few thousand). */
    static final int MAX_PARAGRAPHS = 20_000;
    /** Separate changed stretches listed one by one; beyond, the paragraphs from the first change to the last are one. */
    static final int MAX_CHANGED_STRETCHES = 1_000;
    /** Segments a column holds; beyond, changes are shown whole (a page the size of the texts, no more). */
    static final int MAX_SEGMENTS = 20_000;

    private static final String PARAGRAPH_BREAK = "\n\n";

    /** A run of text that is the same in both, only in the old, only in the new, or left out as unchanged. */
    public record Segment(String text, Kind kind) {
        public boolean deleted() {
            return kind == Kind.DELETED;
        }

        public boolean inserted() {
            return kind == Kind.INSERTED;
        }

        public boolean elided() {
            return kind == Kind.ELIDED;
        }
    }

    public enum Kind { SAME, DELETED, INSERTED, ELIDED }

    /**
     * One field compared. {@code paragraphsOnly}: some changed paragraphs were too much to compare word by
     * word within the budget and are shown whole.
     */
    public record FieldDiff(String label, List<Segment> before, List<Segment> after, boolean changed,
                            boolean paragraphsOnly) {
    }

    private final long maxComparisons;
    private final int maxStretchTokens;
    private final long deadline;
    private long comparisons;
    private long tokensCompared;
    private boolean fellBack;

    /** A comparison with the standard budget. */
    public WordDiff() {
        this(STANDARD_COMPARISONS, STANDARD_STRETCH_TOKENS, STANDARD_MILLIS);
    }

    public WordDiff(long maxComparisons, int maxStretchTokens, long maxMillis) {
        this.maxComparisons = maxComparisons;
        this.maxStretchTokens = maxStretchTokens;
        this.deadline = System.nanoTime() + maxMillis * 1_000_000L;
    }

    /** The fields of two revisions, compared. */
    public static List<FieldDiff> compare(RevisionContent before, RevisionContent after) {
        return new WordDiff().fields(before, after);
    }

    public List<FieldDiff> fields(RevisionContent before, RevisionContent after) {
        return List.of(
                field("Kicker", before.kicker(), after.kicker()),
                field("Headline", before.headline(), after.headline()),
                field("Standfirst", before.standfirst(), after.standfirst()),
                field("Body", before.bodyText(), after.bodyText()),
                field("Dateline", before.datelinePlace(), after.datelinePlace()),
                field("Dateline date", before.datelineDate(), after.datelineDate()),
                field("Section", before.sectionName(), after.sectionName()),
                field("Language", languageOf(before), languageOf(after)),
                field("Tags", before.tags(), after.tags()),
                field("Slug", before.slug(), after.slug()),
                field("Bylines", before.bylinesText(), after.bylinesText()),
                field("Credit line", before.creditLine(), after.creditLine()),
                field("Featured image", before.imageText(), after.imageText()),
                field("Related stories", before.relatedText(), after.relatedText()),
                field("Notes to editor", before.notesToEditor(), after.notesToEditor()));
    }

    private static String languageOf(RevisionContent content) {
        return content.language() == null ? "en" : content.language();
    }

    /** Token comparisons made so far. */
    public long comparisons() {
        return comparisons;
    }

    /** Tokens (both sides) given to the word-by-word comparison so far. */
    public long tokensCompared() {
        return tokensCompared;
    }

    /** Whether some changed paragraphs were shown whole rather than word by word. */
    public boolean fellBack() {
        return fellBack;
    }

    /** One field: paragraphs (separated by a blank line) matched first, then the words of those that differ. */
    public FieldDiff field(String label, String before, String after) {
        Column left = new Column();
        Column right = new Column();
        if (countParagraphs(before) > MAX_PARAGRAPHS || countParagraphs(after) > MAX_PARAGRAPHS) {
            return tooManyParagraphs(label, before == null ? "" : before, after == null ? "" : after, left, right);
        }
        List<String> a = paragraphs(before);
        List<String> b = paragraphs(after);
        boolean changed = false;
        boolean coarse = false;
        List<Stretch> stretches = align(a, b);
        for (int s = 0; s < stretches.size(); s++) {
            Stretch stretch = stretches.get(s);
            List<String> old = a.subList(stretch.fromA, stretch.toA);
            if (stretch.same()) {
                unchanged(left, right, old, s > 0, s < stretches.size() - 1);
            } else {
                changed = true;
                coarse |= !changedStretch(left, right, old, b.subList(stretch.fromB, stretch.toB));
            }
        }
        fellBack |= coarse;
        return new FieldDiff(label, left.segments(), right.segments(), changed, coarse);
    }

    /**
     * A text cut into more paragraphs than a story has (each would be an object to line up): equal, or shown
     * whole on each side.
     */
    private FieldDiff tooManyParagraphs(String label, String before, String after, Column left, Column right) {
        if (before.equals(after)) {
            String first = before.substring(0, before.indexOf(PARAGRAPH_BREAK));
            String note = "[" + (countParagraphs(before) - 1) + " unchanged paragraphs]";
            for (Column column : List.of(left, right)) {
                column.paragraph(first, Kind.SAME);
                column.paragraph(note, Kind.ELIDED);
            }
            return new FieldDiff(label, left.segments(), right.segments(), false, false);
        }
        whole(left, right, before, after);
        fellBack = true;
        return new FieldDiff(label, left.segments(), right.segments(), true, true);
    }

    /** A run of paragraphs: the same on both sides, or changed (some old ones replaced by some new ones). */
    private record Stretch(int fromA, int toA, int fromB, int toB, boolean same) {
    }

    /**
     * Lines up the paragraphs: the common beginning and end first (where most edits leave a long story
     * alone), then Myers on the paragraphs between. Beyond the budget, or cut into too many pieces to show
     * each, those are one changed stretch.
     */
    private List<Stretch> align(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int prefix = 0;
        while (prefix < n && prefix < m && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && a.get(n - 1 - suffix).equals(b.get(m - 1 - suffix))) {
            suffix++;
        }
        List<Stretch> stretches = new ArrayList<>();
        if (prefix > 0) {
            stretches.add(new Stretch(0, prefix, 0, prefix, true));
        }
        int endA = n - suffix;
        int endB = m - suffix;
        if (prefix < endA || prefix < endB) {
            List<Change> changes = endA > prefix && endB > prefix
                    ? diff(interned(a.subList(prefix, endA), b.subList(prefix, endB)), maxComparisons) : null;
            List<Stretch> middle = changes == null ? null : stretches(changes, prefix, endA, endB);
            if (middle == null) {
                stretches.add(new Stretch(prefix, endA, prefix, endB, false));
            } else {
                stretches.addAll(middle);
            }
        }
        if (suffix > 0) {
            stretches.add(new Stretch(endA, n, endB, m, true));
        }
        return stretches;
    }

    /**
     * Myers' changes (deletions and insertions, in order) as alternating same and changed stretches; null
     * when there are more changed stretches than a page should list one by one.
     */
    private static List<Stretch> stretches(List<Change> changes, int offset, int endA, int endB) {
        List<Stretch> stretches = new ArrayList<>();
        int changedStretches = 0;
        int i = 0;
        int j = 0;
        int k = 0;
        while (k < changes.size()) {
            Change first = changes.get(k);
            if (first.startOriginal > i) {
                int same = first.startOriginal - i;
                stretches.add(new Stretch(offset + i, offset + i + same, offset + j, offset + j + same, true));
                i += same;
                j += same;
            }
            int toA = i;
            int toB = j;
            // Adjacent deletions and insertions (no unchanged paragraph between them) make one stretch.
            while (k < changes.size() && changes.get(k).startOriginal <= toA && changes.get(k).startRevised <= toB) {
                Change change = changes.get(k++);
                toA = Math.max(toA, change.endOriginal);
                toB = Math.max(toB, change.endRevised);
            }
            if (++changedStretches > MAX_CHANGED_STRETCHES) {
                return null;
            }
            stretches.add(new Stretch(offset + i, offset + toA, offset + j, offset + toB, false));
            i = toA;
            j = toB;
        }
        if (offset + i < endA) {
            stretches.add(new Stretch(offset + i, endA, offset + j, endB, true));
        }
        return stretches;
    }

    /**
     * Unchanged paragraphs on both sides. A long run keeps only the paragraph next to each change (or the
     * first, in a field that did not change at all); the rest is left out, saying how many.
     */
    private static void unchanged(Column left, Column right, List<String> paragraphs, boolean changeBefore,
                                  boolean changeAfter) {
        int keepStart = changeBefore || !changeAfter ? CONTEXT_PARAGRAPHS : 0;
        int keepEnd = changeAfter ? CONTEXT_PARAGRAPHS : 0;
        int leftOut = paragraphs.size() - keepStart - keepEnd;
        if (leftOut < MIN_LEFT_OUT) {
            keepStart = paragraphs.size();
            keepEnd = 0;
        }
        for (String paragraph : paragraphs.subList(0, keepStart)) {
            left.paragraph(paragraph, Kind.SAME);
            right.paragraph(paragraph, Kind.SAME);
        }
        if (leftOut >= MIN_LEFT_OUT) {
            String note = "[" + leftOut + " unchanged paragraphs]";
            left.paragraph(note, Kind.ELIDED);
            right.paragraph(note, Kind.ELIDED);
        }
        for (String paragraph : paragraphs.subList(paragraphs.size() - keepEnd, paragraphs.size())) {
            left.paragraph(paragraph, Kind.SAME);
            right.paragraph(paragraph, Kind.SAME);
        }
    }

    /**
     * A changed stretch word by word when the budget allows (pair by pair when as many paragraphs stand on
     * each side, else the stretch as one text), its paragraphs whole otherwise. False when some of it was
     * shown whole though there were words on both sides to compare.
     */
    private boolean changedStretch(Column left, Column right, List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return words(left, right, String.join(PARAGRAPH_BREAK, a), String.join(PARAGRAPH_BREAK, b));
        }
        boolean exact = true;
        for (int p = 0; p < a.size(); p++) {
            if (left.full() || right.full()) {
                whole(left, right, String.join(PARAGRAPH_BREAK, a.subList(p, a.size())),
                        String.join(PARAGRAPH_BREAK, b.subList(p, b.size())));
                return false;
            }
            exact &= words(left, right, a.get(p), b.get(p));
        }
        return exact;
    }

    /** Two texts word by word, or whole (false) when that would go beyond the budget. */
    private boolean words(Column left, Column right, String before, String after) {
        if (before.isEmpty() || after.isEmpty()) {
            whole(left, right, before, after);
            return true;
        }
        int tokens = countTokens(before) + countTokens(after);
        List<Change> changes = null;
        List<List<String>> sides = null;
        if (tokens <= maxStretchTokens && comparisons < maxComparisons && !left.full() && !right.full()) {
            sides = interned(tokens(before), tokens(after));
            tokensCompared += tokens;
            changes = diff(sides, maxComparisons / 2);
        }
        if (changes == null) {
            whole(left, right, before, after);
            return false;
        }
        left.startParagraph();
        right.startParagraph();
        List<String> a = sides.get(0);
        List<String> b = sides.get(1);
        int i = 0;
        int j = 0;
        for (Edit edit : edits(a, b, changes)) {
            left.add(a, i, edit.fromA, Kind.SAME);
            right.add(b, j, edit.fromB, Kind.SAME);
            left.add(a, edit.fromA, edit.toA, Kind.DELETED);
            right.add(b, edit.fromB, edit.toB, Kind.INSERTED);
            i = edit.toA;
            j = edit.toB;
        }
        left.add(a, i, a.size(), Kind.SAME);
        right.add(b, j, b.size(), Kind.SAME);
        return true;
    }

    /** Old tokens {@code fromA..toA} replaced by new tokens {@code fromB..toB}. */
    private record Edit(int fromA, int toA, int fromB, int toB) {
    }

    /**
     * Myers' changes as edits a reader takes in: a deletion and an insertion side by side are one
     * replacement, and words left standing between two edits longer than they are join them (as in
     * diff-match-patch's semantic clean-up): a reworked sentence reads as old words then new, not as a few
     * struck-through words each side of an "and", and the page holds fewer segments.
     */
    private static List<Edit> edits(List<String> a, List<String> b, List<Change> changes) {
        List<Edit> edits = new ArrayList<>();
        Edit last = null;
        for (Change change : changes) {
            Edit edit = new Edit(change.startOriginal, change.endOriginal, change.startRevised, change.endRevised);
            if (last != null) {
                int between = words(a, last.toA, edit.fromA);
                if (between < size(a, b, last) && between < size(a, b, edit)) {
                    last = new Edit(last.fromA, edit.toA, last.fromB, edit.toB);
                    continue;
                }
                edits.add(last);
            }
            last = edit;
        }
        if (last != null) {
            edits.add(last);
        }
        return edits;
    }

    /** The words (not spaces) an edit removes or adds, whichever is more. */
    private static int size(List<String> a, List<String> b, Edit edit) {
        return Math.max(words(a, edit.fromA, edit.toA), words(b, edit.fromB, edit.toB));
    }

    private static int words(List<String> tokens, int from, int to) {
        int words = 0;
        for (int t = from; t < to; t++) {
            if (!Character.isWhitespace(tokens.get(t).charAt(0))) {
                words++;
            }
        }
        return words;
    }

    private static void whole(Column left, Column right, String before, String after) {
        if (!before.isEmpty()) {
            left.paragraph(before, Kind.DELETED);
        }
        if (!after.isEmpty()) {
            right.paragraph(after, Kind.INSERTED);
        }
    }

    /**
     * Myers on two lists of interned strings (equal means the same object), or null when it would take more
     * than {@code cap} comparisons or what is left of the budget. D is at least |N − M|, and Myers takes
     * about D² / 4 steps to find it: lengths too unequal are not even tried.
     */
    private List<Change> diff(List<List<String>> sides, long cap) {
        List<String> a = sides.get(0);
        List<String> b = sides.get(1);
        long limit = comparisons + Math.min(cap, maxComparisons - comparisons);
        long unequal = Math.abs(a.size() - b.size());
        if (unequal * unequal / 4 > limit - comparisons) {
            return null;
        }
        try {
            return new MyersDiffWithLinearSpace<String>((x, y) -> {
                if (++comparisons > limit || (comparisons & 0x3FFF) == 0 && System.nanoTime() > deadline) {
                    throw OverBudget.INSTANCE;
                }
                return x == y;
            }).computeDiff(a, b, null);
        } catch (OverBudget over) {
            // Past the time limit nothing more is tried; past a stretch's share, the rest of the budget is left.
            comparisons = System.nanoTime() > deadline ? maxComparisons : limit;
            return null;
        }
    }

    /** Equal strings made the same object, so that comparing two is comparing two references. */
    private static List<List<String>> interned(List<String> a, List<String> b) {
        Map<String, String> pool = new HashMap<>();
        List<String> ia = new ArrayList<>(a.size());
        List<String> ib = new ArrayList<>(b.size());
        a.forEach(s -> ia.add(pool.computeIfAbsent(s, x -> x)));
        b.forEach(s -> ib.add(pool.computeIfAbsent(s, x -> x)));
        return List.of(ia, ib);
    }

    /** The paragraphs of a text (blank-line separated, as {@link RevisionContent#bodyText()} gives them). */
    static List<String> paragraphs(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int at = text.indexOf(PARAGRAPH_BREAK); at >= 0; at = text.indexOf(PARAGRAPH_BREAK, start)) {
            out.add(text.substring(start, at));
            start = at + PARAGRAPH_BREAK.length();
        }
        out.add(text.substring(start));
        return out;
    }

    /** How many paragraphs {@link #paragraphs} would make, without making them. */
    static int countParagraphs(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int count = 1;
        for (int at = text.indexOf(PARAGRAPH_BREAK); at >= 0; at = text.indexOf(PARAGRAPH_BREAK, at + PARAGRAPH_BREAK.length())) {
            count++;
        }
        return count;
    }

    /** Words and the white space between them, so that joining the tokens gives the text back. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || Character.isWhitespace(text.charAt(i)) != Character.isWhitespace(text.charAt(i - 1))) {
                out.add(text.substring(start, i));
                start = i;
            }
        }
        return out;
    }

    /** How many tokens {@link #tokens} would make, without making them. */
    static int countTokens(String text) {
        int count = text.isEmpty() ? 0 : 1;
        for (int i = 1; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) != Character.isWhitespace(text.charAt(i - 1))) {
                count++;
            }
        }
        return count;
    }

    /**
     * One side of the table being built: paragraphs separated by a blank line, each made of segments; runs of
     * one kind are one segment (one {@code <del>} per run, not per word). Past {@link #MAX_SEGMENTS} it is
     * full: the rest of the changes are shown whole.
     */
    private static final class Column {
        private final List<Segment> segments = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();
        private Kind pendingKind = Kind.SAME;
        private boolean started;

        boolean full() {
            return segments.size() >= MAX_SEGMENTS;
        }

        void startParagraph() {
            if (started) {
                add(PARAGRAPH_BREAK, Kind.SAME);
            }
            started = true;
        }

        void paragraph(String text, Kind kind) {
            startParagraph();
            add(text, kind);
        }

        void add(List<String> tokens, int from, int to, Kind kind) {
            for (int t = from; t < to; t++) {
                add(tokens.get(t), kind);
            }
        }

        void add(String text, Kind kind) {
            if (text.isEmpty()) {
                return;
            }
            if (kind != pendingKind || kind == Kind.ELIDED) {
                flush();
                pendingKind = kind;
            }
            pending.append(text);
        }

        List<Segment> segments() {
            flush();
            return segments;
        }

        private void flush() {
            if (!pending.isEmpty()) {
                segments.add(new Segment(pending.toString(), pendingKind));
                pending.setLength(0);
            }
        }
    }

    /** Thrown from inside Myers to stop it: the budget is spent. No stack trace: it is not an error. */
    private static final class OverBudget extends RuntimeException {
        static final OverBudget INSTANCE = new OverBudget();

        private OverBudget() {
            super("over budget", null, false, false);
        }
    }
}
