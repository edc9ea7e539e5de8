package org.copydesk.story;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;

import org.copydesk.people.AuthorProfile;

/**
 * What the story form holds, exactly as typed, so it can come back with the reporter's text intact
 * when something is wrong. The byline and related-story pickers work without JavaScript: their
 * buttons post the whole form, which is shown again with the list changed and nothing saved.
 */
public class StoryForm {

    /** One byline row: an existing author profile, or a new one to create on save. */
    public record BylineRow(Long authorId, String authorName, String roleLine, boolean isNew) {
    }

    /** One related story in the list. */
    public record RelatedRow(long id, String headline, String stateLabel) {
    }

    public Long id;
    public Integer version;
    public String headline = "";
    public String standfirst = "";
    public String kicker = "";
    public String body = "";
    public String slug = "";
    public Long sectionId;
    public String tags = "";
    public String creditLine = "";
    /** The featured image: the key of an uploaded image (kept across picker steps and errors) and its words. */
    public String imageKey = "";
    public String imageAlt = "";
    public String imageCaption = "";
    public String imageCredit = "";
    /** Set when the form came with an image file that was refused, so the page can say why. */
    public String imageProblem;
    public String datelinePlace = "";
    public String datelineDate = "";
    public String notesToEditor = "";
    public String comment = "";
    /** "Publish at" for Schedule: a local date-time in the newsroom's zone, as a datetime-local input sends it. */
    public String publishAt = "";
    public List<BylineRow> bylines = new ArrayList<>();
    public List<RelatedRow> related = new ArrayList<>();

    /** Picker inputs: pending additions and the related-story search. */
    public String bylineAdd = "";
    public String bylineAddRole = "";
    public String newAuthorName = "";
    public String relatedQuery = "";
    public List<Long> relatedAdd = new ArrayList<>();
    public List<RelatedRow> relatedResults = List.of();
    public boolean relatedSearched;
    /** "Paste wire copy": text for Import text, which fills the fields above it and saves nothing. */
    public String wireCopy = "";
    /** Set after Import text so the page can say what to check. */
    public boolean imported;

    /** The button pressed: save, submit, request-changes, publish, or a picker button. */
    public String action = "save";

    private Set<Integer> bylineRemove = Set.of();
    private Set<Long> relatedRemove = Set.of();
    private Integer bylineUp;
    private Integer relatedUp;

    public static StoryForm fromStory(Story story, ZoneId zone) {
        StoryForm form = new StoryForm();
        form.id = story.id;
        form.version = story.version;
        form.headline = orEmpty(story.headline);
        form.standfirst = orEmpty(story.standfirst);
        form.kicker = orEmpty(story.kicker);
        form.body = BodyHtml.toEditable(story.body);
        form.slug = orEmpty(story.slug);
        form.sectionId = story.section == null ? null : story.section.id;
        form.tags = story.tags.stream().map(t -> t.name).collect(Collectors.joining(", "));
        form.creditLine = orEmpty(story.creditLine);
        form.imageKey = story.featuredImage == null ? "" : story.featuredImage.publicKey;
        form.imageAlt = orEmpty(story.featuredImageAlt);
        form.imageCaption = orEmpty(story.featuredImageCaption);
        form.imageCredit = orEmpty(story.featuredImageCredit);
        form.datelinePlace = orEmpty(story.datelinePlace);
        form.datelineDate = story.datelineDate == null ? "" : story.datelineDate.toString();
        form.notesToEditor = orEmpty(story.notesToEditor);
        for (Byline byline : story.bylines) {
            form.bylines.add(new BylineRow(byline.author.id, byline.author.name, orEmpty(byline.roleLine), false));
        }
        for (Story other : story.related) {
            form.related.add(new RelatedRow(other.id, other.headline, other.state.label()));
        }
        return form;
    }

