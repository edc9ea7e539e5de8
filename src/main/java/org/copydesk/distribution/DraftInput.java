package org.copydesk.distribution;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.copydesk.people.AuthorProfile;
import org.copydesk.story.Section;
import org.copydesk.story.StoryForm;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;

/**
 * A draft as another system sends it, in either shape: ninjs (2.0's {@code headlines}, {@code descriptions},
 * {@code bodies}, {@code subjects}, {@code people}, {@code located}; 1.x's {@code headline}, {@code description_text},
 * {@code body_html} too) or the desk form's own fields ({@code headline}, {@code standfirst}, {@code body},
 * {@code section}, {@code tags}, {@code bylines}, {@code datelinePlace}, ...). Either becomes the desk's form, and
 * is saved by the desk's service: the same checks, workflow, revisions and audit.
 */
final class DraftInput {

    private DraftInput() {
    }

    /**
     * The form for a draft. {@code defaultSectionId}: the token's section, for a draft that names none.
     * {@code version}: the version the sender last read (for a change), from If-Match or the document.
     */
    static StoryForm form(JsonNode in, Long id, Long defaultSectionId, Integer ifMatch) {
        if (in == null || !in.isObject()) {
            throw new FormInvalidException("body", "Send a JSON object: a ninjs document, or the form's fields.");
        }
        StoryForm.Builder form = StoryForm.builder();
        form.id = id;
        form.headline = first(text(in, "headline"), role(in.get("headlines"), "main"));
        form.kicker = first(text(in, "kicker"), roleOnly(in.get("headlines"), "kicker"));
        form.standfirst = first(text(in, "standfirst"), text(in, "description_text"), role(in.get("descriptions"), "summary"));
        form.body = body(in);
        form.slug = first(text(in, "slug"), text(in, "slugline"));
        form.language = text(in, "language");
        form.datelinePlace = first(text(in, "datelinePlace"), text(in, "located"));
        form.datelineDate = text(in, "datelineDate");
        form.creditLine = text(in, "creditLine");
        form.notesToEditor = first(text(in, "notesToEditor"), text(in, "ednote"));
        form.tags = tags(in);
        form.sectionId = section(in, defaultSectionId);
        form.bylines.addAll(bylines(in));
        Integer version = ifMatch != null ? ifMatch : number(in.get("version"));
        form.version = version;
        return form.build();
    }

    private static String body(JsonNode in) {
        String formBody = text(in, "body");
        if (!formBody.isEmpty()) {
            return formBody;
        }
        String html = text(in, "body_html");
        if (!html.isEmpty()) {
            return html;
        }
        JsonNode main = byRole(in.get("bodies"), "main");
        if (main == null) {
            return "";
        }
        String value = text(main, "value");
        String type = text(main, "contenttype");
        return type.startsWith("text/plain") || (type.isEmpty() && !value.contains("<")) ? paragraphs(value) : value;
    }

