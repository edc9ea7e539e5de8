package org.copydesk.preview;

import java.time.Duration;
import java.util.Map;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.copydesk.people.CurrentStaff;
import org.copydesk.site.StoryPages;
import org.copydesk.story.Story;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.story.WorkflowRefusedException;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.ErrorPages;
import org.copydesk.web.Flash;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Times;

/**
 * Preview and Share preview from the desk. {id} is a story's number, or "new" for a story not saved yet
 * (whose typed text can be previewed all the same).
 */
@Path(DeskPaths.STORY_PREVIEW)
@jakarta.annotation.security.RolesAllowed(org.copydesk.people.Role.REPORTER_ROLE)
public class DeskPreviewResource {

    /** The choices of the "Link works for" list, in hours. */
    static final Map<Integer, String> LIFETIMES = Map.of(24, "1 day", 48, "2 days", 168, "7 days");

    @Inject
    StoryService stories;

    @Inject
    PreviewLinks links;

    @Inject
    StoryPages storyPages;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    @Inject
    org.copydesk.web.PublicAddress address;

    @Context
    UriInfo uri;

    /** The saved story, as readers would see it. */
    @GET
    public TemplateInstance saved(@PathParam("id") String id) {
        Story story = stories.load(storyId(id));
        return storyPages.page(story, address.base(uri), "The saved story, as readers would see it. "
                + (story.isPublished() ? "It is live." : "It is not published."));
    }

    /** Preview: the form as typed, nothing saved. Bad input gets the form's own messages. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response typed(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Long storyId = "new".equals(id) ? null : storyId(id);
        try {
            Story preview = stories.preview(storyId, StoryForm.fromPost(fields));
            return Response.ok(storyPages.page(preview, address.base(uri),
                    "Your text as readers would see it. Nothing is saved yet: go back to the form and press Save draft."))
                    .header("Cache-Control", PreviewResource.NO_STORE).build();
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST).entity(ErrorPages.badRequestPage(
                    "The preview needs a few fixes first: " + String.join("; ", invalid.errors().all().values()) + "."))
                    .build();
        }
    }

    /** Preview from the form when it carries an image file: the text as typed (the file is not kept). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response typedWithFile(@PathParam("id") String id, org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput input) {
        return typed(id, org.copydesk.web.MultipartForms.textFields(input));
    }

    /** Share preview: a new secret link, shown once in the message on the story's page. */
    @POST
    @Path("links")
    public Response share(@PathParam("id") String id, @FormParam("lifetimeHours") Integer hours) {
        Story story = stories.load(storyId(id));
        checkMayShare(story);
        int lifetime = hours != null && LIFETIMES.containsKey(hours) ? hours : (int) links.defaultLifetime().toHours();
        PreviewLinks.Created created = links.create(story.id, me.account(), Duration.ofHours(lifetime));
        return flash.redirect(DeskPaths.storyPreviews(story.id), "Share preview link (works until "
                + Times.display(created.expiresAt()) + "): " + address.base(uri) + created.path());
    }

    @POST
    @Path("links/{linkId}/revoke")
    public Response revoke(@PathParam("id") String id, @PathParam("linkId") long linkId) {
        Story story = stories.load(storyId(id));
        checkMayShare(story);
        links.revoke(story.id, linkId, me.account());
        return flash.redirect(DeskPaths.storyPreviews(story.id), "Preview link revoked: it no longer works.");
    }

    private void checkMayShare(Story story) {
        if (!links.canShare(story)) {
            throw new WorkflowRefusedException("Only the story's writer and editors can share or revoke previews.");
        }
    }

    private static long storyId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new jakarta.ws.rs.NotFoundException();
        }
    }
}
