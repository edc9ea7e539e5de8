package org.copydesk.desk;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.audit.AuditAction;
import org.copydesk.audit.AuditEvent;
import org.copydesk.people.CurrentStaff;
import org.copydesk.people.StaffAccount;
import org.copydesk.people.StaffService;
import org.copydesk.revision.ComparisonTurns;
import org.copydesk.revision.RevisionContent;
import org.copydesk.revision.WordDiff;
import org.copydesk.site.SiteInfo;
import org.copydesk.site.StoryPages;
import org.copydesk.story.BodyHtml;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryComment;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.story.StoryState;
import org.copydesk.story.StoryWorkflow;
import org.copydesk.web.CopydeskConfig;

/**
 * The one place the story form's page is put together: what the story, the person signed in and the workflow
 * say (may they edit it, which buttons, the change request, the pending update, the comments, the choices of
 * section and author). Each answer then adds only its own part through {@link EditorPage.Builder}.
 */
@ApplicationScoped
public class EditorPages {

    @Inject
    CurrentStaff me;

    @Inject
    StaffService staff;

    @Inject
    ComparisonTurns comparisons;

    @Inject
    CopydeskConfig config;

    @Inject
    StoryPages storyPages;

    @Inject
    SiteInfo site;

    /** The page for this form over this story (null: a story not saved yet), as the person signed in sees it. */
    public EditorPage.Builder of(StoryForm form, Story story) {
        StaffAccount account = me.account();
        StoryWorkflow.Actor actor = StoryService.actorOf(account, story);
        StoryWorkflow.Offer offer = StoryWorkflow.offer(StoryService.subjectOf(story), actor);
        Story pending = story == null ? null : story.findPendingUpdate();
        boolean canEdit = offer.canEdit() && pending == null;
        List<StoryAction> actions = offer.actions();
        AuditEvent changeRequest = story != null && story.state == StoryState.CHANGES_REQUESTED
                ? AuditEvent.latest(story, AuditAction.REQUEST_CHANGES) : null;
        // A story this person may only read is shown as readers will see it, never as the editor's HTML.
        String readingBody = canEdit || story == null ? null : storyPages.bodyAsRead(story);
        return new EditorPage.Builder(form, story, canEdit, actions, Section.inOrder(), staff.listAuthors(), changeRequest,
                pending, me.isEditor(), story == null ? List.of() : StoryComment.thread(story), config.autosave().interval(),
                config.editing().renew().toMillis(), readingBody, site.languages());
    }

    /**
     * The saved story against what this person typed, for merging by hand after a conflict: the same bounded
     * comparison as between revisions, in turn with them. Should the turn not come, the page still comes
     * back with the typed text, the differences then shown paragraph by paragraph only (no word-level work).
     */
    public List<WordDiff.FieldDiff> conflict(Story saved, StoryForm typed) {
        return comparisons.inTurnOr(() -> conflictFields(new WordDiff(), saved, typed),
                () -> conflictFields(new WordDiff(0, 0, 0), saved, typed));
    }

    private static List<WordDiff.FieldDiff> conflictFields(WordDiff diff, Story saved, StoryForm typed) {
        RevisionContent stored = RevisionContent.of(saved);
        return List.of(
                diff.field("Kicker", stored.kicker(), typed.kicker()),
                diff.field("Headline", stored.headline(), typed.headline()),
                diff.field("Standfirst", stored.standfirst(), typed.standfirst()),
                diff.field("Body", stored.bodyText(), BodyHtml.toParagraphText(BodyHtml.fromInput(typed.body()))),
                diff.field("Dateline", stored.datelinePlace(), typed.datelinePlace()),
                diff.field("Tags", stored.tags(), typed.tags()),
                diff.field("Slug", stored.slug(), typed.slug()),
                diff.field("Notes to editor", stored.notesToEditor(), typed.notesToEditor()))
                .stream().filter(WordDiff.FieldDiff::changed).toList();
    }
}
