package org.copydesk.distribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.live.LiveCoverage;
import org.copydesk.live.LiveEntryView;
import org.copydesk.media.Image;
import org.copydesk.site.AbsoluteLinks;
import org.copydesk.site.PageLanguage;
import org.copydesk.site.SiteInfo;
import org.copydesk.site.StoryViews;
import org.copydesk.story.BodyHtml;
import org.copydesk.story.Byline;
import org.copydesk.story.Story;
import org.copydesk.story.StoryCorrection;
import org.copydesk.story.Tag;
import org.copydesk.story.TranslationSet;
import org.copydesk.web.PublicAddress;
import org.copydesk.web.Times;

/**
 * A story as IPTC ninjs 2.0 (the news industry's JSON: https://iptc.org/standards/ninjs/), for the read API, the
 * webhooks' payloads and whoever else takes our copy by machine. ninjs 2.0 names what 1.x called headline,
 * description_text, body_html, subject and person as arrays with roles: {@code headlines}, {@code descriptions},
 * {@code bodies}, {@code subjects}, {@code people}. Fields are written in one fixed order (LinkedHashMap), so the
 * same story gives the same bytes on every node (its ETag). docs/api.md maps every field to the story.
 */
@ApplicationScoped
public class NinjsStories {

    /** The ninjs version written, and its schema, named in every document ({@code standard}). */
    public static final String VERSION = "2.0";
    public static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json";

    /** What a list gives of each story: everything but its bodies (a list of a hundred megabyte stories would not fit). */
    public enum Representation { FULL, PARTIAL }

    @Inject
    ObjectMapper json;

    @Inject
    SiteInfo site;

    @Inject
    PublicAddress address;

    @Inject
    LiveCoverage live;

    /** Entries of a live story a whole story carries (its page shows up to 200; JSON-LD's liveBlogUpdate 50). */
    static final int LIVE_ENTRIES = 50;

    /** The story as ninjs, JSON, with addresses on the configured public address (webhooks: no request to go by). */
    public String json(Story story) {
        return write(of(story, address.baseWithoutRequest(), Representation.FULL));
    }