    /** Puts text from an autosaved working copy over the form's fields; saving checks it against {@code version}. */
    public void fillFrom(java.util.Map<String, String> fields, int basedOnVersion) {
        headline = fields.getOrDefault("headline", headline);
        standfirst = fields.getOrDefault("standfirst", standfirst);
        kicker = fields.getOrDefault("kicker", kicker);
        body = fields.getOrDefault("body", body);
        slug = fields.getOrDefault("slug", slug);
        tags = fields.getOrDefault("tags", tags);
        datelinePlace = fields.getOrDefault("datelinePlace", datelinePlace);
        datelineDate = fields.getOrDefault("datelineDate", datelineDate);
        creditLine = fields.getOrDefault("creditLine", creditLine);
        notesToEditor = fields.getOrDefault("notesToEditor", notesToEditor);
        version = basedOnVersion;
    }

    public static StoryForm blank(AuthorProfile writer, Long defaultSectionId) {
        StoryForm form = new StoryForm();
        form.sectionId = defaultSectionId;
        if (writer != null) {
            form.bylines.add(new BylineRow(writer.id, writer.name, "", false));
        }
        return form;
    }

    public static StoryForm fromPost(MultivaluedMap<String, String> in) {
        StoryForm form = new StoryForm();
        form.id = parseLong(first(in, "id"));
        form.version = parseInt(first(in, "version"));
        form.headline = first(in, "headline");
        form.standfirst = first(in, "standfirst");
        form.kicker = first(in, "kicker");
        form.body = first(in, "body");
        form.slug = first(in, "slug");
        form.sectionId = parseLong(first(in, "section"));
        form.tags = first(in, "tags");
        form.creditLine = first(in, "creditLine");
        form.imageKey = "on".equals(first(in, "imageRemove")) ? "" : first(in, "imageKey");
        form.imageAlt = first(in, "imageAlt");
        form.imageCaption = first(in, "imageCaption");
        form.imageCredit = first(in, "imageCredit");
        form.datelinePlace = first(in, "datelinePlace");
        form.datelineDate = first(in, "datelineDate");
        form.notesToEditor = first(in, "notesToEditor");
        form.comment = first(in, "comment");
        form.publishAt = first(in, "publishAt");
        form.action = first(in, "action").isEmpty() ? "save" : first(in, "action");

        List<String> authorIds = all(in, "bylineAuthor");
        List<String> names = all(in, "bylineName");
        List<String> roles = all(in, "bylineRole");
        for (int i = 0; i < authorIds.size(); i++) {
            Long authorId = parseLong(authorIds.get(i));
            String name = i < names.size() ? names.get(i) : "";
            String role = i < roles.size() ? roles.get(i) : "";
            if (authorId != null || !name.isBlank()) {
                form.bylines.add(new BylineRow(authorId, name, role, authorId == null));
            }
        }
        List<String> relatedIds = all(in, "related");
        List<String> relatedHeadlines = all(in, "relatedHeadline");
        List<String> relatedStates = all(in, "relatedState");
        for (int i = 0; i < relatedIds.size(); i++) {
            Long relatedId = parseLong(relatedIds.get(i));
            if (relatedId != null) {
                form.related.add(new RelatedRow(relatedId, at(relatedHeadlines, i), at(relatedStates, i)));
            }
        }
        form.bylineRemove = all(in, "bylineRemove").stream().map(StoryForm::parseInt)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        form.relatedRemove = all(in, "relatedRemove").stream().map(StoryForm::parseLong)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        form.bylineUp = parseInt(first(in, "bylineUp"));
        form.relatedUp = parseInt(first(in, "relatedUp"));
        form.bylineAdd = first(in, "bylineAdd");
        form.bylineAddRole = first(in, "bylineAddRole");
        form.newAuthorName = first(in, "newAuthorName");
        form.relatedQuery = first(in, "relatedQuery");
        form.wireCopy = first(in, "wireCopy");
        form.relatedAdd = all(in, "relatedAdd").stream().map(StoryForm::parseLong)
                .filter(java.util.Objects::nonNull).toList();
        return form;
    }

    /** True when a picker button was pressed: show the form again, save nothing. */
    public boolean isPickerStep() {
        return bylineUp != null || relatedUp != null || "add-byline".equals(action) || "find-related".equals(action)
                || "add-related".equals(action) || "import".equals(action);
    }

