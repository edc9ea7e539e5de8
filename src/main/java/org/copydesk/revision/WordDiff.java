package org.copydesk.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * Word-level differences between two texts (java-diff-utils, Myers' algorithm), as segments a
 * template can show side by side: the old text with deletions marked, the new with insertions marked.
 */
public final class WordDiff {

    /** A run of text that is the same in both, only in the old, or only in the new. */
    public record Segment(String text, Kind kind) {
        public boolean deleted() {
            return kind == Kind.DELETED;
        }

        public boolean inserted() {
            return kind == Kind.INSERTED;
        }
    }

    public enum Kind { SAME, DELETED, INSERTED }

    /** One field compared. */
    public record FieldDiff(String label, List<Segment> before, List<Segment> after, boolean changed) {
    }

    private WordDiff() {
    }

    public static FieldDiff field(String label, String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Segment> left = new ArrayList<>();
        List<Segment> right = new ArrayList<>();
        int ia = 0;
        int ib = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int sa = delta.getSource().getPosition();
            int sb = delta.getTarget().getPosition();
            append(left, String.join("", a.subList(ia, sa)), Kind.SAME);
            append(right, String.join("", b.subList(ib, sb)), Kind.SAME);
            append(left, String.join("", delta.getSource().getLines()), Kind.DELETED);
            append(right, String.join("", delta.getTarget().getLines()), Kind.INSERTED);
            ia = sa + delta.getSource().size();
            ib = sb + delta.getTarget().size();
        }
        append(left, String.join("", a.subList(ia, a.size())), Kind.SAME);
        append(right, String.join("", b.subList(ib, b.size())), Kind.SAME);
        return new FieldDiff(label, left, right, !patch.getDeltas().isEmpty());
    }

    /** Words and the white space between them, so that joining the tokens gives the text back. */
    static List<String> tokens(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(text.split("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)"));
    }

    private static void append(List<Segment> segments, String text, Kind kind) {
        if (!text.isEmpty()) {
            segments.add(new Segment(text, kind));
        }
    }

    /** The fields of two revisions, compared. */
    public static List<FieldDiff> compare(RevisionContent before, RevisionContent after) {
        return List.of(
                field("Kicker", before.kicker(), after.kicker()),
                field("Headline", before.headline(), after.headline()),
                field("Standfirst", before.standfirst(), after.standfirst()),
                field("Body", before.bodyText(), after.bodyText()),
                field("Dateline", before.datelinePlace(), after.datelinePlace()),
                field("Dateline date", before.datelineDate(), after.datelineDate()),
                field("Section", before.sectionName(), after.sectionName()),
                field("Tags", before.tags(), after.tags()),
                field("Slug", before.slug(), after.slug()),
                field("Bylines", before.bylinesText(), after.bylinesText()),
                field("Credit line", before.creditLine(), after.creditLine()),
                field("Featured image", before.imageText(), after.imageText()),
                field("Related stories", before.relatedText(), after.relatedText()),
                field("Notes to editor", before.notesToEditor(), after.notesToEditor()));
    }
}
