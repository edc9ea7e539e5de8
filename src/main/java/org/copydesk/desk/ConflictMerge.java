package org.copydesk.desk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import org.copydesk.story.BodyHtml;
import org.copydesk.story.Story;
import org.copydesk.story.StoryForm;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A save that came after someone else's, merged part by part on the conflict page: each field that differs, and
 * each run of Body paragraphs that differs, shown theirs (the saved story) beside mine (the text typed), to keep
 * mine, theirs or (paragraphs) both. Nothing is retyped: Save draft builds the text from the choices.
 * <p>
 * A part is named by what it holds (a digest of both sides), not by its place, so a choice still finds its part
 * when the page is sent back, and a part that changed since (the writer typed on in the form) keeps the form's text.
 *
 * @param version the saved story's version the parts were made against (sent back as {@value #MERGE_OF})
 */
public record ConflictMerge(int version, String savedBy, Instant savedAt, List<Part> parts) {

    /** The form field carrying {@link #version}: present only when a form comes back from the conflict page. */
    public static final String MERGE_OF = "mergeOf";

    static final String MINE = "mine";
    static final String THEIRS = "theirs";
    static final String BOTH = "both";

    /**
     * One part to choose for. {@code paragraphs}: Body blocks (HTML, sanitised like any stored body), else a
     * field's text, one item a side.
     */
    public record Part(String key, String label, List<String> theirs, List<String> mine, boolean paragraphs, String preferred) {

        /** The choice made at first: theirs where only they changed the text since it was opened, else mine. */
        public boolean prefersTheirs() {
            return THEIRS.equals(preferred);
        }

        public String fieldName() {
            return "merge-" + key;
        }

        public String theirsHtml() {
            return String.join("", theirs);
        }

        public String mineHtml() {
            return String.join("", mine);
        }

        public String theirsText() {
            return theirs.isEmpty() ? "" : theirs.get(0);
        }

        public String mineText() {
            return mine.isEmpty() ? "" : mine.get(0);
        }
    }

    /** A field of the form that can be taken from either side: its label, and how to read and set it. */
    private record FieldSide(String name, String label, Function<StoryForm, String> read,
                             BiConsumer<StoryForm.Builder, String> write) {
    }

    private static final List<FieldSide> FIELDS = List.of(
            new FieldSide("kicker", "Kicker", StoryForm::kicker, (f, v) -> f.kicker = v),
            new FieldSide("headline", "Headline", StoryForm::headline, (f, v) -> f.headline = v),
            new FieldSide("standfirst", "Standfirst", StoryForm::standfirst, (f, v) -> f.standfirst = v),
            new FieldSide("datelinePlace", "Dateline", StoryForm::datelinePlace, (f, v) -> f.datelinePlace = v),
            new FieldSide("datelineDate", "Dateline date", StoryForm::datelineDate, (f, v) -> f.datelineDate = v),
            new FieldSide("tags", "Tags", StoryForm::tags, (f, v) -> f.tags = v),
            new FieldSide("slug", "Slug", StoryForm::slug, (f, v) -> f.slug = v),
            new FieldSide("creditLine", "Credit line", StoryForm::creditLine, (f, v) -> f.creditLine = v),
            new FieldSide("notesToEditor", "Notes to editor", StoryForm::notesToEditor, (f, v) -> f.notesToEditor = v));

    /**
     * The parts where the typed form differs from the saved story, in the order of the page.
     *
     * @param opened the story as the writer opened it (its revision then), or null when not known: where only the
     *               other side changed a part since, theirs is chosen at first, so pressing Save draft undoes no one
     */
    public static ConflictMerge of(Story saved, StoryForm typed, ZoneId zone, StoryForm opened) {
        StoryForm theirs = StoryForm.fromStory(saved, zone);
        List<Part> parts = new ArrayList<>();
        for (FieldSide field : FIELDS.subList(0, 3)) {
            fieldPart(field, theirs, typed, opened).ifPresent(parts::add);
        }
        parts.addAll(new BodyParts(saved.body, typed.body(), opened == null ? null : opened.body()).parts());
        for (FieldSide field : FIELDS.subList(3, FIELDS.size())) {
            fieldPart(field, theirs, typed, opened).ifPresent(parts::add);
        }
        return new ConflictMerge(saved.version, saved.updatedBy == null ? null : saved.updatedBy.displayName,
                saved.updatedAt, List.copyOf(parts));
    }

    /**
     * The form with the choices sent from the conflict page applied ({@code choice}: the value sent for a part's
     * field, null when none): mine is the form as typed, theirs the saved story's, both (paragraphs) theirs then mine.
     */
    public static StoryForm apply(Story saved, StoryForm typed, ZoneId zone, Function<String, String> choice) {
        StoryForm theirs = StoryForm.fromStory(saved, zone);
        StoryForm.Builder merged = typed.toBuilder();
        for (FieldSide field : FIELDS) {
            fieldPart(field, theirs, typed, null).filter(part -> THEIRS.equals(choice.apply(part.fieldName())))
                    .ifPresent(part -> field.write().accept(merged, field.read().apply(theirs)));
        }
        BodyParts body = new BodyParts(saved.body, typed.body(), null);
        if (body.parts().stream().anyMatch(part -> !MINE.equals(choiceOf(part, choice)))) {
            merged.body = body.merged(part -> choiceOf(part, choice));
        }
        return merged.build();
    }

