package org.copydesk.story;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.core.MultivaluedMap;

import org.copydesk.people.AuthorProfile;
import org.copydesk.web.DateText;
import org.copydesk.web.MaxLength;
import org.copydesk.web.Required;
import org.copydesk.web.SingleLine;
import org.copydesk.web.Storable;

/**
 * What the story form holds, exactly as typed, so it can come back with the reporter's text intact
 * when something is wrong. The byline and related-story pickers work without JavaScript: their
 * buttons post the whole form, which is shown again with the list changed and nothing saved.
 *
 * <p>The rules of each field are written on it (Bean Validation; the messages are in ValidationMessages.properties),
 * in the order their messages come: on a field, the first rule broken is the one shown. The rules that need the
 * database or the button pressed are {@link StoryFormChecks}.
 */
public record StoryForm(
        Long id,
        Integer version,
        @MaxLength(value = Story.KICKER_MAX, label = "Kicker") @SingleLine(label = "Kicker")
        String kicker,
        @Required(message = "{story.headline.required}") @MaxLength(value = Story.HEADLINE_MAX, label = "Headline")
        @SingleLine(label = "Headline", stripped = true)
        String headline,
        @Storable @MaxLength(value = Story.STANDFIRST_MAX, label = "Standfirst")
        String standfirst,
        @Storable @BodyLength(max = StoryService.BODY_MAX, markupMax = StoryService.BODY_MARKUP_MAX)
        String body,
        @MaxLength(value = Story.DATELINE_PLACE_MAX, label = "Dateline") @SingleLine(label = "Dateline")
        String datelinePlace,
        @DateText(message = "{story.datelineDate.date}")
        String datelineDate,
        Long sectionId,
        @Storable
        String tags,
        @Storable
        String slug,
        /** The BCP 47 tag of the story's language, as the Language select sends it. */
        String language,
        /** The kind Live coverage, as the new story form's Live checkbox sends it (see StoryService#create). */
        boolean live,
        List<@Valid BylineRow> bylines,
        /** The featured image: the key of an uploaded image (kept across picker steps and errors) and its words. */
        String imageKey,
        @Storable @MaxLength(value = Story.IMAGE_TEXT_MAX, label = "Alt text", groups = WithImage.class)
        String imageAlt,
        @Storable @MaxLength(value = Story.IMAGE_TEXT_MAX, label = "Caption", groups = WithImage.class)
        String imageCaption,
        @Storable @MaxLength(value = Story.CREDIT_MAX, label = "Credit", groups = WithImage.class)
        String imageCredit,
        @Storable @MaxLength(value = Story.CREDIT_MAX, label = "Credit line")
        String creditLine,
        List<RelatedRow> related,
        @Storable
        String notesToEditor,
        @Storable
        String comment,
        /** "Publish at" for Schedule: a local date-time in the newsroom's zone, as a datetime-local input sends it. */
        String publishAt,
        /** The button pressed: save, submit, request-changes, publish, or a picker button. */
        String action,
        Pickers pickers) {

    /**
     * The image's words are held to their limits only while the form has an image: with none (or the image
     * removed) they are not stored, so they refuse nothing.
     */
    public interface WithImage {
    }

    /** The groups of rules this form is held to: its own, and the image's words' when it has an image. */
    public Class<?>[] ruleGroups() {
        return imageKey == null || imageKey.isBlank() ? new Class<?>[] {Default.class} : new Class<?>[] {Default.class, WithImage.class};
    }

    /** The fields in the order the page shows them: the error summary lists problems in this order. */
    public static final List<String> FIELDS_ON_PAGE = List.of("wireCopy", "kicker", "headline", "standfirst", "body",
            "datelinePlace", "datelineDate", "section", "language", "tags", "slug", "bylines", "imageFile", "imageAlt", "imageCaption",
            "imageCredit", "creditLine", "notesToEditor", "comment", "publishAt");

    /** One byline row: an existing author profile, or a new one to create on save. */
    public record BylineRow(Long authorId, String authorName,
                            @SingleLine(label = "A role line")
                            @MaxLength(value = Byline.ROLE_MAX, stripped = false, message = "{story.roleLine.maxLength}")
                            String roleLine,
                            boolean isNew) {

        /** A new name becomes an author profile, shown in feeds and on pages: one line, like any name. */
        @SingleLine(label = "An author name")
        @MaxLength(value = AuthorProfile.NAME_MAX, message = "{story.authorName.maxLength}")
        public String getNewAuthorName() {
            return isNew ? authorName : null;
        }
    }

    /** One related story in the list. */
    public record RelatedRow(long id, String headline, String stateLabel) {
    }

    /**
     * The pickers' inputs (pending additions, removals, moves, the related-story search and its results) and
     * "Paste wire copy": they change the form when a picker button is pressed, and are never saved.
     */
    public record Pickers(String bylineAdd, String bylineAddRole, String newAuthorName, Set<Integer> bylineRemove,
                          Integer bylineUp, String relatedQuery, List<Long> relatedAdd, Set<Long> relatedRemove,
                          Integer relatedUp, List<RelatedRow> relatedResults, boolean relatedSearched, String wireCopy,
                          boolean imported) {
    }

    /** The form being put together: every field as it will be, empty text rather than null. */
    public static final class Builder {
        public Long id;
        public Integer version;
        public String headline = "";
        public String standfirst = "";
        public String kicker = "";
        public String body = "";
        public String slug = "";
        public String language = "";
        public boolean live;
        public Long sectionId;
        public String tags = "";
        public String creditLine = "";
        public String imageKey = "";
        public String imageAlt = "";
        public String imageCaption = "";
        public String imageCredit = "";
        public String datelinePlace = "";
        public String datelineDate = "";
        public String notesToEditor = "";
        public String comment = "";
        public String publishAt = "";
        public List<BylineRow> bylines = new ArrayList<>();
        public List<RelatedRow> related = new ArrayList<>();
        public String action = "save";
        public String bylineAdd = "";
        public String bylineAddRole = "";
        public String newAuthorName = "";
        public Set<Integer> bylineRemove = Set.of();
        public Integer bylineUp;
        public String relatedQuery = "";
        public List<Long> relatedAdd = List.of();
        public Set<Long> relatedRemove = Set.of();
        public Integer relatedUp;
        public List<RelatedRow> relatedResults = List.of();
        public boolean relatedSearched;
        public String wireCopy = "";
        public boolean imported;

        public StoryForm build() {
            return new StoryForm(id, version, kicker, headline, standfirst, body, datelinePlace, datelineDate, sectionId,
                    tags, slug, language, live, List.copyOf(bylines), imageKey, imageAlt, imageCaption, imageCredit, creditLine,
                    List.copyOf(related), notesToEditor, comment, publishAt, action,
                    new Pickers(bylineAdd, bylineAddRole, newAuthorName, Set.copyOf(bylineRemove), bylineUp, relatedQuery,
                            List.copyOf(relatedAdd), Set.copyOf(relatedRemove), relatedUp, List.copyOf(relatedResults),
                            relatedSearched, wireCopy, imported));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this form, to make a changed one. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.version = version;
        b.headline = headline;
        b.standfirst = standfirst;
        b.kicker = kicker;
        b.body = body;
        b.slug = slug;
        b.language = language;
        b.live = live;
        b.sectionId = sectionId;
        b.tags = tags;
        b.creditLine = creditLine;
        b.imageKey = imageKey;
        b.imageAlt = imageAlt;
        b.imageCaption = imageCaption;
        b.imageCredit = imageCredit;
        b.datelinePlace = datelinePlace;
        b.datelineDate = datelineDate;
        b.notesToEditor = notesToEditor;
        b.comment = comment;
        b.publishAt = publishAt;
        b.bylines = new ArrayList<>(bylines);
        b.related = new ArrayList<>(related);
        b.action = action;
        b.bylineAdd = pickers.bylineAdd();
        b.bylineAddRole = pickers.bylineAddRole();
        b.newAuthorName = pickers.newAuthorName();
        b.bylineRemove = pickers.bylineRemove();
        b.bylineUp = pickers.bylineUp();
        b.relatedQuery = pickers.relatedQuery();
        b.relatedAdd = pickers.relatedAdd();
        b.relatedRemove = pickers.relatedRemove();
        b.relatedUp = pickers.relatedUp();
        b.relatedResults = pickers.relatedResults();
        b.relatedSearched = pickers.relatedSearched();
        b.wireCopy = pickers.wireCopy();
        b.imported = pickers.imported();
        return b;
    }

    public static StoryForm fromStory(Story story, ZoneId zone) {
        Builder form = new Builder();
        form.id = story.id;
        form.version = story.version;
        form.headline = orEmpty(story.headline);
        form.standfirst = orEmpty(story.standfirst);
        form.kicker = orEmpty(story.kicker);
        form.body = BodyHtml.toEditable(story.body);
        form.slug = orEmpty(story.slug);
        form.language = orEmpty(story.language);
        form.live = story.live;
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
        return form.build();
    }

    /** Text from an autosaved working copy over the form's fields; saving checks it against {@code basedOnVersion}. */
    public StoryForm withWorkingCopy(java.util.Map<String, String> fields, int basedOnVersion) {
        Builder form = toBuilder();
        form.headline = fields.getOrDefault("headline", headline);
        form.standfirst = fields.getOrDefault("standfirst", standfirst);
        form.kicker = fields.getOrDefault("kicker", kicker);
        form.body = fields.getOrDefault("body", body);
        form.slug = fields.getOrDefault("slug", slug);
        form.tags = fields.getOrDefault("tags", tags);
        form.datelinePlace = fields.getOrDefault("datelinePlace", datelinePlace);
        form.datelineDate = fields.getOrDefault("datelineDate", datelineDate);
        form.creditLine = fields.getOrDefault("creditLine", creditLine);
        form.notesToEditor = fields.getOrDefault("notesToEditor", notesToEditor);
        form.version = basedOnVersion;
        return form.build();
    }

    /** The same form, to be saved against another version of the story. */
    public StoryForm withVersion(Integer version) {
        Builder form = toBuilder();
        form.version = version;
        return form.build();
    }

    /** The same form with the related-story search's results to show. */
    public StoryForm withRelatedResults(List<RelatedRow> results) {
        Builder form = toBuilder();
        form.relatedSearched = true;
        form.relatedResults = results;
        return form.build();
    }

    public static StoryForm blank(AuthorProfile writer, Long defaultSectionId, String defaultLanguage) {
        Builder form = new Builder();
        form.sectionId = defaultSectionId;
        form.language = defaultLanguage;
        if (writer != null) {
            form.bylines.add(new BylineRow(writer.id, writer.name, "", false));
        }
        return form.build();
    }

    /** The form as posted; {@code id} is the story's, from the address (null for a new story). */
    public static StoryForm fromPost(MultivaluedMap<String, String> in, Long id) {
        Builder form = new Builder();
        form.id = id;
        form.version = parseInt(first(in, "version"));
        form.headline = first(in, "headline");
        form.standfirst = first(in, "standfirst");
        form.kicker = first(in, "kicker");
        form.body = first(in, "body");
        form.slug = first(in, "slug");
        form.language = first(in, "language");
        form.live = !first(in, "live").isBlank();
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
        return form.build();
    }

    /** The form as posted, with the id it carries (the preview posts it without an address of its own). */
    public static StoryForm fromPost(MultivaluedMap<String, String> in) {
        return fromPost(in, parseLong(first(in, "id")));
    }

    public String relatedQuery() {
        return pickers.relatedQuery();
    }

    public List<RelatedRow> relatedResults() {
        return pickers.relatedResults();
    }

    public boolean relatedSearched() {
        return pickers.relatedSearched();
    }

    public String wireCopy() {
        return pickers.wireCopy();
    }

    /** Set after Import text so the page can say what to check. */
    public boolean imported() {
        return pickers.imported();
    }

    /** True when a picker button was pressed: show the form again, save nothing. */
    public boolean isPickerStep() {
        return pickers.bylineUp() != null || pickers.relatedUp() != null || "add-byline".equals(action)
                || "find-related".equals(action) || "add-related".equals(action) || "import".equals(action);
    }

    /**
     * Import text: the pasted copy becomes headline, standfirst, body and byline for the reporter to
     * review. A byline found in the copy replaces the default one (agency copy is not the importer's
     * own work), matched to an existing author profile by name or offered as a new one.
     */
    public StoryForm withWireCopyImported(java.util.function.Function<String, AuthorProfile> authorByName) {
        WireCopy.Parsed parsed = WireCopy.parse(pickers.wireCopy());
        if (parsed.headline().isEmpty()) {
            return this;
        }
        Builder form = toBuilder();
        form.headline = parsed.headline();
        form.standfirst = parsed.standfirst();
        form.body = BodyHtml.toEditable(BodyHtml.fromInput(parsed.bodyHtml()));
        if (parsed.bylineName() != null) {
            AuthorProfile known = authorByName.apply(parsed.bylineName());
            form.bylines = new ArrayList<>(List.of(known != null
                    ? new BylineRow(known.id, known.name, "", false)
                    : new BylineRow(null, parsed.bylineName(), "", true)));
        }
        form.wireCopy = "";
        form.imported = true;
        return form.build();
    }

    public StoryAction workflowAction() {
        return StoryAction.fromFormValue(action);
    }

    /**
     * Applies removals, moves and pending additions to the lists. Existing author profiles are looked
     * up by the caller ({@code authorName}); a typed new name stays a new row until the story is saved.
     */
    public StoryForm withPickerEdits(java.util.function.LongFunction<String> authorNameById,
                                     java.util.function.LongFunction<RelatedRow> relatedById) {
        Builder form = toBuilder();
        // "Move up" names a row as it was shown, so it applies before the rows ticked Remove go.
        List<BylineRow> keptBylines = new ArrayList<>();
        for (int i : movedUp(bylines.size(), pickers.bylineUp())) {
            if (!pickers.bylineRemove().contains(i)) {
                keptBylines.add(bylines.get(i));
            }
        }
        Long addId = parseLong(pickers.bylineAdd());
        if (addId != null) {
            String name = authorNameById.apply(addId);
            if (name != null) {
                keptBylines.add(new BylineRow(addId, name, pickers.bylineAddRole().strip(), false));
            }
        }
        if (!pickers.newAuthorName().isBlank()) {
            keptBylines.add(new BylineRow(null, pickers.newAuthorName().strip(), pickers.bylineAddRole().strip(), true));
        }
        form.bylines = keptBylines;
        form.bylineAdd = "";
        form.bylineAddRole = "";
        form.newAuthorName = "";
        form.bylineRemove = Set.of();
        form.bylineUp = null;

        List<RelatedRow> keptRelated = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (int i : movedUp(related.size(), pickers.relatedUp())) {
            RelatedRow row = related.get(i);
            if (!pickers.relatedRemove().contains(row.id()) && seen.add(row.id())) {
                keptRelated.add(row);
            }
        }
        for (Long addedId : pickers.relatedAdd()) {
            if (!addedId.equals(id) && seen.add(addedId)) {
                RelatedRow row = relatedById.apply(addedId);
                if (row != null) {
                    keptRelated.add(row);
                }
            }
        }
        form.related = keptRelated;
        form.relatedAdd = List.of();
        form.relatedRemove = Set.of();
        form.relatedUp = null;
        return form.build();
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
