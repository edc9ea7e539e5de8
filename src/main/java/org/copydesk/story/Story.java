package org.copydesk.story;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import org.copydesk.people.StaffAccount;

/** A story: its copy, its people, its place in the paper and in the workflow. */
@Entity
public class Story extends PanacheEntity {

    public static final int HEADLINE_MAX = 200;
    public static final int STANDFIRST_MAX = 400;
    public static final int KICKER_MAX = 60;
    public static final int SLUG_MAX = 120;
    public static final int CREDIT_MAX = 200;
    public static final int IMAGE_TEXT_MAX = 400;
    public static final int DATELINE_PLACE_MAX = 80;
    public static final int LANGUAGE_MAX = 35;

    public String headline;

    public String standfirst;

    public String kicker;

    /**
     * Sanitised HTML (see {@link BodyHtml}); safe to render raw. Read only when used (Quarkus enhances the entity):
     * a list, a front page or a story's "More in" and related stories load their stories without their bodies, which
     * run to a megabyte each (two in memory, in Cyrillic or Arabic): sixteen story pages at once, each loading the
     * four newest of its section whole, ran out of heap (CrowdOnABigStoryIT).
     */
    @jakarta.persistence.Basic(fetch = FetchType.LAZY)
    public String body = "";

    public String slug;

    /**
     * The BCP 47 tag of the language the story is written in: the page's {@code lang} and {@code dir}, its words, its
     * search. Null only until a new story is first filled from its form.
     */
    public String language;

    /** The story this one was translated from (the original of its set), or null. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "translation_of")
    public Story translationOf;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "section_id")
    public Section section;

    @ElementCollection
    @CollectionTable(name = "story_byline", joinColumns = @JoinColumn(name = "story_id"))
    @OrderColumn(name = "position")
    public List<Byline> bylines = new ArrayList<>();

    /** Free-text credit after the bylines, e.g. "with agencies". */
    @Column(name = "credit_line")
    public String creditLine;

    /** The featured image, with its words: alt text (required with an image), caption and credit. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "featured_image_id")
    public org.copydesk.media.Image featuredImage;

    @Column(name = "featured_image_alt")
    public String featuredImageAlt;

    @Column(name = "featured_image_caption")
    public String featuredImageCaption;

    @Column(name = "featured_image_credit")
    public String featuredImageCredit;

    @ManyToMany
    @JoinTable(name = "story_tag", joinColumns = @JoinColumn(name = "story_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("name")
    public Set<Tag> tags = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "story_related", joinColumns = @JoinColumn(name = "story_id"),
            inverseJoinColumns = @JoinColumn(name = "related_story_id"))
    @OrderColumn(name = "position")
    public List<Story> related = new ArrayList<>();

    @Column(name = "dateline_place")
    public String datelinePlace;

    /** Null means "the day of first publication". */
    @Column(name = "dateline_date")
    public LocalDate datelineDate;

    @Column(name = "notes_to_editor")
    public String notesToEditor;

