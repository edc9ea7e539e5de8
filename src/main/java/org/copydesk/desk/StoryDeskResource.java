package org.copydesk.desk;

import java.time.Clock;
import java.time.Instant;
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
import org.copydesk.revision.RevisionContent;
import org.copydesk.revision.RevisionSummary;
import org.copydesk.revision.StoryRevision;
import org.copydesk.revision.StoryRevision;
import org.copydesk.site.SiteInfo;
import org.copydesk.story.Section;
import org.copydesk.story.StaleStoryException;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.story.StoryWorkflow;
import org.copydesk.story.WorkflowRefusedException;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Newsroom;
import org.copydesk.web.TypedForm;

/** The story form on the desk: write, save, submit, review, schedule, publish, update, correct, unpublish. */
@Path(DeskPaths.STORIES)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REPORTER_ROLE)
public class StoryDeskResource {

    static final int RELATED_RESULTS = 20;

    /** The story form's hidden field naming the story's latest revision when the page was made. */
    static final String OPENED_REVISION = "openedRevision";

    /** The pre-publish check's hidden field: the action it was shown for. */
    static final String CHECKED = "checked";

    private static final java.util.Set<StoryAction> PUBLISHING =
            java.util.EnumSet.of(StoryAction.PUBLISH, StoryAction.SCHEDULE, StoryAction.PUBLISH_UPDATE);

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
    EditorPages pages;

    @Inject
    TypedForm typed;

    @Inject
    Clock clock;

    @Inject
    SiteInfo site;

    @GET
    @Path("new")
    public TemplateInstance newStory() {
        List<Section> sections = Section.inOrder();
        // A new story is in its section's language (the site's unless the section has its own).
        Section first = sections.isEmpty() ? null : sections.get(0);
        StoryForm form = StoryForm.blank(me.authorProfile(), first == null ? null : first.id,
                (first == null ? site.language() : site.languageOf(first.slug)).tag());
        return Templates.storyForm(pages.of(form, null).build());
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
        EditorPage.Builder page = pages.of(form, story);
        EditingSessions.WorkingCopy copy = page.canEdit() ? editing.newerWorkingCopy(story, account) : null;
        boolean restored = copy != null && "autosave".equals(restore);
        if (restored) {
            page.form(form.withWorkingCopy(copy.fields(), copy.basedOnVersion()));
        }
        if (page.canEdit()) {
            java.time.Instant leaseAt = editing.touch(story, account);
            StoryRevision.Latest latest = StoryRevision.latest(story.id);
            page.lease(leaseAt, latest == null ? 0 : latest.number());
        }
        return Templates.storyForm(page.othersEditing(editing.othersEditing(story, account))
                .workingCopy(restored ? null : copy, restored).build());
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
        // Asked before the picture is decoded (seconds of a core for a camera photo), not after: someone who may
        // not change this story gets the refusal without making the app read their file.
        StoryService.refuseUnlessEditable(me.account(), id == null ? null : stories.load(id));
        try {
            Image image = images.store(file, me.account().id);
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
        try {
            stories.act(id, StoryAction.UNPUBLISH, me.account(), reason);
        } catch (FormInvalidException invalid) {
            Story story = stories.load(id);
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.storyForm(
                    pages.of(StoryForm.fromStory(story, Newsroom.zone()), story).errors(invalid.errors())
                            .unpublishReason(reason == null ? "" : reason).build())).build();
        }
        return flash.redirect(DeskPaths.story(id), "Unpublished: readers now get a notice that the story was removed.");
    }

    @POST
    @Path("{id}/cancel-schedule")
    @RolesAllowed(Role.EDITOR_ROLE)
    public Response cancelSchedule(@PathParam("id") long id) {
        stories.act(id, StoryAction.CANCEL_SCHEDULE, me.account(), null);
        return flash.redirect(DeskPaths.story(id), "Schedule cancelled: the story is back in review.");
    }

