package org.copydesk.story;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

import org.copydesk.people.AuthorProfile;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.people.StaffService;
import org.copydesk.publishing.Publication;
import org.copydesk.publishing.PublicChange;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Newsroom;
import org.copydesk.web.Slugs;
import org.copydesk.web.Text;
import org.copydesk.web.Times;
import org.jboss.logging.Logger;

/**
 * Saving stories from the form and moving them through the workflow. What follows from a save or a move is
 * told, not called: a change readers see is announced through {@link Publication}; the rest is fired as the
 * story's own events ({@link StoryEdited}, {@link StoryMoved}, {@link UpdateFolded}, {@link StoryStored}) that
 * revisions, the audit log and search observe from above.
 */
@ApplicationScoped
@Transactional
public class StoryService {

    private static final Logger LOG = Logger.getLogger(StoryService.class);

    /** Body limit in characters; the HTTP layer refuses larger forms before they get here. */
    public static final int BODY_MAX = 1_000_000;

    /**
     * The body as sent, markup and all: room for a full story's paragraphs, links and lists (a million characters
     * of text in paragraphs is about 1.03 million with its markup), bounded so tags that show nothing cannot grow
     * a body without end.
     */
    public static final int BODY_MARKUP_MAX = 2_000_000;

    @Inject
    StaffService staff;

    @Inject
    Publication publication;

    @Inject
    Event<StoryEdited> edited;

    @Inject
    Event<StoryMoved> moved;

    @Inject
    Event<UpdateFolded> folded;

    @Inject
    Event<StoryStored> stored;

    @Inject
    Event<StoryCommented> commented;

    @Inject
    Event<ScheduledPublicationFailed> publicationFailed;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    private Story create(StoryForm form, StaffAccount actor, FormErrors workflowErrors) {
        Story story = new Story();
        story.createdBy = actor;
        story.createdAt = Instant.now(clock);
        story.state = StoryState.DRAFT;
        // The kind is chosen when the story is made; afterwards an editor switches it on (live.LiveCoverage).
        story.live = form.live();
        apply(form, story, actor, workflowErrors);
        story.persist();
        edited.fire(new StoryEdited(story, actor));
        return story;
    }

    /**
     * Saves the form (a new story when {@code id} is null) and, when a workflow button was pressed,
     * moves the story on, all in one transaction: either both happen or neither. Saving a live story
     * saves its pending update instead; the live page does not change. Returns the story the desk
     * should show next. The workflow is asked once, here, before anything is written: may this person
     * save, and make the move.
     */
    public Story save(Long id, StoryForm form, StaffAccount actor, StoryAction action) {
        Story existing = id == null ? null : load(id);
        // A move made with the form is decided for the story the form is saved over: a live story's form is saved
        // over its pending update, so moves of a live story have buttons of their own (act), never the form's.
        if (action != null && (!action.savesTheForm() || (existing != null && existing.isPublished()))) {
            throw new WorkflowRefusedException("Use the button of its own for " + action.label() + ".");
        }
        StoryWorkflow.Decision decision = StoryWorkflow.decideSave(subjectOf(existing), actorOf(actor, existing), action,
                form.comment());
        if (decision instanceof StoryWorkflow.Refused refused) {
            throw new WorkflowRefusedException(refused.reason());
        }
        // A comment the move needs is asked for beside its field, with whatever else the form lacks.
        FormErrors workflowErrors = decision instanceof StoryWorkflow.NeedsComment needs
                ? FormErrors.of(needs.field(), needs.message()) : FormErrors.none();
        Story story = existing == null ? create(form, actor, workflowErrors) : update(existing, form, actor, workflowErrors);
        if (story == existing && existing.isPublished()) {
            return existing; // a live story saved with nothing changed: nothing was stored
        }
        Story shown = action != null
                ? move(story, action, ((StoryWorkflow.Allowed) decision).to(), actor, form.comment(), form.scheduleAt())
                : story;
        stored.fire(new StoryStored(shown));
        return shown;
    }

