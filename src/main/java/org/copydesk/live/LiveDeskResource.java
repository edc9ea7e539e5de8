package org.copydesk.live;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.copydesk.media.Image;
import org.copydesk.media.ImageRejectedException;
import org.copydesk.media.ImageStore;
import org.copydesk.media.ImageUpload;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.CurrentStaff;
import org.copydesk.people.Role;
import org.copydesk.story.Byline;
import org.copydesk.story.Story;
import org.copydesk.story.StoryService;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.MultipartForms;
import org.copydesk.web.Newsroom;
import org.copydesk.web.TypedForm;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * A live story's coverage on the desk: "Post entry" (staff), an entry's correction and deletion (whoever posted it,
 * or an editor), and the start and end of the coverage (editors). Plain forms, Post/Redirect/Get; a mistake brings
 * the form back with what was typed, and a chosen picture is stored at once so it is never chosen twice.
 */
@Path(DeskPaths.STORY_LIVE)
@Produces(MediaType.TEXT_HTML)
public class LiveDeskResource {

    /** What the page shows: the story, its entries, and the form (a new entry, or the one being corrected). */
    public record Page(Story story, String publicUrl, List<LiveEntry> entries, EntryForm form, FormErrors errors,
                       LiveEntry correcting, List<AuthorProfile> bylineChoices, String postRefusal, boolean editor,
                       long me) {
        public boolean mayChange(LiveEntry entry) {
            return !entry.isDeleted() && (editor || (entry.postedBy != null && entry.postedBy.id == me));
        }

        /** The form's address: a new entry's, or the correction's. */
        public String formAction() {
            return correcting == null ? DeskPaths.storyLiveEntriesAction(story.id)
                    : DeskPaths.storyLiveEntry(story.id, correcting.id);
        }

        public boolean mayStart() {
            return editor && LiveRules.storyRefusesStart(story).isEmpty();
        }

        public boolean mayEnd() {
            return editor && story.isLiveNow();
        }

        public Image image() {
            return form.hasImage() ? Image.findByKey(form.imageKey().strip()).orElse(null) : null;
        }
    }

    @CheckedTemplate(basePath = "live")
    static class Templates {
        static native TemplateInstance desk(Page page);
    }

    @Inject
    StoryService stories;

    @Inject
    LiveCoverage coverage;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    @Inject
    ImageStore images;

    @Inject
    TypedForm typed;

    @GET
    public TemplateInstance page(@PathParam("id") long id) {
        Story story = live(id);
        AuthorProfile mine = me.authorProfile();
        return Templates.desk(page(story, EntryForm.blank(mine == null ? null : mine.id), FormErrors.none(), null));
    }

    @POST
    @Path("entries")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        return saved(id, null, fields, null);
    }

    @POST
    @Path("entries")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response postWithImage(@PathParam("id") long id, MultipartFormDataInput input) {
        return withImage(id, null, input);
    }

    @GET
    @Path("entries/{entryId}")
    public TemplateInstance correction(@PathParam("id") long id, @PathParam("entryId") long entryId) {
        Story story = live(id);
        LiveEntry entry = coverage.entry(story.id, entryId).orElseThrow(NotFoundException::new);
        return Templates.desk(page(story, EntryForm.of(entry), FormErrors.none(), entry));
    }

    @POST
    @Path("entries/{entryId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("id") long id, @PathParam("entryId") long entryId, MultivaluedMap<String, String> fields) {
        return saved(id, entryId, fields, null);
    }

    @POST
    @Path("entries/{entryId}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response correctWithImage(@PathParam("id") long id, @PathParam("entryId") long entryId, MultipartFormDataInput input) {
        return withImage(id, entryId, input);
    }

    @POST
    @Path("entries/{entryId}/delete")
    public Response delete(@PathParam("id") long id, @PathParam("entryId") long entryId) {
        coverage.delete(id, entryId, me.account());
        return flash.redirect(DeskPaths.storyLive(id), "Entry deleted: readers no longer see it. Its text is kept in the audit log.");
    }

    @POST
    @Path("start")
    @RolesAllowed(Role.EDITOR_ROLE)
    public Response start(@PathParam("id") long id) {
        coverage.start(id, me.account());
        return flash.redirect(DeskPaths.storyLive(id), "Live coverage started: once the story is published, post entries here.");
    }

    @POST
    @Path("end")
    @RolesAllowed(Role.EDITOR_ROLE)
    public Response end(@PathParam("id") long id) {
        coverage.end(id, me.account());
        return flash.redirect(DeskPaths.storyLive(id), "Live coverage ended: readers see that it has ended, and no more entries can be posted.");
    }

    /** A chosen picture is stored first, whatever else is wrong with the form, and its key kept in the form. */
    private Response withImage(long id, Long entryId, MultipartFormDataInput input) {
        MultivaluedMap<String, String> fields = MultipartForms.textFields(input);
        ImageUpload file = ImageUpload.of(input, "imageFile");
        if (file == null) {
            return saved(id, entryId, fields, null);
        }
        typed.keep(fields);
        typed.fileChosen();
        live(id);
        try {
            fields.putSingle("imageKey", images.store(file, me.account().id).publicKey);
            fields.remove("imageRemove");
            return saved(id, entryId, fields, null);
        } catch (ImageRejectedException rejected) {
            return saved(id, entryId, fields, rejected);
        }
    }

    private Response saved(long id, Long entryId, MultivaluedMap<String, String> fields, ImageRejectedException imageProblem) {
        typed.keep(fields);
        EntryForm form = EntryForm.fromPost(fields);
        if (imageProblem != null) {
            Response.ResponseBuilder answer = Response.status(imageProblem.status()).entity(again(id, entryId, form,
                    FormErrors.of("imageFile", imageProblem.getMessage())));
            if (imageProblem.retryAfterSeconds() > 0) {
                answer.header("Retry-After", imageProblem.retryAfterSeconds());
            }
            return answer.build();
        }
        try {
            if (entryId == null) {
                coverage.post(id, form, me.account());
                return flash.redirect(DeskPaths.storyLive(id), "Entry posted: readers following the story see it now.");
            }
            coverage.correct(id, entryId, form, me.account());
            return flash.redirect(DeskPaths.storyLive(id) + "#entry-" + entryId, "Entry saved.");
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST).entity(again(id, entryId, form, invalid.errors())).build();
        }
    }

    private TemplateInstance again(long id, Long entryId, EntryForm form, FormErrors errors) {
        Story story = live(id);
        LiveEntry correcting = entryId == null ? null : coverage.entry(story.id, entryId).orElseThrow(NotFoundException::new);
        return Templates.desk(page(story, form, errors, correcting));
    }

    private Page page(Story story, EntryForm form, FormErrors errors, LiveEntry correcting) {
        // Bylines to choose from: the story's, and the poster's own.
        List<AuthorProfile> choices = new ArrayList<>();
        for (Byline byline : story.bylines) {
            if (!choices.contains(byline.author)) {
                choices.add(byline.author);
            }
        }
        AuthorProfile mine = me.authorProfile();
        if (mine != null && !choices.contains(mine)) {
            choices.add(mine);
        }
        return new Page(story, story.url(Newsroom.zone()), coverage.forDesk(story.id), form, errors, correcting, choices,
                LiveRules.refusesEntries(story).orElse(null), me.isEditor(), me.account().id);
    }

    /** The story whose coverage this is; a pending update's is its published story's. */
    private Story live(long id) {
        Story story = stories.load(id);
        return story.isPendingUpdate() ? story.updateOf : story;
    }
}