    /** Translate: a linked draft in another language, opened for the translator. */
    @POST
    @Path("{id}/translations")
    public Response translate(@PathParam("id") long id, @FormParam("translateTo") String language) {
        try {
            Story draft = stories.translate(id, language, me.account());
            return flash.redirect(DeskPaths.story(draft.id), "Translation started: write the "
                    + draft.lang().englishName() + " version over the copied text, then save it.");
        } catch (FormInvalidException invalid) {
            Story story = stories.load(id);
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.storyForm(
                    pages.of(StoryForm.fromStory(story, Newsroom.zone()), story).errors(invalid.errors()).build())).build();
        }
    }

    @POST
    @Path("{id}/corrections")
    @RolesAllowed(Role.EDITOR_ROLE)
    public Response addCorrection(@PathParam("id") long id, @FormParam("correction") String correction) {
        try {
            stories.addCorrection(id, correction, me.account());
            return flash.redirect(DeskPaths.story(id), "Correction added to the live story.");
        } catch (FormInvalidException invalid) {
            Story story = stories.load(id);
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.storyForm(
                    pages.of(StoryForm.fromStory(story, Newsroom.zone()), story).errors(invalid.errors()).correction(correction)
                            .build())).build();
        }
    }

    @POST
    @Path("{id}/comments")
    public Response addComment(@PathParam("id") long id, @FormParam("staffComment") String text) {
        try {
            stories.addComment(id, text, me.account());
            return flash.redirect(DeskPaths.storyComments(id), "Comment added.");
        } catch (FormInvalidException invalid) {
            Story story = stories.load(id);
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.storyForm(
                    pages.of(StoryForm.fromStory(story, Newsroom.zone()), story).errors(invalid.errors()).staffComment(text)
                            .build())).build();
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
        StoryForm posted = StoryForm.fromPost(fields, id);
        // Asked before the picker's edits apply: they clear the Move up that made this a picker step.
        boolean pickerStep = posted.isPickerStep();
        StoryForm form = posted.withPickerEdits(this::authorName, this::relatedRow);
        if (imageProblem != null || pickerStep) {
            // Nothing is saved, so the service is not asked: the form is shown again only to who may save it.
            StoryService.refuseUnlessEditable(me.account(), story);
        }
        if (imageProblem != null) {
            Response.ResponseBuilder answer = Response.status(imageProblem.status())
                    .entity(Templates.storyForm(pageOf(form, story, fields)
                            .errors(FormErrors.of("imageFile", imageProblem.getMessage())).build()));
            if (imageProblem.retryAfterSeconds() > 0) {
                answer.header("Retry-After", imageProblem.retryAfterSeconds());
            }
            return answer.build();
        }
        if (pickerStep) {
            if ("import".equals(form.action())) {
                if (form.wireCopy().isBlank()) {
                    return Response.status(Response.Status.BAD_REQUEST).entity(Templates.storyForm(pageOf(form, story, fields)
                            .errors(FormErrors.of("wireCopy", "Paste the wire copy to import")).build())).build();
                }
                form = form.withWireCopyImported(name -> AuthorProfile.findByName(name).orElse(null));
            }
            if ("find-related".equals(form.action())) {
                form = form.withRelatedResults(stories.findByHeadline(form.relatedQuery(), id, RELATED_RESULTS).stream()
                        .map(s -> new StoryForm.RelatedRow(s.id, s.headline, s.state.label())).toList());
            }
            return Response.ok(Templates.storyForm(pageOf(form, story, fields).build())).build();
        }
        form = mergedFromTheConflictPage(form, story, fields);
        StoryAction action = form.workflowAction();
        try {
            PrePublishCheck check = checkFirst(action, fields.getFirst(CHECKED), story, form, account);
            if (check != null) {
                return Response.ok(Templates.storyForm(pageOf(form, story, fields).check(check).build())).build();
            }
            Story saved = stories.save(id, form, account, action);
            if (id != null) {
                editing.discardWorkingCopy(id, account);
                // Submitted, published, scheduled, sent back: the story has moved on from this person's hands, and
                // "Being edited by" goes from the others' pages at once. A draft saved is still being written: the
                // page the save leads back to keeps the lease (and its "since").
                if (action != null) {
                    editing.release(id, account);
                }
            }
            return flash.redirect(DeskPaths.story(saved.id), doneMessage(action, saved, story));
        } catch (StaleStoryException stale) {
            // The page carries the version its differences are shown against (the story as this request read it):
            // what the writer merges on it saves, and autosaves, against that one, not against the version the
            // form was first opened with, which would be refused for ever. Should yet another save come in
            // between, the next save is shown the differences again.
            StoryForm againstShown = form.withVersion(story.version);
            return Response.status(Response.Status.CONFLICT).entity(Templates.storyForm(pages.of(againstShown, story).openedRevision(latestRevision(story))
                    .errors(stale.errors()).conflict(pages.conflict(story, againstShown))
                    .merge(ConflictMerge.of(story, againstShown, Newsroom.zone(), asOpened(story, fields))).build())).build();
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.storyForm(pageOf(form, story, fields).errors(invalid.errors()).build())).build();
        }
    }

    /** The page for a posted form: it keeps naming the revision the writer's page was opened at. */
    private EditorPage.Builder pageOf(StoryForm form, Story story, MultivaluedMap<String, String> fields) {
        return pages.of(form, story).openedRevision(openedRevision(fields));
    }

    /** The revision the writer's page names as opened at (0: none, or not a number). */
    private static int openedRevision(MultivaluedMap<String, String> fields) {
        String number = fields.getFirst(OPENED_REVISION);
        return number == null || !number.matches("\\d{1,9}") ? 0 : Integer.parseInt(number);
    }

    /** The conflict page names the newest revision: what the writer now merges against. */
    private static int latestRevision(Story story) {
        StoryRevision.Latest latest = StoryRevision.latest(story.id);
        return latest == null ? 0 : latest.number();
    }

    /** The story as the writer's page opened it (the revision it names), for the conflict page's first choices. */
    private static StoryForm asOpened(Story story, MultivaluedMap<String, String> fields) {
        int number = openedRevision(fields);
        if (number == 0) {
            return null;
        }
        RevisionContent opened = StoryRevision.contentOf(story.id, number);
        return opened == null ? null : opened.toForm(story.id, story.version);
    }

    /**
     * A form sent back from the conflict page carries a choice for each part that differed: applied here, so the
     * save stores the merge. Should the story have been saved yet again since that page, the choices were made
     * against another text: the form goes as typed, and the save shows the conflict page again.
     */
    private static StoryForm mergedFromTheConflictPage(StoryForm form, Story story, MultivaluedMap<String, String> fields) {
        String mergeOf = fields.getFirst(ConflictMerge.MERGE_OF);
        if (story == null || mergeOf == null || !mergeOf.equals(String.valueOf(story.version))) {
            return form;
        }
        return ConflictMerge.apply(story, form, Newsroom.zone(), fields::getFirst);
    }

    /**
     * Publish, Schedule and Publish update first show the pre-publish check; pressed again from it (the check's
     * hidden field names the action it was shown for), they go ahead. Nothing to check when the workflow refuses
     * the action anyway: the refusal is the answer.
     */
    private PrePublishCheck checkFirst(StoryAction action, String checked, Story story, StoryForm form, StaffAccount account) {
        if (!PUBLISHING.contains(action) || action.formValue().equals(checked)
                || StoryWorkflow.decide(StoryService.subjectOf(story), action, StoryService.actorOf(account, story),
                form.comment()) instanceof StoryWorkflow.Refused) {
            return null;
        }
        Instant now = clock.instant();
        Instant scheduleAt = form.scheduleAt();
        Instant goesLive = action == StoryAction.SCHEDULE && scheduleAt != null && scheduleAt.isAfter(now) ? scheduleAt : now;
        Story toPublish = stories.previewPublished(story == null ? null : story.id, form, goesLive);
        return PrePublishCheck.of(action, toPublish, scheduleAt, now, Newsroom.zone());
    }

    private static String doneMessage(StoryAction action, Story saved, Story before) {
        if (action == null && before != null && before.isPublished() && saved.id.equals(before.id)) {
            return "Nothing changed: the live story stays as it is, and no pending update was made.";
        }
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

    private String authorName(long authorId) {
        AuthorProfile author = AuthorProfile.findById(authorId);
        return author == null ? null : author.name;
    }

    private StoryForm.RelatedRow relatedRow(long storyId) {
        Story story = Story.findById(storyId);
        return story == null || story.isPendingUpdate() ? null : new StoryForm.RelatedRow(story.id, story.headline, story.state.label());
    }
}
