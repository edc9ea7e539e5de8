package org.copydesk.live;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.copydesk.media.Image;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.StaffAccount;
import org.copydesk.publishing.PublicChange;
import org.copydesk.publishing.Publication;
import org.copydesk.story.BodyHtml;
import org.copydesk.story.Story;
import org.copydesk.story.WorkflowRefusedException;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Text;

/**
 * A live story's coverage: entries posted, corrected and deleted, the coverage started and ended. Each change is
 * announced through {@link Publication} in its transaction, so the page cache, the audit log and every node's
 * readers ({@link LiveStreams}) learn of it once it commits.
 * <p>
 * Each change holds its story's row locked and takes the next {@code live_change_seq} under that lock: on one story
 * the numbers commit in the order they are taken, so a reader who has every change up to n never misses one
 * numbered below n committed later. The lock is not a version bump: nobody editing the story's text is disturbed.
 */
@ApplicationScoped
public class LiveCoverage {

    /** Entries on the page; older ones are in the entries' feed and the desk (a day's coverage is far fewer). */
    public static final int ON_PAGE = 200;

    @Inject
    Publication publication;

    @Inject
    Clock clock;

    @Transactional
    public LiveEntry post(long storyId, EntryForm form, StaffAccount actor) {
        Story story = locked(storyId);
        WorkflowRefusedException.unless(LiveRules.refusesEntries(story));
        Checked checked = check(form, false);
        LiveEntry entry = new LiveEntry();
        entry.story = story;
        entry.storyId = story.id;
        entry.postedBy = actor;
        entry.postedAt = Instant.now(clock);
        fill(entry, checked);
        entry.changeSeq = nextSeq();
        entry.persist();
        publication.announce(PublicChange.ofLiveCoverage(PublicChange.Kind.LIVE_ENTRY_POSTED, story.id, actor.id,
                LiveEntryView.shortened(BodyHtml.toPlainText(entry.body))));
        return entry;
    }

    /**
     * Corrects an entry: its text, byline or image changed after it was posted is shown as corrected, with what
     * readers are told of it; marking it a key event (or not) alone is not a correction. The text before goes to the
     * audit log.
     */
    @Transactional
    public LiveEntry correct(long storyId, long entryId, EntryForm form, StaffAccount actor) {
        Story story = locked(storyId);
        LiveEntry entry = entryOf(story, entryId);
        WorkflowRefusedException.unless(LiveRules.refusesChange(actor, entry));
        Checked checked = check(form, true);
        String before = BodyHtml.toPlainText(entry.body);
        boolean changed = !checked.body().equals(entry.body) || !same(checked.author(), entry.author)
                || !same(checked.image(), entry.image) || !checked.imageAlt().equals(orEmpty(entry.imageAlt))
                || !checked.imageCaption().equals(orEmpty(entry.imageCaption))
                || !checked.imageCredit().equals(orEmpty(entry.imageCredit));
        if (!changed && checked.keyEvent() == entry.keyEvent) {
            return entry;
        }
        fill(entry, checked);
        if (changed) {
            entry.correctedAt = Instant.now(clock);
            entry.correction = checked.correction();
        }
        entry.changeSeq = nextSeq();
        publication.announce(PublicChange.ofLiveCoverage(PublicChange.Kind.LIVE_ENTRY_CORRECTED, story.id, actor.id,
                changed ? "Was: " + cut(before, 2000) : (entry.keyEvent ? "Marked a key event" : "No longer a key event")));
        return entry;
    }

    @Transactional
    public void delete(long storyId, long entryId, StaffAccount actor) {
        Story story = locked(storyId);
        LiveEntry entry = entryOf(story, entryId);
        WorkflowRefusedException.unless(LiveRules.refusesChange(actor, entry));
        entry.deletedAt = Instant.now(clock);
        entry.deletedBy = actor;
        entry.changeSeq = nextSeq();
        publication.announce(PublicChange.ofLiveCoverage(PublicChange.Kind.LIVE_ENTRY_DELETED, story.id, actor.id,
                "Deleted: " + cut(BodyHtml.toPlainText(entry.body), 2000)));
    }