    /**
     * Import text: the pasted copy becomes headline, standfirst, body and byline for the reporter to
     * review. A byline found in the copy replaces the default one (agency copy is not the importer's
     * own work), matched to an existing author profile by name or offered as a new one.
     */
    public void importWireCopy(java.util.function.Function<String, AuthorProfile> authorByName) {
        WireCopy.Parsed parsed = WireCopy.parse(wireCopy);
        if (parsed.headline().isEmpty()) {
            return;
        }
        headline = parsed.headline();
        standfirst = parsed.standfirst();
        body = BodyHtml.toEditable(BodyHtml.fromInput(parsed.bodyHtml()));
        if (parsed.bylineName() != null) {
            AuthorProfile known = authorByName.apply(parsed.bylineName());
            bylines = new ArrayList<>(List.of(known != null
                    ? new BylineRow(known.id, known.name, "", false)
                    : new BylineRow(null, parsed.bylineName(), "", true)));
        }
        wireCopy = "";
        imported = true;
    }

    public StoryAction workflowAction() {
        return StoryAction.fromFormValue(action);
    }

    /**
     * Applies removals, moves and pending additions to the lists. Existing author profiles are looked
     * up by the caller ({@code authorName}); a typed new name stays a new row until the story is saved.
     */
    public void applyPickerEdits(java.util.function.LongFunction<String> authorNameById,
                                 java.util.function.LongFunction<RelatedRow> relatedById) {
        // "Move up" names a row as it was shown, so it applies before the rows ticked Remove go.
        List<BylineRow> keptBylines = new ArrayList<>();
        for (int i : movedUp(bylines.size(), bylineUp)) {
            if (!bylineRemove.contains(i)) {
                keptBylines.add(bylines.get(i));
            }
        }
        Long addId = parseLong(bylineAdd);
        if (addId != null) {
            String name = authorNameById.apply(addId);
            if (name != null) {
                keptBylines.add(new BylineRow(addId, name, bylineAddRole.strip(), false));
            }
        }
        if (!newAuthorName.isBlank()) {
            keptBylines.add(new BylineRow(null, newAuthorName.strip(), bylineAddRole.strip(), true));
        }
        bylines = keptBylines;
        bylineAdd = "";
        bylineAddRole = "";
        newAuthorName = "";
        bylineRemove = Set.of();
        bylineUp = null;

        List<RelatedRow> keptRelated = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (int i : movedUp(related.size(), relatedUp)) {
            RelatedRow row = related.get(i);
            if (!relatedRemove.contains(row.id()) && seen.add(row.id())) {
                keptRelated.add(row);
            }
        }
        for (Long addedId : relatedAdd) {
            if (!addedId.equals(id) && seen.add(addedId)) {
                RelatedRow row = relatedById.apply(addedId);
                if (row != null) {
                    keptRelated.add(row);
                }
            }
        }
        related = keptRelated;
        relatedAdd = List.of();
        relatedRemove = Set.of();
        relatedUp = null;
    }

    /** Row indices in display order, with row {@code up} (if any) swapped with the one above it. */
    private static List<Integer> movedUp(int size, Integer up) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        if (up != null && up > 0 && up < size) {
            Collections.swap(order, up, up - 1);
        }
        return order;
    }

    /** Tag names as typed, comma separated, without blanks or repeats. */
    public List<String> tagNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String part : tags.split(",")) {
            String name = part.strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    /** The Schedule time as an instant, or null when empty or not a date-time. */
    public java.time.Instant scheduleAt() {
        String value = publishAt == null ? "" : publishAt.strip().replace(' ', 'T');
        if (value.isEmpty()) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(value).atZone(org.copydesk.web.Newsroom.zone()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public boolean isNew() {
        return id == null;
    }

    private static String first(MultivaluedMap<String, String> in, String name) {
        String value = in.getFirst(name);
        return value == null ? "" : value;
    }

    private static List<String> all(MultivaluedMap<String, String> in, String name) {
        List<String> values = in.get(name);
        return values == null ? List.of() : values;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer parseInt(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
