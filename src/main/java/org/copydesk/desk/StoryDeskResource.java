package org.copydesk.desk;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.copydesk.audit.AuditAction;
import org.copydesk.media.Image;
import org.copydesk.media.ImageRejectedException;
import org.copydesk.media.ImageStore;
import org.copydesk.media.ImageUpload;
import org.copydesk.web.MultipartForms;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import org.copydesk.audit.AuditEvent;
import org.copydesk.editing.EditingSessions;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.CurrentStaff;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.people.StaffService;
import org.copydesk.revision.ComparisonTurns;
import org.copydesk.revision.RevisionContent;
import org.copydesk.revision.RevisionSummary;
import org.copydesk.revision.WordDiff;
import org.copydesk.story.BodyHtml;
import org.copydesk.story.Section;
import org.copydesk.story.StaleStoryException;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryComment;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.story.StoryState;
import org.copydesk.story.StoryWorkflow;
import org.copydesk.story.WorkflowRefusedException;
import org.copydesk.web.ErrorPages;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Newsroom;
import org.copydesk.web.TypedForm;
import org.copydesk.web.CopydeskConfig;

/** The story form on the desk: write, save, submit, review, schedule, publish, update, correct, unpublish. */
@Path("/desk/stories")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REPORTER_ROLE)
public class StoryDeskResource {

    static final int RELATED_RESULTS = 20;

    /** Everything the story form page shows. */
    public record EditorPage(StoryForm form, FormErrors errors, Story story, boolean canEdit, List<StoryAction> actions,
                             List<Section> sections, List<AuthorProfile> authors, AuditEvent changeRequest,
                             Story pendingUpdate, boolean editor, String unpublishReason, String correction,
                             List<StoryComment> comments, String staffComment, List<WordDiff.FieldDiff> conflict,
                             List<EditingSessions.OtherEditor> othersEditing, EditingSessions.WorkingCopy workingCopy,
                             boolean restoredWorkingCopy, int autosaveMillis) {
        public boolean isNew() {
            return story == null;
        }

        /** Some of the conflict's differences are shown paragraph by paragraph only. */
        public boolean conflictParagraphsOnly() {
            return conflict.stream().anyMatch(WordDiff.FieldDiff::paragraphsOnly);
        }

        public boolean readOnly() {
            return !canEdit;
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
            return "/desk/stories/" + (story == null ? "new" : story.id) + "/preview";
        }

        public String shareAction() {
            return previewAction() + "/links";
        }

        public String revokeAction(long linkId) {
            return previewAction() + "/links/" + linkId + "/revoke";
        }

        public String correctionAction() {
            return formAction() + "/corrections";
        }

        public String unpublishAction() {
            return formAction() + "/unpublish";
        }

        public String cancelScheduleAction() {
            return formAction() + "/cancel-schedule";
        }

        public String commentAction() {
            return formAction() + "/comments";
        }

        public String discardAutosaveAction() {
            return formAction() + "/autosave/discard";
        }

        /** Where this form's text is kept in the browser: one key per story, one for a new story. */
        public String storyKey() {
            return story == null ? "copydesk:story:new" : "copydesk:story:" + story.id;
        }

        public String autosaveUrl() {
            return story == null ? "" : formAction() + "/autosave";
        }

        public String leaseUrl() {
            return story == null ? "" : formAction() + "/lease";
        }

        public long savedAtMillis() {
            return story == null || story.updatedAt == null ? 0 : story.updatedAt.toEpochMilli();
        }

        public String formAction() {
            return story == null ? "/desk/stories" : "/desk/stories/" + story.id;
        }
    }

    @CheckedTemplate(basePath = "desk")
    static class Templates {
        static native TemplateInstance storyForm(EditorPage page);

        static native TemplateInstance history(Story story, List<AuditEvent> events, List<RevisionSummary> revisions);
    }

    @Inject
    StoryService stories;

    @Inject
    ImageStore images;

    @Inject
    StaffService staff;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    @Inject
    EditingSessions editing;

    @Inject
    ComparisonTurns comparisons;

    @Inject
    TypedForm typed;

    @Inject
    CopydeskConfig config;