    /** An editor makes the story live coverage (again, if it had ended). */
    @Transactional
    public void start(long storyId, StaffAccount actor) {
        Story story = locked(storyId);
        WorkflowRefusedException.unless(LiveRules.refusesStart(actor, story));
        // A bulk update: the story's version stays, so whoever is editing its text is not told it changed.
        Story.update("live = true, liveEndedAt = null where id = ?1", story.id);
        publication.announce(PublicChange.ofLiveCoverage(PublicChange.Kind.LIVE_STARTED, story.id, actor.id, null));
    }

    @Transactional
    public void end(long storyId, StaffAccount actor) {
        Story story = locked(storyId);
        WorkflowRefusedException.unless(LiveRules.refusesEnd(actor, story));
        Story.update("liveEndedAt = ?1 where id = ?2", Instant.now(clock), story.id);
        publication.announce(PublicChange.ofLiveCoverage(PublicChange.Kind.LIVE_ENDED, story.id, actor.id, null));
    }

    /** The entries readers see, newest first, at most {@link #ON_PAGE}. Part of the caller's transaction. */
    public List<LiveEntryView> shown(long storyId) {
        return LiveEntry.<LiveEntry>find("from LiveEntry e left join fetch e.author left join fetch e.image "
                + "where e.storyId = ?1 and e.deletedAt is null order by e.postedAt desc, e.id desc", storyId)
                .page(0, ON_PAGE).list().stream().map(LiveEntryView::of).toList();
    }

    /** The entries for the desk, newest first, the deleted ones too (marked); the newest {@link #ON_PAGE}. */
    public List<LiveEntry> forDesk(long storyId) {
        return LiveEntry.<LiveEntry>find("from LiveEntry e left join fetch e.author left join fetch e.postedBy "
                + "where e.storyId = ?1 order by e.postedAt desc, e.id desc", storyId).page(0, ON_PAGE).list();
    }

    /** Changes after {@code seq}, in the order they were made (deleted entries included, as such). */
    public List<LiveEntryView> changesAfter(long storyId, long seq, int limit) {
        return LiveEntry.<LiveEntry>find("from LiveEntry e left join fetch e.author left join fetch e.image "
                + "where e.storyId = ?1 and e.changeSeq > ?2 order by e.changeSeq", storyId, seq)
                .page(0, limit).list().stream().map(LiveEntryView::of).toList();
    }

    /** The characters of the entries the page shows: a live story's page weighs its body and these (site.BigStoryTurns). */
    public int shownLength(long storyId) {
        Number chars = (Number) LiveEntry.getEntityManager().createNativeQuery("select coalesce(sum(length(body)), 0) from "
                + "(select body from live_entry where story_id = ?1 and deleted_at is null order by posted_at desc, id desc "
                + "limit " + ON_PAGE + ") shown").setParameter(1, storyId).getSingleResult();
        return chars.intValue();
    }

    /**
     * The story's last change: its number (0 when none; a page rendered now has every change up to it) and when it was
     * made for readers (an entry posted, corrected or deleted; null when none). One row, read by the change index.
     */
    public record LastChange(long seq, Instant at) {
    }

    /**
     * When a live story last changed for its readers: its own last change, or later, the last change of an entry
     * ({@link LastChange#at}) or the end of its coverage. Null only when all three are.
     */
    public static Instant changedAt(Instant storyChanged, Instant lastEntryChange, Instant endedAt) {
        Instant changed = storyChanged;
        for (Instant later : new Instant[] {lastEntryChange, endedAt}) {
            if (later != null && (changed == null || later.isAfter(changed))) {
                changed = later;
            }
        }
        return changed;
    }

    public LastChange lastChange(long storyId) {
        List<LiveEntry> last = LiveEntry.<LiveEntry>find("storyId = ?1 order by changeSeq desc", storyId).page(0, 1).list();
        return last.isEmpty() ? new LastChange(0, null) : new LastChange(last.get(0).changeSeq, last.get(0).changedAt());
    }