    /**
     * Translate: a new draft in another language, linked to the story's set of translations, for the translator to
     * write over. It starts as a copy of the story (words to translate, same section, bylines, tags, dateline, image)
     * with the related stories that have a version in that language, and an address of its own; it then follows the
     * workflow like any draft. Refused, with the reason, when the set already has a version in that language.
     */
    public Story translate(long id, String languageTag, StaffAccount actor) {
        Story loaded = load(id);
        Story source = loaded.updateOf != null ? loaded.updateOf : loaded;
        org.copydesk.language.Language language = org.copydesk.language.Languages.parse(languageTag)
                .orElseThrow(() -> new FormInvalidException("translateTo", "Choose the language to translate the story into"));
        TranslationSet set = TranslationSet.of(source);
        java.util.Optional<Story> existing = set.inLanguage(language.tag());
        if (existing.isPresent()) {
            throw new FormInvalidException("translateTo", "This story already has a version in " + language.englishName()
                    + ": “" + existing.get().headline + "”");
        }
        StoryForm.Builder form = StoryForm.fromStory(source, Newsroom.zone()).toBuilder();
        form.id = null;
        form.version = null;
        form.language = language.tag();
        String base = Slugs.of(source.headline, Story.SLUG_MAX - 8);
        form.slug = Slugs.unique((base.isEmpty() ? "story" : base) + "-" + language.tag().toLowerCase(java.util.Locale.ROOT),
                Story.SLUG_MAX, s -> Story.slugTaken(s, null));
        form.related = new ArrayList<>();
        for (Story related : source.related) {
            TranslationSet.of(related).inLanguage(language.tag()).ifPresent(r ->
                    form.related.add(new StoryForm.RelatedRow(r.id, r.headline, r.state.label())));
        }
        form.action = "save";
        Story draft = save(null, form.build(), actor, null);
        draft.translationOf = set.original();
        return draft;
    }

    /**
     * How a story brought in from another system (the WordPress import) is to stand: a draft, published at its
     * original time (which its address and dateline then carry), or scheduled for a time to come.
     */
    public record ImportedAs(StoryState state, Instant at) {
        public static ImportedAs draft() {
            return new ImportedAs(StoryState.DRAFT, null);
        }

        public static ImportedAs publishedAt(Instant at) {
            return new ImportedAs(StoryState.PUBLISHED, at);
        }

        public static ImportedAs scheduledFor(Instant at) {
            return new ImportedAs(StoryState.SCHEDULED, at);
        }
    }

    /** What an import did with a story: made it, changed it, or found it as it was. */
    public record ImportResult(Story story, boolean created, boolean changed, String note) {
    }