    @Enumerated(EnumType.STRING)
    public StoryState state = StoryState.DRAFT;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public StaffAccount createdBy;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "updated_by")
    public StaffAccount updatedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "first_published_at")
    public Instant firstPublishedAt;

    /** When a live story's update was last published; shown to readers as "Updated". */
    @Column(name = "last_published_at")
    public Instant lastPublishedAt;

    /** Set on a pending update: the live story it will replace when an editor presses Publish update. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "update_of")
    public Story updateOf;

    /** When a Scheduled story goes live (UTC). */
    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    /** The path the story was last public at; fixed at publication so links stay stable. */
    @Column(name = "public_path")
    public String publicPath;

    @OneToMany(mappedBy = "story")
    @OrderBy("createdAt, id")
    public List<StoryCorrection> corrections = new ArrayList<>();

    /**
     * The kind Live coverage: once published, staff post timestamped entries (live.LiveEntry) under its summary
     * until an editor ends it. Chosen when the story is made, or switched on by an editor.
     */
    public boolean live;

    /** When an editor ended the live coverage; null while it goes on. */
    @Column(name = "live_ended_at")
    public Instant liveEndedAt;

    /** Optimistic lock: a save based on an older version is refused rather than overwriting. */
    @Version
    public int version;

    /** The stories with these ids, in one query, by id (lists found by SQL of their own: search, author and tag pages). */
    public static java.util.Map<Long, Story> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return Story.<Story>list("id in ?1", ids).stream().collect(java.util.stream.Collectors.toMap(s -> s.id, s -> s));
    }

    /** The language the story is written in. */
    public org.copydesk.language.Language lang() {
        return org.copydesk.language.Languages.of(language);
    }

    public boolean isPublished() {
        return state == StoryState.PUBLISHED && updateOf == null;
    }

    public boolean isScheduled() {
        return state == StoryState.SCHEDULED;
    }

    /** Live coverage that has not been ended: entries may be posted once the story is published. */
    public boolean isLiveNow() {
        return live && liveEndedAt == null;
    }

    public boolean isPendingUpdate() {
        return updateOf != null;
    }

    public StoryWorkflow.Subject subject() {
        return new StoryWorkflow.Subject(state, updateOf != null);
    }

    /** The pending update of this live story, if one is being worked on. */
    public Long findPendingUpdateId() {
        Story update = findPendingUpdate();
        return update == null ? null : update.id;
    }

    public Story findPendingUpdate() {
        return updateOf != null ? null : Story.<Story>find("updateOf", this).firstResult();
    }

    /** The canonical public path, or null while the story has never been published. */
    public String url(ZoneId zone) {
        if (firstPublishedAt == null) {
            return null;
        }
        LocalDate day = firstPublishedAt.atZone(zone).toLocalDate();
        return String.format("/%s/%04d/%02d/%02d/%s", section.slug, day.getYear(), day.getMonthValue(),
                day.getDayOfMonth(), slug);
    }

    /** The dateline's date: as set, or else the day the story was first published. */
    public LocalDate datelineDay(ZoneId zone) {
        if (datelineDate != null) {
            return datelineDate;
        }
        return firstPublishedAt == null ? null : firstPublishedAt.atZone(zone).toLocalDate();
    }

    /** The bylines without a role line: who wrote the story (Atom's authors, JSON-LD's author). */
    public List<Byline> writerBylines() {
        return bylines.stream().filter(b -> !b.isContributor()).toList();
    }

    /** The bylines with a role line of their own ("Additional reporting by"): contributors, in that capacity. */
    public List<Byline> contributorBylines() {
        return bylines.stream().filter(Byline::isContributor).toList();
    }

    /** Related stories a reader may see: only the published ones, in the editor's order. */
    public List<Story> publishedRelated() {
        return related.stream().filter(s -> s != null && s.isPublished()).toList();
    }

    /**
     * The public page's times line after "Published": "Updated" when the live story was republished with changes,
     * "Corrected" (a link to the notice) when a correction was added; both when both happened.
     */
    public Instant updatedForReadersAt() {
        return wasUpdated() ? lastPublishedAt : null;
    }

    /** The latest correction notice, or null when there is none. */
    public StoryCorrection lastCorrection() {
        StoryCorrection last = null;
        for (StoryCorrection correction : corrections) {
            if (last == null || correction.createdAt.isAfter(last.createdAt)) {
                last = correction;
            }
        }
        return last;
    }

    /** When the public story last changed: its last publication, or a later correction (Last-Modified, dateModified). */
    public Instant lastChangedAt() {
        return lastChange(firstPublishedAt, lastPublishedAt, lastCorrectedAt());
    }

    /**
     * The one rule for a story's last public change, for whoever read the three times without the whole story (the
     * sitemap's projection, feeds that look up corrections for a page of stories at once): the last publication (or
     * the first, never updated), or a later correction. Null only when the story was never published.
     */
    public static Instant lastChange(Instant firstPublishedAt, Instant lastPublishedAt, Instant lastCorrectedAt) {
        Instant published = lastPublishedAt != null ? lastPublishedAt : firstPublishedAt;
        return lastCorrectedAt != null && (published == null || lastCorrectedAt.isAfter(published)) ? lastCorrectedAt : published;
    }

    /** The latest correction's time, or null when there is none. */
    private Instant lastCorrectedAt() {
        StoryCorrection last = lastCorrection();
        return last == null ? null : last.createdAt;
    }

    /** True when the live story was updated after it first went out. */
    public boolean wasUpdated() {
        return lastPublishedAt != null && firstPublishedAt != null && lastPublishedAt.isAfter(firstPublishedAt);
    }

    /**
     * Whether {@code other} holds the same story as this one: every word and choice an update could change
     * (a Save draft on a live story that changed nothing starts no pending update). Things not saved yet (a new
     * tag or author profile, having no id) count as changes.
     */
    public boolean sameContentAs(Story other) {
        return java.util.Objects.equals(headline, other.headline) && java.util.Objects.equals(standfirst, other.standfirst)
                && java.util.Objects.equals(kicker, other.kicker) && java.util.Objects.equals(body, other.body)
                && java.util.Objects.equals(slug, other.slug) && java.util.Objects.equals(language, other.language) && java.util.Objects.equals(idOf(section), idOf(other.section))
                && java.util.Objects.equals(creditLine, other.creditLine)
                && java.util.Objects.equals(datelinePlace, other.datelinePlace) && java.util.Objects.equals(datelineDate, other.datelineDate)
                && java.util.Objects.equals(notesToEditor, other.notesToEditor)
                && java.util.Objects.equals(featuredImage == null ? null : featuredImage.id, other.featuredImage == null ? null : other.featuredImage.id)
                && java.util.Objects.equals(featuredImageAlt, other.featuredImageAlt)
                && java.util.Objects.equals(featuredImageCaption, other.featuredImageCaption)
                && java.util.Objects.equals(featuredImageCredit, other.featuredImageCredit)
                && tags.stream().map(t -> t.id).toList().equals(other.tags.stream().map(t -> t.id).toList()) && !tags.stream().anyMatch(t -> t.id == null)
                && related.stream().map(r -> r.id).toList().equals(other.related.stream().map(r -> r.id).toList())
                && bylines.stream().map(b -> b.author.id + "\u0000" + b.roleLine).toList()
                        .equals(other.bylines.stream().map(b -> b.author.id + "\u0000" + b.roleLine).toList())
                && !other.bylines.stream().anyMatch(b -> b.author.id == null) && !other.tags.stream().anyMatch(t -> t.id == null);
    }

    private static Long idOf(Section section) {
        return section == null ? null : section.id;
    }

    /** True when a live story other than {@code exceptId} already uses the slug (pending updates don't count). */
    public static boolean slugTaken(String slug, Long exceptId) {
        return exceptId == null
                ? count("slug = ?1 and updateOf is null", slug) > 0
                : count("slug = ?1 and updateOf is null and id <> ?2", slug, exceptId) > 0;
    }
}