    @GET
    @Path("new")
    public TemplateInstance newStory() {
        List<Section> sections = Section.inOrder();
        StoryForm form = StoryForm.blank(me.authorProfile(), sections.isEmpty() ? null : sections.get(0).id);
        return Templates.storyForm(page(form, FormErrors.none(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> fields) {
        return handle(null, fields, null);
    }

    /** The same form with an image file chosen (browsers send it as multipart). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response createWithImage(MultipartFormDataInput input) {
        return handleWithImage(null, input);
    }

    /**
     * The edit page. Opening it takes an editing lease (so others see who has it open); with
     * {@code ?restore=autosave} the form is filled from this person's newer autosaved working copy.
     */
    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") long id, @QueryParam("restore") String restore) {
        Story story = stories.load(id);
        StaffAccount account = me.account();
        StoryForm form = StoryForm.fromStory(story, Newsroom.zone());
        EditorPage base = page(form, FormErrors.none(), story);
        EditingSessions.WorkingCopy copy = base.canEdit() ? editing.newerWorkingCopy(story, account) : null;
        boolean restored = copy != null && "autosave".equals(restore);
        if (restored) {
            form.fillFrom(copy.fields(), copy.basedOnVersion());
        }
        if (base.canEdit()) {
            editing.touch(story, account);
        }
        return Templates.storyForm(new EditorPage(form, base.errors(), story, base.canEdit(), base.actions(),
                base.sections(), base.authors(), base.changeRequest(), base.pendingUpdate(), base.editor(),
                base.unpublishReason(), base.correction(), base.comments(), base.staffComment(), base.conflict(),
                editing.othersEditing(story, account), restored ? null : copy, restored, config.autosave().interval()));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        return handle(id, fields, null);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response updateWithImage(@PathParam("id") long id, MultipartFormDataInput input) {
        return handleWithImage(id, input);
    }

    /**
     * A chosen image is stored at once, whatever else happens to the form, and its key put in the form:
     * a picker step or a mistake elsewhere never makes the reporter upload it again.
     */
    private Response handleWithImage(Long id, MultipartFormDataInput input) {
        MultivaluedMap<String, String> fields = MultipartForms.textFields(input);
        ImageUpload file = ImageUpload.of(input, "imageFile");
        if (file == null) {
            return handle(id, fields, null);
        }
        typed.keep(fields);
        typed.fileChosen();
        Story story = id == null ? null : stories.load(id);
        StoryWorkflow.checkEdit(StoryService.actorOf(me.account(), story),
                story == null ? StoryWorkflow.Subject.story(StoryState.DRAFT) : story.subject());
        try {
            Image image = images.store(file, me.account());
            fields.putSingle("imageKey", image.publicKey);
            fields.remove("imageRemove");
            return handle(id, fields, null);
        } catch (ImageRejectedException rejected) {
            return handle(id, fields, rejected);
        }
    }

    @POST
    @Path("{id}/unpublish")
    @RolesAllowed(Role.EDITOR_ROLE)
    public Response unpublish(@PathParam("id") long id, @FormParam("reason") String reason) {
        Story story = stories.load(id);
        StoryWorkflow.Actor actor = StoryService.actorOf(me.account(), story);
        FormErrors errors = reason == null || reason.isBlank() ? FormErrors.of("reason", "Give the reason for unpublishing")
                : new FormErrors().storable("reason", reason);
        if (errors.any()) {
            StoryWorkflow.next(story.subject(), StoryAction.UNPUBLISH, actor, "(checking rights only)");
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.storyForm(page(
                    StoryForm.fromStory(story, Newsroom.zone()), errors, story, reason == null ? "" : reason, ""))).build();
        }
        stories.act(id, StoryAction.UNPUBLISH, me.account(), reason);
        return flash.redirect("/desk/stories/" + id, "Unpublished: readers now get a notice that the story was removed.");
    }

    @POST
    @Path("{id}/cancel-schedule")
    @RolesAllowed(Role.EDITOR_ROLE)
    public Response cancelSchedule(@PathParam("id") long id) {
        stories.act(id, StoryAction.CANCEL_SCHEDULE, me.account(), null);
        return flash.redirect("/desk/stories/" + id, "Schedule cancelled: the story is back in review.");
    }

    @POST
    @Path("{id}/corrections")
    @RolesAllowed(Role.EDITOR_ROLE)
    public Response addCorrection(@PathParam("id") long id, @FormParam("correction") String correction) {
        try {
            stories.addCorrection(id, correction, me.account());
            return flash.redirect("/desk/stories/" + id, "Correction added to the live story.");
        } catch (FormInvalidException invalid) {
            Story story = stories.load(id);
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.storyForm(page(
                    StoryForm.fromStory(story, Newsroom.zone()), invalid.errors(), story, "",
                    correction == null ? "" : correction))).build();
        }
    }

    @POST
    @Path("{id}/comments")
    public Response addComment(@PathParam("id") long id, @FormParam("staffComment") String text) {
        try {
            stories.addComment(id, text, me.account());
            return flash.redirect("/desk/stories/" + id + "#comments", "Comment added.");
        } catch (FormInvalidException invalid) {
            Story story = stories.load(id);
            EditorPage page = page(StoryForm.fromStory(story, Newsroom.zone()), invalid.errors(), story, "", "");
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.storyForm(withComment(page,
                    text == null ? "" : text))).build();
        }
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        Story story = stories.load(id);
        return Templates.history(story, AuditEvent.forStory(story), RevisionSummary.of(id));
    }