    /**
     * Saves a story brought in from another system, by {@code actor} (the admin importing), through the same rules
     * as the form: a new story (when {@code id} is null or names no story) or the one imported before. It then
     * stands as {@code as} says, as an editor's Publish would leave it but at the original time: published with
     * {@code first_published_at} that time (its address, dateline and place in lists and feeds follow from it),
     * announced through {@link Publication} and recorded in the audit log with the importer as the actor. A story
     * imported before and published here is changed in place (its live page changes, its path too if the slug or
     * section did, the old one answering 301) and announced as an update; one unpublished here, or with an update
     * pending on the desk, is left alone, with the reason in the result's note. Bad content is refused as the form
     * refuses it ({@link FormInvalidException}).
     */
    public ImportResult saveImported(Long id, StoryForm form, StaffAccount actor, ImportedAs as, String comment) {
        Story existing = id == null ? null : Story.findById(id);
        if (existing != null && existing.updateOf != null) {
            existing = existing.updateOf;
        }
        if (existing != null) {
            if (existing.state == StoryState.UNPUBLISHED) {
                return new ImportResult(existing, false, false, "unpublished here since it was imported: left as it is");
            }
            if (existing.isPublished() && existing.findPendingUpdate() != null) {
                return new ImportResult(existing, false, false, "an update of it is pending on the desk: left as it is");
            }
            if (existing.isPublished() && as.state() != StoryState.PUBLISHED) {
                return new ImportResult(existing, false, false, "published here, not there: left as it is");
            }
            Story probe = new Story();
            probe.language = existing.language;
            FormErrors errors = problems(form, existing, FormErrors.none());
            if (errors.any()) {
                throw new FormInvalidException(errors);
            }
            fill(form, probe, false);
            probe.notesToEditor = Text.clean(form.notesToEditor());
            // The same tags in another order are the same tags (a story's are listed by name).
            if (probe.tags.stream().noneMatch(t -> t.id == null) && probe.tags.size() == existing.tags.size()
                    && probe.tags.stream().map(t -> t.id).collect(java.util.stream.Collectors.toSet())
                            .equals(existing.tags.stream().map(t -> t.id).collect(java.util.stream.Collectors.toSet()))) {
                probe.tags = new LinkedHashSet<>(existing.tags);
            }
            boolean sameState = as.state() == StoryState.DRAFT || existing.state == as.state();
            if (probe.sameContentAs(existing) && sameState) {
                return new ImportResult(existing, false, false, null);
            }
            StoryState from = existing.state;
            apply(form, existing, actor, FormErrors.none());
            edited.fire(new StoryEdited(existing, actor));
            if (existing.isPublished()) {
                movePublicPath(existing);
                publication.announce(PublicChange.ofImportedStory(PublicChange.Kind.PUBLISH_UPDATE, existing.id, actor.id,
                        from.name(), from.name(), Text.clean(comment)));
            } else {
                standAs(existing, as, actor, comment);
            }
            stored.fire(new StoryStored(existing));
            return new ImportResult(existing, false, true, null);
        }
        Story story = create(form, actor, FormErrors.none());
        standAs(story, as, actor, comment);
        stored.fire(new StoryStored(story));
        return new ImportResult(story, true, true, null);
    }

    private void standAs(Story story, ImportedAs as, StaffAccount actor, String comment) {
        StoryState from = story.state;
        Instant now = Instant.now(clock);
        switch (as.state()) {
            case PUBLISHED -> {
                story.firstPublishedAt = as.at();
                story.lastPublishedAt = null;
                ensureSlugFreeForPublication(story);
                goLive(story, as.at());
                story.state = StoryState.PUBLISHED;
                story.scheduledAt = null;
                story.updatedAt = now;
                publication.announce(PublicChange.ofImportedStory(PublicChange.Kind.PUBLISH, story.id, actor.id, from.name(),
                        StoryState.PUBLISHED.name(), Text.clean(comment)));
            }
            case SCHEDULED -> {
                if (from == StoryState.SCHEDULED && as.at().equals(story.scheduledAt)) {
                    return;
                }
                story.scheduledAt = as.at();
                story.state = StoryState.SCHEDULED;
                story.updatedAt = now;
                moved.fire(new StoryMoved(StoryAction.SCHEDULE, actor, story, from, StoryState.SCHEDULED, Text.clean(comment)));
            }
            default -> {
            }
        }
    }

    /** Saves the form over the story (or, for a live story, over its pending update). */
    private Story update(Story story, StoryForm form, StaffAccount actor, FormErrors workflowErrors) {
        if (form.version() == null || form.version() != story.version) {
            throw new StaleStoryException(story);
        }
        if (story.isPublished()) {
            if (story.findPendingUpdate() != null) {
                throw new FormInvalidException("headline",
                        "An update of this story is already pending: open it from the link above and make your changes there.");
            }
            Story update = newUpdateOf(story);
            apply(form, update, actor, workflowErrors);
            if (update.sameContentAs(story)) {
                // Nothing changed: no pending update for editors to review; the live story answers as saved.
                return story;
            }
            update.persist();
            edited.fire(new StoryEdited(update, actor));
            return update;
        }
        apply(form, story, actor, workflowErrors);
        edited.fire(new StoryEdited(story, actor));
        return story;
    }

