package org.copydesk.desk;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.copydesk.people.AuthorProfile;
import org.copydesk.people.CurrentStaff;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.people.StaffService;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.story.StoryState;
import org.copydesk.story.StoryTransition;
import org.copydesk.story.StoryWorkflow;
import org.copydesk.story.WorkflowRefusedException;
import org.copydesk.web.ErrorPages;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Newsroom;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The story form on the desk: write, save, submit, review and publish. */
@Path("/desk/stories")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REPORTER_ROLE)
public class StoryDeskResource {

    static final int RELATED_RESULTS = 20;

    /** Everything the story form page shows. */
    public record EditorPage(StoryForm form, FormErrors errors, Story story, boolean canEdit, List<StoryAction> actions,
                             List<Section> sections, List<AuthorProfile> authors, StoryTransition changeRequest) {
        public boolean isNew() {
            return story == null;
        }

        public boolean readOnly() {
            return !canEdit;
        }

        public boolean canRequestChanges() {
            return actions.contains(StoryAction.REQUEST_CHANGES);
        }

        public String formAction() {
            return story == null ? "/desk/stories" : "/desk/stories/" + story.id;
        }
    }

    @CheckedTemplate(basePath = "desk")
    static class Templates {
        static native TemplateInstance storyForm(EditorPage page);

        static native TemplateInstance history(Story story, List<StoryTransition> transitions);
    }

    @Inject
    StoryService stories;

    @Inject
    StaffService staff;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

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
        return handle(null, fields);
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") long id) {
        Story story = stories.load(id);
        return Templates.storyForm(page(StoryForm.fromStory(story, Newsroom.zone()), FormErrors.none(), story));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        return handle(id, fields);
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        Story story = stories.load(id);
        return Templates.history(story, StoryTransition.forStory(story));
    }

    @ServerExceptionMapper
    public Response refused(WorkflowRefusedException refused) {
        return ErrorPages.forbiddenPage(refused.getMessage());
    }

    private Response handle(Long id, MultivaluedMap<String, String> fields) {
        StaffAccount account = me.account();
        Story story = id == null ? null : stories.load(id);
        StoryForm form = StoryForm.fromPost(fields);
        form.id = id;
        form.applyPickerEdits(this::authorName, this::relatedRow);
        StoryWorkflow.Actor actor = StoryService.actorOf(account, story);
        StoryState state = story == null ? StoryState.DRAFT : story.state;
        StoryWorkflow.checkEdit(actor, state);
        if (form.isPickerStep()) {
            if ("find-related".equals(form.action)) {
                form.relatedSearched = true;
                form.relatedResults = stories.findByHeadline(form.relatedQuery, id, RELATED_RESULTS).stream()
                        .map(s -> new StoryForm.RelatedRow(s.id, s.headline, s.state.label())).toList();
            }
            return Response.ok(Templates.storyForm(page(form, FormErrors.none(), story))).build();
        }
        StoryAction action = form.workflowAction();
        if (action != null) {
            StoryWorkflow.next(state, action, actor, "(checked again on save)");
        }
        try {
            Story saved = stories.save(id, form, account, action);
            return flash.redirect("/desk/stories/" + saved.id, doneMessage(action));
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.storyForm(page(form, invalid.errors(), story))).build();
        }
    }

    private static String doneMessage(StoryAction action) {
        if (action == null) {
            return "Draft saved.";
        }
        return switch (action) {
            case SUBMIT -> "Submitted for review.";
            case REQUEST_CHANGES -> "Changes requested: the story is back with its writer.";
            case PUBLISH -> "Published.";
        };
    }

    private EditorPage page(StoryForm form, FormErrors errors, Story story) {
        StaffAccount account = me.account();
        StoryWorkflow.Actor actor = StoryService.actorOf(account, story);
        StoryState state = story == null ? StoryState.DRAFT : story.state;
        boolean canEdit = StoryWorkflow.canEdit(actor, state);
        List<StoryAction> actions = canEdit ? StoryWorkflow.available(state, actor) : List.of();
        StoryTransition changeRequest = story != null && story.state == StoryState.CHANGES_REQUESTED
                ? StoryTransition.latestChangeRequest(story) : null;
        return new EditorPage(form, errors, story, canEdit, actions, Section.inOrder(), staff.listAuthors(), changeRequest);
    }

    private String authorName(long authorId) {
        AuthorProfile author = AuthorProfile.findById(authorId);
        return author == null ? null : author.name;
    }

    private StoryForm.RelatedRow relatedRow(long storyId) {
        Story story = Story.findById(storyId);
        return story == null ? null : new StoryForm.RelatedRow(story.id, story.headline, story.state.label());
    }
}
