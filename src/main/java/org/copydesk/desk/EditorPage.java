package org.copydesk.desk;

import java.util.List;

import org.copydesk.audit.AuditEvent;
import org.copydesk.editing.EditingSessions;
import org.copydesk.language.Language;
import org.copydesk.language.Languages;
import org.copydesk.people.AuthorProfile;
import org.copydesk.revision.WordDiff;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryComment;
import org.copydesk.story.StoryForm;
import org.copydesk.story.TranslationSet;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.FormErrors;

/**
 * Everything the story form page shows. Made only by {@link EditorPages} and its {@link Builder}, so that every
 * answer showing the form (new, edit, a refused save, a conflict, a refused correction...) works its parts out
 * the same way, and each answer names only what it adds.
 */
public record EditorPage(StoryForm form, FormErrors errors, Story story, boolean canEdit, List<StoryAction> actions,
                         List<Section> sections, List<AuthorProfile> authors, AuditEvent changeRequest,
                         Story pendingUpdate, boolean editor, String unpublishReason, String correction,
                         List<StoryComment> comments, String staffComment, List<WordDiff.FieldDiff> conflict,
                         List<EditingSessions.OtherEditor> othersEditing, EditingSessions.WorkingCopy workingCopy,
                         boolean restoredWorkingCopy, int autosaveMillis, PrePublishCheck check, String readingBody,
                         ConflictMerge merge, long renewMillis, int openedRevision, String leaseAt,
                         List<Language> languages) {

    public boolean isNew() {
        return story == null;
    }

    /** Some of the conflict's differences are shown paragraph by paragraph only. */
    public boolean conflictParagraphsOnly() {
        return conflict.stream().anyMatch(WordDiff.FieldDiff::paragraphsOnly);
    }

    /** The Language select's choices: the newsroom's languages, and the story's own should it no longer be one of them. */
    public List<Language> languageChoices() {
        if (form.language() == null || languages.stream().anyMatch(l -> l.tag().equals(form.language()))) {
            return languages;
        }
        return Languages.parse(form.language()).map(own -> java.util.stream.Stream.concat(languages.stream(),
                java.util.stream.Stream.of(own)).toList()).orElse(languages);
    }

    /** The story and its translations (null for a story not saved yet). */
    public TranslationSet translations() {
        return story == null ? null : TranslationSet.of(story);
    }

    /** Whether a member of the set is this story (or the live story this pending update is of). */
    public boolean isThisStory(Story member) {
        return story != null && (member.id.equals(story.id) || (story.updateOf != null && member.id.equals(story.updateOf.id)));
    }

    /** The newsroom's languages the set has no version in yet: what Translate offers (the set read once by the page). */
    public List<Language> translateChoices(TranslationSet set) {
        return languages.stream().filter(l -> set.inLanguage(l.tag()).isEmpty()).toList();
    }

    /** The direction the story's words are typed in (Headline, Standfirst, Body follow the Language chosen). */
    public String textDir() {
        return Languages.parse(form.language()).map(Language::dir).orElse("auto");
    }

    public boolean readOnly() {
        return !canEdit;
    }

    /** Why this person may only read the story, and who can act on it now. */
    public String readOnlyReason() {
        if (canEdit || story == null) {
            return null;
        }
        if (pendingUpdate != null) {
            return "This story is live and a pending update of it is being worked on: changes go into the pending update.";
        }
        return switch (story.state) {
            case IN_REVIEW -> "This story is in review: only an editor can change it now, publish it or request changes.";
            case SCHEDULED -> "This story is scheduled: only an editor can change it now, or cancel the schedule.";
            case UNPUBLISHED -> "This story was unpublished: only an editor can change it now or publish it again.";
            case PUBLISHED -> "This story is live: only its writer and editors can change it.";
            default -> "This story belongs to " + (story.createdBy == null ? "its writer" : story.createdBy.displayName)
                    + ": only they and editors can change it.";
        };
    }

    public boolean live() {
        return story != null && story.isPublished();
    }

    public boolean canRequestChanges() {
        return actions.contains(StoryAction.REQUEST_CHANGES);
    }

    public boolean canSchedule() {
        return actions.contains(StoryAction.SCHEDULE);
    }

    public boolean canUnpublish() {
        return actions.contains(StoryAction.UNPUBLISH);
    }

    public boolean canCancelSchedule() {
        return actions.contains(StoryAction.CANCEL_SCHEDULE);
    }

    /** The workflow buttons that sit in the story form (the others have small forms of their own). */
    public List<StoryAction> formActions() {
        return actions.stream().filter(StoryAction::savesTheForm).toList();
    }

    /** Preview posts the form as typed; for a story the page cannot edit, a link to the saved one. */
    public String previewAction() {
        return story == null ? DeskPaths.newStoryPreview() : DeskPaths.storyPreview(story.id);
    }

    /** Where this form's text is kept in the browser: one key per story, one for a new story. */
    public String storyKey() {
        return story == null ? "copydesk:story:new" : "copydesk:story:" + story.id;
    }

    public String autosaveUrl() {
        return story == null ? "" : DeskPaths.storyAutosave(story.id);
    }

    public String leaseUrl() {
        return story == null ? "" : DeskPaths.storyLease(story.id);
    }

    public String leaseReleaseUrl() {
        return story == null ? "" : DeskPaths.storyLeaseRelease(story.id);
    }

    public long savedAtMillis() {
        return story == null || story.updatedAt == null ? 0 : story.updatedAt.toEpochMilli();
    }

    public String formAction() {
        return story == null ? DeskPaths.stories() : DeskPaths.story(story.id);
    }

    /**
     * What one answer adds to the page {@link EditorPages#of} starts: the messages, what was typed in the small
     * forms, the differences after a conflict, and who else is editing. Text typed is kept as typed (none: empty).
     */
    public static final class Builder {

        private StoryForm form;
        private final Story story;
        private final boolean canEdit;
        private final List<StoryAction> actions;
        private final List<Section> sections;
        private final List<AuthorProfile> authors;
        private final AuditEvent changeRequest;
        private final Story pendingUpdate;
        private final boolean editor;
        private final List<StoryComment> comments;
        private final int autosaveMillis;
        private final long renewMillis;
        private int openedRevision;
        private String leaseAt = "";
        private FormErrors errors = FormErrors.none();
        private String unpublishReason = "";
        private String correction = "";
        private String staffComment = "";
        private List<WordDiff.FieldDiff> conflict = List.of();
        private List<EditingSessions.OtherEditor> othersEditing = List.of();
        private EditingSessions.WorkingCopy workingCopy;
        private boolean restoredWorkingCopy;
        private PrePublishCheck check;
        private ConflictMerge merge;
        private final String readingBody;
        private final List<Language> languages;

        Builder(StoryForm form, Story story, boolean canEdit, List<StoryAction> actions, List<Section> sections,
                List<AuthorProfile> authors, AuditEvent changeRequest, Story pendingUpdate, boolean editor,
                List<StoryComment> comments, int autosaveMillis, long renewMillis, String readingBody,
                List<Language> languages) {
            this.languages = languages;
            this.readingBody = readingBody;
            this.renewMillis = renewMillis;
            this.form = form;
            this.story = story;
            this.canEdit = canEdit;
            this.actions = actions;
            this.sections = sections;
            this.authors = authors;
            this.changeRequest = changeRequest;
            this.pendingUpdate = pendingUpdate;
            this.editor = editor;
            this.comments = comments;
            this.autosaveMillis = autosaveMillis;
        }

        /** Whether this person may change the story now (the page is then a form, not a reading copy). */
        public boolean canEdit() {
            return canEdit;
        }

        /** The form as changed after the page was worked out (this person's autosaved text restored into it). */
        public Builder form(StoryForm changed) {
            this.form = changed;
            return this;
        }

        public Builder errors(FormErrors errors) {
            this.errors = errors;
            return this;
        }

        public Builder unpublishReason(String typed) {
            this.unpublishReason = typed == null ? "" : typed;
            return this;
        }

        public Builder correction(String typed) {
            this.correction = typed == null ? "" : typed;
            return this;
        }

        public Builder staffComment(String typed) {
            this.staffComment = typed == null ? "" : typed;
            return this;
        }

        /** The saved story against what was typed, after a save that came too late. */
        public Builder conflict(List<WordDiff.FieldDiff> differences) {
            this.conflict = differences;
            return this;
        }

        public Builder othersEditing(List<EditingSessions.OtherEditor> others) {
            this.othersEditing = others;
            return this;
        }

        /** This person's autosaved text: offered (copy), or already restored into the form (restored). */
        public Builder workingCopy(EditingSessions.WorkingCopy copy, boolean restored) {
            this.workingCopy = copy;
            this.restoredWorkingCopy = restored;
            return this;
        }

        /** The parts to merge after a save that came too late: theirs beside mine, to choose from. */
        public Builder merge(ConflictMerge parts) {
            this.merge = parts;
            return this;
        }

        /**
         * The lease this page took (its time, sent back when the page closes) and the story's latest revision as the
         * page is made ("Saved by ... since you opened it" links from it).
         */
        public Builder lease(java.time.Instant takenAt, int latestRevision) {
            this.leaseAt = takenAt.toString();
            this.openedRevision = latestRevision;
            return this;
        }

        /** The revision the writer's page was opened at, carried through the answers to a post of the form. */
        public Builder openedRevision(int number) {
            this.openedRevision = number;
            return this;
        }

        /** Publish, Schedule or Publish update was pressed: what to look at before it goes ahead. */
        public Builder check(PrePublishCheck shown) {
            this.check = shown;
            return this;
        }

        public EditorPage build() {
            return new EditorPage(form, errors, story, canEdit, actions, sections, authors, changeRequest, pendingUpdate,
                    editor, unpublishReason, correction, comments, staffComment, conflict, othersEditing, workingCopy,
                    restoredWorkingCopy, autosaveMillis, check, readingBody, merge, renewMillis, openedRevision, leaseAt, languages);
        }
    }
}