    /**
     * Moves the story on by a button that has a form of its own (Unpublish, Cancel schedule). The workflow is
     * asked once; a reason it needs, or one that cannot be stored, comes back beside its field.
     */
    public Story act(long id, StoryAction action, StaffAccount actor, String comment) {
        Story story = load(id);
        StoryWorkflow.Decision decision = StoryWorkflow.decide(story.subject(), action, actorOf(actor, story), comment);
        if (decision instanceof StoryWorkflow.Refused refused) {
            throw new WorkflowRefusedException(refused.reason());
        }
        if (decision instanceof StoryWorkflow.NeedsComment needs) {
            throw new FormInvalidException(needs.field(), needs.message());
        }
        FormErrors unstorable = new FormErrors().storable(StoryWorkflow.commentField(action), comment);
        if (unstorable.any()) {
            throw new FormInvalidException(unstorable);
        }
        Story moved = move(story, action, ((StoryWorkflow.Allowed) decision).to(), actor, comment, null);
        stored.fire(new StoryStored(moved));
        return moved;
    }

    /** Makes a move the workflow allowed: records it in the audit log, and stamps publication times and paths. */
    private Story move(Story story, StoryAction action, StoryState to, StaffAccount actor, String comment, Instant scheduleAt) {
        StoryState from = story.state;
        Instant now = Instant.now(clock);
        switch (action) {
            case PUBLISH -> {
                goLive(story, now);
                story.scheduledAt = null;
            }
            case SCHEDULE -> {
                if (scheduleAt == null) {
                    throw new FormInvalidException("publishAt", "Choose the date and time to publish at");
                }
                if (!scheduleAt.isAfter(now)) {
                    throw new FormInvalidException("publishAt", "The time to publish must be in the future");
                }
                story.scheduledAt = scheduleAt;
            }
            case CANCEL_SCHEDULE -> story.scheduledAt = null;
            case PUBLISH_UPDATE -> {
                return publishUpdate(story, actor, comment, now);
            }
            default -> {
            }
        }
        story.state = to;
        story.updatedAt = now;
        if (action == StoryAction.PUBLISH || action == StoryAction.UNPUBLISH) {
            publication.announce(PublicChange.ofStory(PublicChange.Kind.valueOf(action.name()), story.id, actor.id,
                    from.name(), to.name(), Text.clean(comment)));
        } else {
            moved.fire(new StoryMoved(action, actor, story, from, to, Text.clean(comment)));
        }
        return story;
    }