    private Response handle(Long id, MultivaluedMap<String, String> fields, ImageRejectedException imageProblem) {
        // Kept first: should the database go away during the save, the 503 page gives all of it back.
        typed.keep(fields);
        StaffAccount account = me.account();
        Story story = id == null ? null : stories.load(id);
        StoryForm form = StoryForm.fromPost(fields);
        form.id = id;
        form.applyPickerEdits(this::authorName, this::relatedRow);
        StoryWorkflow.Actor actor = StoryService.actorOf(account, story);
        StoryWorkflow.Subject subject = story == null ? StoryWorkflow.Subject.story(StoryState.DRAFT) : story.subject();
        StoryWorkflow.checkEdit(actor, subject);
        if (imageProblem != null) {
            Response.ResponseBuilder answer = Response.status(imageProblem.status())
                    .entity(Templates.storyForm(page(form, FormErrors.of("imageFile", imageProblem.getMessage()), story)));
            if (imageProblem.retryAfterSeconds() > 0) {
                answer.header("Retry-After", imageProblem.retryAfterSeconds());
            }
            return answer.build();
        }
        if (form.isPickerStep()) {
            if ("import".equals(form.action)) {
                if (form.wireCopy.isBlank()) {
                    return Response.status(Response.Status.BAD_REQUEST).entity(Templates.storyForm(page(form,
                            FormErrors.of("wireCopy", "Paste the wire copy to import"), story))).build();
                }
                form.importWireCopy(name -> AuthorProfile.findByName(name).orElse(null));
            }
            if ("find-related".equals(form.action)) {
                form.relatedSearched = true;
                form.relatedResults = stories.findByHeadline(form.relatedQuery, id, RELATED_RESULTS).stream()
                        .map(s -> new StoryForm.RelatedRow(s.id, s.headline, s.state.label())).toList();
            }
            return Response.ok(Templates.storyForm(page(form, FormErrors.none(), story))).build();
        }
        StoryAction action = form.workflowAction();
        if (action != null && (!action.savesTheForm() || (story != null && story.isPublished()))) {
            throw new WorkflowRefusedException("Use the button of its own for " + action.label() + ".");
        }
        if (action != null) {
            StoryWorkflow.next(subject, action, actor, "(checked again on save)");
        }
        try {
            Story saved = stories.save(id, form, account, action);
            if (id != null) {
                editing.discardWorkingCopy(id, account);
            }
            return flash.redirect("/desk/stories/" + saved.id, doneMessage(action, saved, story));
        } catch (StaleStoryException stale) {
            // The page carries the version its differences are shown against (the story as this request read it):
            // what the writer merges on it saves, and autosaves, against that one, not against the version the
            // form was first opened with, which would be refused for ever. Should yet another save come in
            // between, the next save is shown the differences again.
            form.version = story.version;
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.storyForm(withConflict(page(form, stale.errors(), story), story, form))).build();
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.storyForm(page(form, invalid.errors(), story))).build();
        }
    }

    private static String doneMessage(StoryAction action, Story saved, Story before) {
        if (action == null) {
            boolean startedUpdate = before != null && before.isPublished();
            return startedUpdate
                    ? "Saved as a pending update. The live page keeps the published version until an editor presses Publish update."
                    : "Draft saved.";
        }
        return switch (action) {
            case SUBMIT -> "Submitted for review.";
            case REQUEST_CHANGES -> "Changes requested: the story is back with its writer.";
            case PUBLISH -> "Published.";
            case SCHEDULE -> "Scheduled for " + org.copydesk.web.Times.display(saved.scheduledAt) + ".";
            case PUBLISH_UPDATE -> "Update published: the live page now shows it.";
            case CANCEL_SCHEDULE, UNPUBLISH -> action.label() + " done.";
        };
    }

    private EditorPage page(StoryForm form, FormErrors errors, Story story) {
        return page(form, errors, story, "", "");
    }

    private EditorPage page(StoryForm form, FormErrors errors, Story story, String reason, String correction) {
        StaffAccount account = me.account();
        StoryWorkflow.Actor actor = StoryService.actorOf(account, story);
        StoryWorkflow.Subject subject = story == null ? StoryWorkflow.Subject.story(StoryState.DRAFT) : story.subject();
        Story pending = story == null ? null : story.findPendingUpdate();
        boolean canEdit = StoryWorkflow.canEdit(actor, subject) && pending == null;
        List<StoryAction> actions = StoryWorkflow.canEdit(actor, subject) || actor.role().atLeast(Role.EDITOR)
                ? StoryWorkflow.available(subject, actor) : List.of();
        AuditEvent changeRequest = story != null && story.state == StoryState.CHANGES_REQUESTED
                ? AuditEvent.latest(story, AuditAction.REQUEST_CHANGES) : null;
        return new EditorPage(form, errors, story, canEdit, actions, Section.inOrder(), staff.listAuthors(), changeRequest,
                pending, me.isEditor(), reason, correction, story == null ? List.of() : StoryComment.thread(story), "",
                List.of(), List.of(), null, false, config.autosave().interval());
    }

    private static EditorPage withComment(EditorPage p, String typed) {
        return new EditorPage(p.form(), p.errors(), p.story(), p.canEdit(), p.actions(), p.sections(), p.authors(),
                p.changeRequest(), p.pendingUpdate(), p.editor(), p.unpublishReason(), p.correction(), p.comments(), typed,
                p.conflict(), p.othersEditing(), p.workingCopy(), p.restoredWorkingCopy(), p.autosaveMillis());
    }

    /**
     * The saved story against what this person typed, for merging by hand after a conflict: the same bounded
     * comparison as between revisions, in turn with them. Should the turn not come, the page still comes
     * back with the typed text, the differences then shown paragraph by paragraph only (no word-level work).
     */
    private EditorPage withConflict(EditorPage p, Story saved, StoryForm typed) {
        List<WordDiff.FieldDiff> diff = comparisons.inTurnOr(() -> conflictFields(new WordDiff(), saved, typed),
                () -> conflictFields(new WordDiff(0, 0, 0), saved, typed));
        return new EditorPage(p.form(), p.errors(), p.story(), p.canEdit(), p.actions(), p.sections(), p.authors(),
                p.changeRequest(), p.pendingUpdate(), p.editor(), p.unpublishReason(), p.correction(), p.comments(),
                p.staffComment(), diff, p.othersEditing(), p.workingCopy(), p.restoredWorkingCopy(), p.autosaveMillis());
    }

    private static List<WordDiff.FieldDiff> conflictFields(WordDiff diff, Story saved, StoryForm typed) {
        RevisionContent stored = RevisionContent.of(saved);
        return List.of(
                diff.field("Kicker", stored.kicker(), typed.kicker),
                diff.field("Headline", stored.headline(), typed.headline),
                diff.field("Standfirst", stored.standfirst(), typed.standfirst),
                diff.field("Body", stored.bodyText(), BodyHtml.toParagraphText(BodyHtml.fromInput(typed.body))),
                diff.field("Dateline", stored.datelinePlace(), typed.datelinePlace),
                diff.field("Tags", stored.tags(), typed.tags),
                diff.field("Slug", stored.slug(), typed.slug),
                diff.field("Notes to editor", stored.notesToEditor(), typed.notesToEditor))
                .stream().filter(WordDiff.FieldDiff::changed).toList();
    }

    private String authorName(long authorId) {
        AuthorProfile author = AuthorProfile.findById(authorId);
        return author == null ? null : author.name;
    }

    private StoryForm.RelatedRow relatedRow(long storyId) {
        Story story = Story.findById(storyId);
        return story == null || story.isPendingUpdate() ? null : new StoryForm.RelatedRow(story.id, story.headline, story.state.label());
    }
}