    /** The story as ninjs. {@code base} is the site's absolute address, without a trailing slash. */
    public Map<String, Object> of(Story story, String base, Representation representation) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("uri", uri(story, base));
        item.put("standard", standard());
        item.put("type", "text");
        item.put("representationtype", representation == Representation.FULL ? "full" : "partial");
        item.put("version", String.valueOf(story.version));
        item.put("firstcreated", Times.iso(story.createdAt));
        LiveCoverage.LastChange liveChange = isLiveCoverage(story) ? live.lastChange(story.id) : null;
        // A live story changes with its entries (posted, corrected, deleted) and when its coverage ends.
        item.put("versioncreated", Times.iso(LiveCoverage.changedAt(changedAt(story), liveChange == null ? null : liveChange.at(),
                story.liveEndedAt)));
        if (story.firstPublishedAt != null) {
            item.put("contentcreated", Times.iso(story.firstPublishedAt));
        }
        item.put("pubstatus", story.isPublished() ? "usable" : "withheld");
        item.put("language", story.lang().tag());
        item.put("headlines", headlines(story));
        if (isLiveCoverage(story)) {
            item.put("genres", List.of(liveGenre(story)));
        }
        if (story.standfirst != null && !story.standfirst.isBlank()) {
            item.put("descriptions", List.of(text("summary", "text/plain", story.standfirst)));
        }
        String url = StoryViews.url(story);
        if (representation == Representation.FULL) {
            item.put("bodies", bodies(story, url == null ? base + "/" : base + url));
        }
        String by = by(story);
        if (!by.isEmpty()) {
            item.put("by", by);
        }
        if (!story.bylines.isEmpty()) {
            item.put("people", people(story, base));
        }
        if (story.datelinePlace != null && !story.datelinePlace.isBlank()) {
            item.put("located", story.datelinePlace.strip());
        }
        item.put("subjects", subjects(story, base));
        if (url != null && story.isPublished()) {
            Map<String, Object> web = new LinkedHashMap<>();
            web.put("name", "web");
            web.put("href", base + url);
            web.put("contenttype", "text/html");
            item.put("renditions", List.of(web));
        }
        List<Map<String, Object>> associations = associations(story, base, representation);
        if (representation == Representation.FULL && isLiveCoverage(story) && url != null) {
            String page = base + url;
            live.shown(story.id).stream().limit(LIVE_ENTRIES).forEach(entry -> associations.add(liveEntry(entry, story, base, page)));
        }
        if (!associations.isEmpty()) {
            item.put("associations", associations);
        }
        item.put("altids", List.of(altid("copydesk-id", String.valueOf(story.id)),
                altid("slug", story.slug == null ? "" : story.slug)));
        if (site.settings().siteName() != null) {
            item.put("copyrightholder", site.settings().siteName());
        }
        return item;
    }

    /** Where the story lives in the API, for good: its public address changes with its slug, its id never. */
    public static String uri(Story story, String base) {
        return base + ApiPaths.story(story.id);
    }

    /** When the story last changed for its readers (a correction included), or, never published, when it was saved. */
    public static java.time.Instant changedAt(Story story) {
        java.time.Instant changed = story.lastChangedAt();
        return changed != null ? changed : story.updatedAt != null ? story.updatedAt : story.createdAt;
    }

    /** A published story of the kind Live coverage: its entries are part of it. */
    private static boolean isLiveCoverage(Story story) {
        return story.live && story.isPublished();
    }

    /** The genre that tells a partner this is live coverage: "live" while it goes on, "live-ended" after. */
    private static Map<String, Object> liveGenre(Story story) {
        Map<String, Object> genre = new LinkedHashMap<>();
        genre.put("name", story.isLiveNow() ? "Live coverage" : "Live coverage (ended)");
        genre.put("literal", story.isLiveNow() ? "live" : "live-ended");
        return genre;
    }

    /**
     * One entry of a live story, newest first, as an associated text item ("live-entry-{id}"): its time, text (with
     * its correction as a body of its own, as the story's), byline, picture and address on the page; a key event has
     * the genre "key-event". ninjs has no live blog of its own; each of its associations may be a whole news object.
     */
    private static Map<String, Object> liveEntry(LiveEntryView entry, Story story, String base, String page) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", "live-entry-" + entry.id());
        item.put("uri", uri(story, base) + "#" + entry.anchor());
        item.put("type", "text");
        item.put("representationtype", "full");
        item.put("firstcreated", Times.iso(entry.postedAt()));
        item.put("versioncreated", Times.iso(entry.changedAt()));
        item.put("pubstatus", "usable");
        item.put("language", story.lang().tag());
        if (entry.keyEvent()) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("name", "Key event");
            key.put("literal", "key-event");
            item.put("genres", List.of(key));
        }
        item.put("headlines", List.of(text("summary", "text/plain", entry.summary())));
        List<Map<String, Object>> bodies = new ArrayList<>();
        bodies.add(text("main", "text/html", AbsoluteLinks.in(entry.bodyHtml(), page)));
        if (entry.isCorrected() && entry.correction() != null && !entry.correction().isBlank()) {
            bodies.add(text("correction", "text/html", "<p><time datetime=\"" + Times.iso(entry.correctedAt()) + "\">"
                    + Times.iso(entry.correctedAt()) + "</time> " + org.jsoup.nodes.Entities.escape(entry.correction()) + "</p>"));
        }
        item.put("bodies", bodies);
        if (entry.authorName() != null) {
            item.put("by", entry.authorName());
        }
        Map<String, Object> web = new LinkedHashMap<>();
        web.put("name", "web");
        web.put("href", page + "#" + entry.anchor());
        web.put("contenttype", "text/html");
        item.put("renditions", List.of(web));
        if (entry.image() != null) {
            item.put("associations", List.of(picture(entry.image(), entry.imageAlt(), entry.imageCaption(), entry.imageCredit(), base)));
        }
        return item;
    }

    public String write(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> standard() {
        Map<String, Object> standard = new LinkedHashMap<>();
        standard.put("name", "ninjs");
        standard.put("version", VERSION);
        standard.put("schema", SCHEMA);
        return standard;
    }

    private static List<Map<String, Object>> headlines(Story story) {
        List<Map<String, Object>> headlines = new ArrayList<>();
        headlines.add(text("main", "text/plain", story.headline == null ? "" : story.headline));
        if (story.kicker != null && !story.kicker.isBlank()) {
            headlines.add(text("kicker", "text/plain", story.kicker));
        }
        return headlines;
    }

    /**
     * The body as the story page has it (responsive images, every link and image address absolute), and each
     * correction notice as a body of its own (role "correction"), its time in a {@code <time>} element: ninjs 2.0
     * has no field for corrections, and a partner showing the story must show its corrections with it.
     */
    private static List<Map<String, Object>> bodies(Story story, String pageUrl) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        String html = AbsoluteLinks.in(BodyHtml.withResponsiveImages(story.body), pageUrl);
        Map<String, Object> main = text("main", "text/html", html == null ? "" : html);
        main.put("wordcount", BodyHtml.wordCount(story.body));
        bodies.add(main);
        for (StoryCorrection correction : story.corrections) {
            String notice = "<p><time datetime=\"" + Times.iso(correction.createdAt) + "\">" + Times.iso(correction.createdAt)
                    + "</time> " + org.jsoup.nodes.Entities.escape(correction.text) + "</p>";
            bodies.add(text("correction", "text/html", notice));
        }
        return bodies;
    }

    /** The byline as the page sets it, in the story's language: "By A and B; Additional reporting by C", then the credit. */
    private static String by(Story story) {
        StringBuilder by = new StringBuilder();
        var language = story.lang();
        for (int i = 0; i < story.bylines.size(); i++) {
            Byline byline = story.bylines.get(i);
            if (byline.isContributor()) {
                by.append(byline.roleLine.strip()).append(' ');
            } else if (i == 0) {
                by.append(PageLanguage.words(language).by()).append(' ');
            }
            by.append(byline.author.name).append(StoryViews.bylineJoiner(story, i, language.locale()));
        }
        if (story.creditLine != null && !story.creditLine.isBlank()) {
            by.append(by.isEmpty() ? "" : ", ").append(story.creditLine.strip());
        }
        return by.toString();
    }

    /** Who wrote it ({@code rel} "author") and who contributed in what capacity ({@code rel} the role line as typed). */
    private static List<Map<String, Object>> people(Story story, String base) {
        List<Map<String, Object>> people = new ArrayList<>();
        for (Byline byline : story.bylines) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("name", byline.author.name);
            person.put("rel", byline.isContributor() ? byline.roleLine.strip() : "author");
            person.put("uri", base + ApiPaths.author(byline.author.slug));
            person.put("literal", byline.author.slug);
            people.add(person);
        }
        return people;
    }

    /** The section ({@code rel} "section") and the tags ({@code rel} "tag"), each with its API address and slug. */
    private static List<Map<String, Object>> subjects(Story story, String base) {
        List<Map<String, Object>> subjects = new ArrayList<>();
        subjects.add(subject(story.section.name, "section", base + ApiPaths.stories() + "?section=" + story.section.slug,
                story.section.slug));
        for (Tag tag : story.tags) {
            subjects.add(subject(tag.name, "tag", base + ApiPaths.stories() + "?tag=" + tag.slug, tag.slug));
        }
        return subjects;
    }

    /**
     * The featured picture ("featureimage", with its renditions, alt text, caption and credit), the related stories
     * ("related-1", ...) and the translations ("translation-ar", ...), as the page links them: published ones only.
     * A list's partial stories carry the picture only (a teaser shows it): finding each story's translations is a
     * query of its own, and a page of a hundred would make a hundred; the whole story has them all.
     */
    private static List<Map<String, Object>> associations(Story story, String base, Representation representation) {
        List<Map<String, Object>> associations = new ArrayList<>();
        if (story.featuredImage != null) {
            associations.add(picture(story, base));
        }
        if (representation == Representation.PARTIAL) {
            return associations;
        }
        int position = 1;
        for (Story related : story.publishedRelated()) {
            associations.add(reference("related-" + position++, related, base));
        }
        TranslationSet translations = TranslationSet.of(story);
        for (Story translation : translations.publishedOtherThan(story)) {
            associations.add(reference("translation-" + translation.lang().tag(), translation, base));
        }
        return associations;
    }

    private static Map<String, Object> picture(Story story, String base) {
        return picture(story.featuredImage, story.featuredImageAlt, story.featuredImageCaption, story.featuredImageCredit, base);
    }

    private static Map<String, Object> picture(Image image, String alt, String caption, String credit, String base) {
        Map<String, Object> picture = new LinkedHashMap<>();
        picture.put("name", "featureimage");
        picture.put("uri", base + image.src());
        picture.put("type", "picture");
        if (caption != null && !caption.isBlank()) {
            picture.put("headlines", List.of(text("caption", "text/plain", caption)));
        }
        if (alt != null && !alt.isBlank()) {
            picture.put("descriptions", List.of(text("alt", "text/plain", alt)));
        }
        if (credit != null && !credit.isBlank()) {
            picture.put("by", credit);
        }
        List<Map<String, Object>> renditions = new ArrayList<>();
        for (int width : image.widths()) {
            Map<String, Object> rendition = new LinkedHashMap<>();
            rendition.put("name", width + "w");
            rendition.put("href", base + image.url(width));
            rendition.put("contenttype", "image/" + ("jpg".equals(image.extension()) ? "jpeg" : image.extension()));
            rendition.put("width", width);
            rendition.put("height", image.heightAt(width));
            renditions.add(rendition);
        }
        picture.put("renditions", renditions);
        return picture;
    }

    /** Another story, named by its API address with enough to show a link: headline, language, time, page. */
    private static Map<String, Object> reference(String name, Story other, String base) {
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("name", name);
        reference.put("uri", uri(other, base));
        reference.put("type", "text");
        reference.put("representationtype", "partial");
        reference.put("language", other.lang().tag());
        reference.put("versioncreated", Times.iso(changedAt(other)));
        reference.put("headlines", List.of(text("main", "text/plain", other.headline)));
        Map<String, Object> web = new LinkedHashMap<>();
        web.put("name", "web");
        web.put("href", base + StoryViews.url(other));
        web.put("contenttype", "text/html");
        reference.put("renditions", List.of(web));
        return reference;
    }

    private static Map<String, Object> text(String role, String contentType, String value) {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("role", role);
        text.put("contenttype", contentType);
        text.put("value", value);
        return text;
    }

    private static Map<String, Object> subject(String name, String rel, String uri, String literal) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("name", name);
        subject.put("rel", rel);
        subject.put("uri", uri);
        subject.put("literal", literal);
        return subject;
    }

    private static Map<String, Object> altid(String role, String value) {
        Map<String, Object> altid = new LinkedHashMap<>();
        altid.put("role", role);
        altid.put("value", value);
        return altid;
    }
}