    public Optional<LiveEntry> entry(long storyId, long entryId) {
        return LiveEntry.<LiveEntry>findByIdOptional(entryId).filter(e -> e.storyId == storyId);
    }

    private static LiveEntry entryOf(Story story, long entryId) {
        LiveEntry entry = LiveEntry.findById(entryId);
        if (entry == null || entry.storyId != story.id) {
            throw new NotFoundException();
        }
        return entry;
    }

    private static Story locked(long storyId) {
        Story story = Story.findById(storyId, LockModeType.PESSIMISTIC_WRITE);
        if (story == null) {
            throw new NotFoundException();
        }
        return story;
    }

    private static long nextSeq() {
        return ((Number) LiveEntry.getEntityManager().createNativeQuery("select nextval('live_change_seq')")
                .getSingleResult()).longValue();
    }

    /** The form as it will be stored, every field checked. */
    private record Checked(String body, boolean keyEvent, AuthorProfile author, Image image, String imageAlt,
                           String imageCaption, String imageCredit, String correction) {
    }

    private static Checked check(EntryForm form, boolean correcting) {
        FormErrors errors = new FormErrors();
        String body = BodyHtml.fromInput(form.entry());
        if (BodyHtml.toPlainText(body).isBlank() && !body.contains("<img")) {
            errors.add("entry", "Write the entry");
        } else if (Text.length(form.entry()) > LiveEntry.BODY_MAX) {
            errors.add("entry", "An entry must be " + LiveEntry.BODY_MAX + " characters or fewer: post the rest as another entry");
        }
        errors.storable("entry", form.entry());
        AuthorProfile author = form.authorId() == null ? null : AuthorProfile.findById(form.authorId());
        if (form.authorId() != null && author == null) {
            errors.add("author", "That author profile no longer exists: choose another byline");
        }
        Image image = null;
        if (form.hasImage()) {
            image = Image.findByKey(form.imageKey().strip()).orElse(null);
            if (image == null) {
                errors.add("imageFile", "The image was not found: choose the file again");
            } else if (Text.clean(form.imageAlt()) == null) {
                errors.add("imageAlt", "Describe the image for readers who cannot see it (alt text)");
            }
            imageText(errors, "imageAlt", "Alt text", form.imageAlt());
            imageText(errors, "imageCaption", "Caption", form.imageCaption());
            imageText(errors, "imageCredit", "Credit", form.imageCredit());
        }
        String correction = correcting ? Text.clean(form.correction()) : null;
        if (correction != null) {
            errors.singleLine("correction", "The correction note", correction);
            if (Text.length(correction) > LiveEntry.CORRECTION_MAX) {
                errors.add("correction", "A correction note must be " + LiveEntry.CORRECTION_MAX + " characters or fewer");
            }
        }
        if (errors.any()) {
            throw new FormInvalidException(errors.inOrder(EntryForm.FIELDS_ON_PAGE));
        }
        boolean withImage = image != null;
        return new Checked(body, form.keyEvent(), author, image, withImage ? orEmpty(Text.clean(form.imageAlt())) : "",
                withImage ? orEmpty(Text.clean(form.imageCaption())) : "", withImage ? orEmpty(Text.clean(form.imageCredit())) : "",
                correction);
    }

    private static void imageText(FormErrors errors, String field, String label, String value) {
        errors.singleLine(field, label, value);
        if (Text.length(value) > Story.IMAGE_TEXT_MAX) {
            errors.add(field, label + " must be " + Story.IMAGE_TEXT_MAX + " characters or fewer");
        }
    }

    private static void fill(LiveEntry entry, Checked checked) {
        entry.body = checked.body();
        entry.keyEvent = checked.keyEvent();
        entry.author = checked.author();
        entry.image = checked.image();
        entry.imageAlt = blankToNull(checked.imageAlt());
        entry.imageCaption = blankToNull(checked.imageCaption());
        entry.imageCredit = blankToNull(checked.imageCredit());
    }

    /** Text for an audit note, at most {@code max} characters. */
    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static boolean same(Object a, Object b) {
        return a == b || (a != null && a.equals(b));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