    private static String choiceOf(Part part, Function<String, String> choice) {
        String chosen = choice.apply(part.fieldName());
        return THEIRS.equals(chosen) || BOTH.equals(chosen) ? chosen : MINE;
    }

    private static java.util.Optional<Part> fieldPart(FieldSide field, StoryForm theirs, StoryForm typed, StoryForm opened) {
        String saved = field.read().apply(theirs);
        String mine = field.read().apply(typed);
        if (strip(saved).equals(strip(mine))) {
            return java.util.Optional.empty();
        }
        boolean onlyTheyChanged = opened != null && strip(mine).equals(strip(field.read().apply(opened)));
        return java.util.Optional.of(new Part(field.name() + "-" + digest(saved + "\u0000" + mine), field.label(),
                List.of(strip(saved)), List.of(strip(mine)), false, onlyTheyChanged ? THEIRS : MINE));
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** The Body as blocks (paragraphs, subheadings, lists, quotes), theirs against mine, in runs that differ. */
    private static final class BodyParts {

        private final List<String> theirs;
        private final List<String> mine;
        private final List<AbstractDelta<String>> deltas;
        private final List<Part> parts = new ArrayList<>();

        /** {@code openedBody}: the body as the writer opened it (HTML), or null when not known. */
        BodyParts(String savedHtml, String typedBody, String openedBody) {
            this.theirs = blocks(savedHtml == null ? "" : savedHtml);
            this.mine = blocks(BodyHtml.fromInput(typedBody));
            this.deltas = DiffUtils.diff(normalised(theirs), normalised(mine)).getDeltas();
            java.util.Set<String> opened = openedBody == null ? null
                    : new java.util.HashSet<>(normalised(blocks(BodyHtml.fromInput(openedBody))));
            Map<String, Integer> seen = new HashMap<>();
            for (AbstractDelta<String> delta : deltas) {
                List<String> saved = slice(theirs, delta.getSource());
                List<String> typed = slice(mine, delta.getTarget());
                String digest = digest(String.join("\u0001", saved) + "\u0000" + String.join("\u0001", typed));
                int repeat = seen.merge(digest, 1, Integer::sum);
                // Only they changed this run when the writer's side of it is all as opened and theirs is not.
                boolean onlyTheyChanged = opened != null && opened.containsAll(normalised(typed))
                        && (saved.isEmpty() || !opened.containsAll(normalised(saved)));
                parts.add(new Part("body-" + digest + (repeat > 1 ? "-" + repeat : ""), label(delta), saved, typed, true,
                        onlyTheyChanged ? THEIRS : MINE));
            }
        }

        List<Part> parts() {
            return parts;
        }

        /** The body from the choices: the blocks both sides share, and each differing run as chosen. */
        String merged(Function<Part, String> choice) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            for (int i = 0; i < deltas.size(); i++) {
                Chunk<String> source = deltas.get(i).getSource();
                theirs.subList(at, source.getPosition()).forEach(body::append);
                Part part = parts.get(i);
                String chosen = choice.apply(part);
                if (!MINE.equals(chosen)) {
                    part.theirs().forEach(body::append);
                }
                if (!THEIRS.equals(chosen)) {
                    part.mine().forEach(body::append);
                }
                at = source.getPosition() + source.size();
            }
            theirs.subList(at, theirs.size()).forEach(body::append);
            return body.toString();
        }

        private static String label(AbstractDelta<String> delta) {
            Chunk<String> target = delta.getTarget();
            Chunk<String> source = delta.getSource();
            Chunk<String> where = target.size() > 0 ? target : source;
            int first = where.getPosition() + 1;
            int last = where.getPosition() + where.size();
            String side = target.size() > 0 ? "your" : "the saved story's";
            return first == last ? "Body, " + side + " paragraph " + first : "Body, " + side + " paragraphs " + first + " to " + last;
        }

        private static List<String> slice(List<String> blocks, Chunk<String> chunk) {
            return List.copyOf(blocks.subList(chunk.getPosition(), chunk.getPosition() + chunk.size()));
        }

        /**
         * Blocks as compared: white space run together and dropped beside tags, so a space no reader sees (one
         * before a paragraph's end, trimmed when stored) is no difference.
         */
        private static List<String> normalised(List<String> blocks) {
            return blocks.stream().map(b -> b.replaceAll("\\s+", " ").replaceAll(" ?(<[^>]*>) ?", "$1").strip()).toList();
        }

        /** The body's top-level blocks as HTML; loose text (there should be none once sanitised) as a paragraph. */
        private static List<String> blocks(String html) {
            if (html.isBlank()) {
                return List.of();
            }
            Document doc = Jsoup.parseBodyFragment(html);
            doc.outputSettings().prettyPrint(false);
            List<String> blocks = new ArrayList<>();
            for (Node node : doc.body().childNodes()) {
                if (node instanceof Element element) {
                    blocks.add(element.outerHtml());
                } else if (node instanceof TextNode text && !text.isBlank()) {
                    blocks.add("<p>" + text.outerHtml().strip() + "</p>");
                }
            }
            return blocks;
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