    /** Plain text as the desk would have it: a paragraph for every run of lines between blank lines. */
    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(org.jsoup.nodes.Entities.escape(paragraph.strip())).append("</p>");
            }
        }
        return html.toString();
    }

    private static String tags(JsonNode in) {
        JsonNode tags = in.get("tags");
        if (tags != null && tags.isArray()) {
            List<String> names = new ArrayList<>();
            tags.forEach(tag -> names.add(tag.asText()));
            return String.join(", ", names);
        }
        if (tags != null && tags.isTextual()) {
            return tags.asText();
        }
        List<String> names = new ArrayList<>();
        for (JsonNode subject : array(in, "subjects", "subject")) {
            if ("tag".equals(text(subject, "rel")) && !text(subject, "name").isEmpty()) {
                names.add(text(subject, "name"));
            }
        }
        return String.join(", ", names);
    }

    /** The section by slug (or id), from the form's field or a subject with rel "section"; else the token's. */
    private static Long section(JsonNode in, Long defaultSectionId) {
        String named = text(in, "section");
        if (named.isEmpty()) {
            for (JsonNode subject : array(in, "subjects", "subject")) {
                if ("section".equals(text(subject, "rel"))) {
                    named = first(text(subject, "literal"), text(subject, "name"));
                    break;
                }
            }
        }
        if (named.isEmpty()) {
            if (defaultSectionId == null) {
                throw new FormInvalidException("section", "Name a section: \"section\" with its slug, or a subject with "
                        + "rel \"section\" and the slug as its literal (GET /api/v1/sections lists them).");
            }
            return defaultSectionId;
        }
        String wanted = named;
        return Section.findBySlug(wanted).map(s -> s.id)
                .or(() -> Section.<Section>list("lower(name) = lower(?1)", wanted).stream().findFirst().map(s -> s.id))
                .or(() -> wanted.matches("\\d{1,18}") ? Section.<Section>findByIdOptional(Long.parseLong(wanted)).map(s -> s.id)
                        : java.util.Optional.empty())
                .orElseThrow(() -> new FormInvalidException("section", "No section is called \"" + wanted
                        + "\": GET /api/v1/sections lists them."));
    }

    /**
     * The bylines: the form's {@code bylines} ([{"name", "role"}]) or ninjs {@code people} (rel "author" is a
     * writer; any other rel is its role line, e.g. "Additional reporting by"). A name the newsroom knows is its
     * author profile; a new one becomes a new profile, as on the desk.
     */
    private static List<StoryForm.BylineRow> bylines(JsonNode in) {
        List<StoryForm.BylineRow> rows = new ArrayList<>();
        JsonNode formBylines = in.get("bylines");
        boolean ninjs = formBylines == null || !formBylines.isArray();
        for (JsonNode person : ninjs ? array(in, "people", "person") : iterable(formBylines)) {
            String name = person.isTextual() ? person.asText().strip() : text(person, "name");
            if (name.isEmpty()) {
                continue;
            }
            String role = ninjs ? text(person, "rel") : text(person, "role");
            if ("author".equalsIgnoreCase(role) || "writer".equalsIgnoreCase(role)) {
                role = "";
            }
            AuthorProfile known = AuthorProfile.findByName(name).orElse(null);
            rows.add(known != null ? new StoryForm.BylineRow(known.id, known.name, role, false)
                    : new StoryForm.BylineRow(null, name, role, true));
        }
        return rows;
    }

    /** The names the draft's bylines give, as {@link #form} reads them. */
    static List<String> bylineNames(JsonNode in) {
        List<String> names = new ArrayList<>();
        if (in == null || !in.isObject()) {
            return names;
        }
        JsonNode formBylines = in.get("bylines");
        boolean ninjs = formBylines == null || !formBylines.isArray();
        for (JsonNode person : ninjs ? array(in, "people", "person") : iterable(formBylines)) {
            String name = person.isTextual() ? person.asText().strip() : text(person, "name");
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<JsonNode> array(JsonNode in, String name, String oldName) {
        JsonNode list = in.has(name) ? in.get(name) : in.get(oldName);
        return iterable(list);
    }

    private static List<JsonNode> iterable(JsonNode list) {
        List<JsonNode> items = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(items::add);
        }
        return items;
    }

    /** The value of the item with this role, or of the first item when none has it (ninjs roles are optional). */
    private static String role(JsonNode items, String role) {
        JsonNode item = byRole(items, role);
        return item == null ? "" : text(item, "value");
    }

    private static String roleOnly(JsonNode items, String role) {
        for (JsonNode item : iterable(items)) {
            if (role.equals(text(item, "role"))) {
                return text(item, "value");
            }
        }
        return "";
    }

    private static JsonNode byRole(JsonNode items, String role) {
        List<JsonNode> all = iterable(items);
        return all.stream().filter(item -> role.equals(text(item, "role"))).findFirst()
                .orElse(all.stream().filter(item -> !item.has("role")).findFirst().orElse(null));
    }

    private static String text(JsonNode in, String field) {
        JsonNode value = in == null ? null : in.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private static Integer number(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Integer.valueOf(value.asText().strip());
        } catch (NumberFormatException e) {
            throw new FormInvalidException(FormErrors.of("version", "version is the number a GET of the draft gave."));
        }
    }
}