    /**
     * Publishes every Scheduled story whose time has come, each in a transaction of its own: one story that cannot be
     * published (the database refuses it, a check fails) does not hold back the others. That story goes where the
     * workflow says ({@link StoryWorkflow#whenScheduledPublicationFails}), with a line in its history, and the
     * editors are told ({@link ScheduledPublicationFailed}). Each row is claimed with SKIP LOCKED so that two app
     * nodes running this at once never publish the same story twice; the state is checked again under the lock.
     *
     * @return the stories published
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int publishDue(Instant now) {
        int published = 0;
        // Stories tried in this run: one whose failure could not even be recorded is not tried again and again.
        List<Long> tried = new ArrayList<>(List.of(-1L));
        while (true) {
            long[] claimed = {0};
            try {
                boolean any = QuarkusTransaction.requiringNew().call(() -> {
                    @SuppressWarnings("unchecked")
                    List<Number> due = Story.getEntityManager().createNativeQuery(
                            "select id from story where state = 'SCHEDULED' and scheduled_at <= ?1 and id not in (?2) "
                                    + "order by scheduled_at, id limit 1 for update skip locked")
                            .setParameter(1, now).setParameter(2, tried).getResultList();
                    if (due.isEmpty()) {
                        return false;
                    }
                    claimed[0] = due.get(0).longValue();
                    publishScheduled(Story.findById(claimed[0]), now);
                    return true;
                });
                if (!any) {
                    return published;
                }
                published++;
                tried.add(claimed[0]);
            } catch (RuntimeException e) {
                if (claimed[0] == 0) {
                    throw e; // nothing claimed: the database is away, and the next run tries again
                }
                tried.add(claimed[0]);
                LOG.warnf("Scheduled story %d could not be published: %s", claimed[0], rootMessage(e));
                try {
                    QuarkusTransaction.requiringNew().run(() -> scheduledPublicationFailed(claimed[0], now));
                } catch (RuntimeException again) {
                    LOG.errorf("Scheduled story %d could not be published, nor moved back: %s", claimed[0], rootMessage(again));
                }
            }
        }
    }

    private void publishScheduled(Story story, Instant now) {
        String comment = "Scheduled for " + Times.display(story.scheduledAt);
        // A story due while the app was down carries its embargo time, not the time of the catch-up.
        goLive(story, story.scheduledAt != null && story.scheduledAt.isBefore(now) ? story.scheduledAt : now);
        story.state = StoryState.PUBLISHED;
        story.updatedAt = now;
        story.scheduledAt = null;
        publication.announce(PublicChange.ofStory(PublicChange.Kind.SCHEDULED_PUBLISH, story.id, null,
                StoryState.SCHEDULED.name(), StoryState.PUBLISHED.name(), comment));
    }

    /** The story that failed, still Scheduled under a fresh lock, moved where the workflow says; the editors told. */
    private void scheduledPublicationFailed(long id, Instant now) {
        Story story = Story.getEntityManager().find(Story.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (story == null || story.state != StoryState.SCHEDULED) {
            return;
        }
        Instant dueAt = story.scheduledAt;
        StoryState to = StoryWorkflow.whenScheduledPublicationFails();
        story.state = to;
        story.scheduledAt = null;
        story.updatedAt = now;
        moved.fire(new StoryMoved(StoryAction.CANCEL_SCHEDULE, null, story, StoryState.SCHEDULED, to,
                "Could not be published at its scheduled time (" + Times.display(dueAt) + ")"));
        publicationFailed.fire(new ScheduledPublicationFailed(story, dueAt));
    }

    /** The innermost cause's message, on one line: for the log, never for a page. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ");
    }

    /** Adds a dated correction notice to a published story. */
    public StoryCorrection addCorrection(long id, String text, StaffAccount actor) {
        Story story = load(id);
        if (actor.role() == null || !actor.role().atLeast(Role.EDITOR)) {
            throw new WorkflowRefusedException("Only an editor can add a correction.");
        }
        if (!story.isPublished()) {
            throw new WorkflowRefusedException("Corrections are added to published stories.");
        }
        String clean = Text.clean(text);
        if (clean == null) {
            throw new FormInvalidException("correction", "Write the correction");
        }
        FormErrors unstorable = new FormErrors().storable("correction", clean);
        if (unstorable.any()) {
            throw new FormInvalidException(unstorable);
        }
        if (Text.length(clean) > StoryCorrection.TEXT_MAX) {
            throw new FormInvalidException("correction", "A correction must be " + StoryCorrection.TEXT_MAX
                    + " characters or fewer");
        }
        StoryCorrection correction = new StoryCorrection();
        correction.story = story;
        correction.text = clean;
        correction.createdAt = Instant.now(clock);
        correction.createdBy = actor;
        correction.persist();
        story.corrections.add(correction);
        publication.announce(PublicChange.ofStory(PublicChange.Kind.CORRECTION, story.id, actor.id, story.state.name(),
                story.state.name(), clean));
        return correction;
    }

    /** Adds a message to the staff's thread on a story (any member of staff may). */
    public StoryComment addComment(long id, String text, StaffAccount actor) {
        Story story = load(id);
        String clean = Text.clean(text);
        if (clean == null) {
            throw new FormInvalidException("staffComment", "Write a comment");
        }
        FormErrors unstorable = new FormErrors().storable("staffComment", clean);
        if (unstorable.any()) {
            throw new FormInvalidException(unstorable);
        }
        if (Text.length(clean) > StoryComment.TEXT_MAX) {
            throw new FormInvalidException("staffComment", "A comment must be " + StoryComment.TEXT_MAX
                    + " characters or fewer");
        }
        StoryComment comment = new StoryComment();
        comment.story = story;
        comment.author = actor;
        comment.text = clean;
        comment.createdAt = Instant.now(clock);
        comment.persist();
        commented.fire(new StoryCommented(comment));
        return comment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Story load(long id) {
        Story story = Story.findById(id);
        if (story == null) {
            throw new NotFoundException();
        }
        return story;
    }

    /** The story as the workflow sees it; a story not saved yet is a draft. */
    public static StoryWorkflow.Subject subjectOf(Story story) {
        return story == null ? StoryWorkflow.Subject.story(StoryState.DRAFT) : story.subject();
    }

    /**
     * For answers about a story that never reach {@link #save} (which asks the workflow itself): a picture sent with
     * the form, a lease, an autosave. Refused as a save would be when this person may not change the story.
     */
    public static void refuseUnlessEditable(StaffAccount account, Story story) {
        WorkflowRefusedException.unless(StoryWorkflow.editRefusal(actorOf(account, story), subjectOf(story)));
    }

    public static StoryWorkflow.Actor actorOf(StaffAccount account, Story story) {
        boolean owner = story == null || (story.createdBy != null && story.createdBy.id.equals(account.id));
        return new StoryWorkflow.Actor(account.role(), owner);
    }

    /** The first publication claims a URL; every publication records where the story now lives. */
    private void goLive(Story story, Instant now) {
        if (story.firstPublishedAt == null) {
            story.firstPublishedAt = now;
            ensureSlugFreeForPublication(story);
        }
        if (story.lastPublishedAt == null) {
            story.lastPublishedAt = story.firstPublishedAt;
        }
        movePublicPath(story);
    }

    /** The old path (if the URL changed) keeps working with a 301; a path taken back stops redirecting. */
    private void movePublicPath(Story story) {
        String path = story.url(Newsroom.zone());
        if (story.publicPath != null && !story.publicPath.equals(path)) {
            StoryRedirect redirect = StoryRedirect.findById(story.publicPath);
            if (redirect == null) {
                redirect = new StoryRedirect();
                redirect.oldPath = story.publicPath;
                redirect.createdAt = Instant.now(clock);
            }
            redirect.story = story;
            redirect.persist();
        }
        StoryRedirect.delete("oldPath", path);
        story.publicPath = path;
    }

    /** A pending update starts as a copy of the live story and belongs to the same writer. */
    private Story newUpdateOf(Story live) {
        Story update = new Story();
        update.updateOf = live;
        update.state = StoryState.DRAFT;
        update.createdBy = live.createdBy;
        update.createdAt = Instant.now(clock);
        update.firstPublishedAt = live.firstPublishedAt;
        copyContent(live, update);
        return update;
    }

    private Story publishUpdate(Story update, StaffAccount actor, String comment, Instant now) {
        Story live = update.updateOf;
        if (!live.isPublished()) {
            throw new WorkflowRefusedException("The live story is no longer published: publish it again before its update.");
        }
        StoryState from = update.state;
        Long liveId = live.id;
        // Checked before anything is copied: the query flushes, and the live row must still be valid then.
        String slug = Slugs.unique(update.slug, Story.SLUG_MAX, s -> Story.slugTaken(s, liveId));
        copyContent(update, live);
        live.slug = slug;
        live.lastPublishedAt = now;
        live.updatedAt = now;
        live.updatedBy = actor;
        movePublicPath(live);
        // The update's own history (submitted, changes requested) and revisions become part of the story's.
        folded.fire(new UpdateFolded(update, live));
        StoryComment.update("story = ?1 where story = ?2", live, update);
        update.delete();
        publication.announce(PublicChange.ofStory(PublicChange.Kind.PUBLISH_UPDATE, live.id, actor.id, from.name(),
                StoryState.PUBLISHED.name(), Text.clean(comment)));
        return live;
    }

    private static void copyContent(Story from, Story to) {
        to.headline = from.headline;
        to.standfirst = from.standfirst;
        to.kicker = from.kicker;
        to.body = from.body;
        to.slug = from.slug;
        to.language = from.language;
        to.section = from.section;
        to.creditLine = from.creditLine;
        to.featuredImage = from.featuredImage;
        to.featuredImageAlt = from.featuredImageAlt;
        to.featuredImageCaption = from.featuredImageCaption;
        to.featuredImageCredit = from.featuredImageCredit;
        to.datelinePlace = from.datelinePlace;
        to.datelineDate = from.datelineDate;
        to.notesToEditor = from.notesToEditor;
        to.tags = new LinkedHashSet<>(from.tags);
        to.bylines = new ArrayList<>(from.bylines.stream().map(b -> new Byline(b.author, b.roleLine)).toList());
        to.related = new ArrayList<>(from.related);
        to.updatedBy = from.updatedBy;
        to.updatedAt = from.updatedAt;
    }

    /**
     * Published stories (live, not pending updates) whose headline contains the words typed, newest first: the
     * rich-text editor's link popover links to them by their public address.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Story> findPublishedByHeadline(String query, int limit) {
        String q = Text.clean(query);
        if (q == null) {
            return List.of();
        }
        String pattern = "%" + Text.likeLiteral(q) + "%";
        return Story.find("lower(headline) like ?1 and state = ?2 and updateOf is null order by firstPublishedAt desc, id desc",
                pattern, StoryState.PUBLISHED).page(0, limit).list();
    }

    /** Stories whose headline contains the words typed, for the related-stories picker. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Story> findByHeadline(String query, Long excludeId, int limit) {
        String q = Text.clean(query);
        if (q == null) {
            return List.of();
        }
        String pattern = "%" + Text.likeLiteral(q) + "%";
        return Story.find("lower(headline) like ?1 and id <> ?2 and updateOf is null order by updatedAt desc",
                pattern, excludeId == null ? -1L : excludeId).page(0, limit).list();
    }

    private void apply(StoryForm form, Story story, StaffAccount actor, FormErrors workflowErrors) {
        FormErrors errors = problems(form, story, workflowErrors);
        if (errors.any()) {
            throw new FormInvalidException(errors);
        }
        fill(form, story, true);
        story.notesToEditor = Text.clean(form.notesToEditor());
        story.updatedAt = Instant.now();
        story.updatedBy = actor;
    }

    /**
     * Preview: the story as the form would make it, shown exactly as readers would see it, with nothing
     * saved. The result is a new object never handed to Hibernate; tags and author profiles that do not
     * exist yet are made for the page only.
     */
    public Story preview(Long id, StoryForm form) {
        Story saved = id == null ? null : load(id);
        FormErrors errors = problems(form, saved, FormErrors.none());
        if (errors.any()) {
            throw new FormInvalidException(errors);
        }
        Story preview = new Story();
        if (saved != null) {
            preview.state = saved.state;
            preview.firstPublishedAt = saved.firstPublishedAt;
            preview.lastPublishedAt = saved.lastPublishedAt;
            preview.publicPath = saved.publicPath;
            preview.corrections = new ArrayList<>(saved.corrections);
            preview.translationOf = (saved.updateOf != null ? saved.updateOf : saved).translationOf;
        }
        fill(form, preview, false);
        return preview;
    }

    /**
     * The story as the form would make it once published at {@code at} (never saved): a story never published
     * gets its first publication time and the slug publication would claim, so its address is the one it will have.
     */
    public Story previewPublished(Long id, StoryForm form, Instant at) {
        Story preview = preview(id, form);
        if (preview.firstPublishedAt == null) {
            preview.firstPublishedAt = at;
            Long selfId = id == null ? null : liveId(load(id));
            preview.slug = Slugs.unique(preview.slug, Story.SLUG_MAX, s -> Story.slugTaken(s, selfId));
        }
        return preview;
    }

    /** Form → story content. {@code createMissing}: persist new tags and author profiles (false for previews). */
    private void fill(StoryForm form, Story story, boolean createMissing) {
        story.headline = form.headline().strip();
        story.standfirst = Text.clean(form.standfirst());
        story.kicker = Text.clean(form.kicker());
        story.body = BodyHtml.fromInput(form.body());
        story.section = Section.findById(form.sectionId());
        // A form without a language (a page opened before there was a choice, a script) keeps the story's (a pending
        // update has its live story's); a new story is then in its section's.
        story.language = !Text.isBlank(form.language()) ? org.copydesk.language.Languages.parse(form.language()).orElseThrow().tag()
                : story.language != null ? story.language : story.section.languageOfItsStories();
        story.creditLine = Text.clean(form.creditLine());
        story.featuredImage = Text.isBlank(form.imageKey()) ? null : org.copydesk.media.Image.findByKey(form.imageKey().strip()).orElse(null);
        story.featuredImageAlt = story.featuredImage == null ? null : Text.clean(form.imageAlt());
        story.featuredImageCaption = story.featuredImage == null ? null : Text.clean(form.imageCaption());
        story.featuredImageCredit = story.featuredImage == null ? null : Text.clean(form.imageCredit());
        story.datelinePlace = Text.clean(form.datelinePlace());
        story.datelineDate = Text.isBlank(form.datelineDate()) ? null : LocalDate.parse(form.datelineDate().strip());
        String slugTyped = Text.clean(form.slug());
        Long selfId = liveId(story);
        story.slug = slugTyped != null ? slugTyped
                : createMissing ? Slugs.unique(Slugs.of(story.headline, Story.SLUG_MAX), Story.SLUG_MAX, s -> Story.slugTaken(s, selfId))
                : Slugs.of(story.headline, Story.SLUG_MAX);
        story.tags = resolveTags(form.tagNames(), createMissing);
        story.bylines = resolveBylines(form.bylines(), createMissing);
        story.related = resolveRelated(form.related(), liveId(story));
    }

    /**
     * Everything wrong with the form, one message per field in the order of the page: its own rules (Bean
     * Validation on {@link StoryForm}), the comment the workflow asked for, then the rules of {@link StoryFormChecks}.
     */
    private FormErrors problems(StoryForm form, Story story, FormErrors workflowErrors) {
        FormErrors errors = FormErrors.of(validator.validate(form, form.ruleGroups()));
        workflowErrors.all().forEach(errors::add);
        StoryFormChecks.check(form, story == null ? null : liveId(story), errors);
        return errors.inOrder(StoryForm.FIELDS_ON_PAGE);
    }

    /** The id of the live story: a pending update shares its live story's slug and URL. */
    private static Long liveId(Story story) {
        return story.updateOf != null ? story.updateOf.id : story.id;
    }

    /** Publication claims the URL: a slug typed for a draft may have been taken since. */
    private void ensureSlugFreeForPublication(Story story) {
        Long selfId = story.id;
        story.slug = Slugs.unique(story.slug, Story.SLUG_MAX, s -> Story.slugTaken(s, selfId));
    }

    private Set<Tag> resolveTags(List<String> names, boolean createMissing) {
        Set<Tag> tags = new LinkedHashSet<>();
        for (String name : names) {
            String slug = Slugs.of(name, 90);
            Tag tag = Tag.findBySlug(slug).orElseGet(() -> {
                Tag created = new Tag();
                created.name = name;
                created.slug = slug;
                if (createMissing) {
                    created.persist();
                }
                return created;
            });
            tags.add(tag);
        }
        return tags;
    }

    private List<Byline> resolveBylines(List<StoryForm.BylineRow> rows, boolean createMissing) {
        List<Byline> bylines = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (StoryForm.BylineRow row : rows) {
            AuthorProfile author;
            if (row.isNew()) {
                author = AuthorProfile.findByName(row.authorName()).orElseGet(() -> createMissing
                        ? staff.newAuthorProfile(row.authorName()) : AuthorProfile.unsaved(row.authorName()));
            } else {
                author = AuthorProfile.findById(row.authorId());
            }
            if (author != null && (author.id == null || seen.add(author.id))) {
                bylines.add(new Byline(author, Text.clean(row.roleLine())));
            }
        }
        return bylines;
    }

    private List<Story> resolveRelated(List<StoryForm.RelatedRow> rows, Long selfId) {
        List<Story> related = new ArrayList<>();
        for (StoryForm.RelatedRow row : rows) {
            if (selfId != null && row.id() == selfId) {
                continue;
            }
            Story other = Story.findById(row.id());
            if (other != null && !other.isPendingUpdate() && !related.contains(other)) {
                related.add(other);
            }
        }
        return related;
    }
}
