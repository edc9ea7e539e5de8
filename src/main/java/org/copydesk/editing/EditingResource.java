package org.copydesk.editing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.copydesk.people.CurrentStaff;
import org.copydesk.people.Role;
import org.copydesk.story.Story;
import org.copydesk.story.StoryService;
import org.copydesk.story.StoryWorkflow;
import org.copydesk.story.WorkflowRefusedException;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.Times;

/** What the open edit page calls in the background: lease renewal and autosave. */
@Path(DeskPaths.STORY)
@RolesAllowed(Role.REPORTER_ROLE)
public class EditingResource {

    /** The form fields a working copy keeps (the text a person types). */
    public static final List<String> TEXT_FIELDS = List.of("headline", "standfirst", "kicker", "body", "slug", "tags",
            "datelinePlace", "datelineDate", "creditLine", "notesToEditor");
    static final int FIELD_MAX = 1_000_000;

    @Inject
    EditingSessions editing;

    @Inject
    StoryService stories;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    @POST
    @Path("lease")
    public Response renewLease(@PathParam("id") long id) {
        // Only someone who may edit holds a lease: others would show up as "Being edited by".
        Story story = stories.load(id);
        StoryService.refuseUnlessEditable(me.account(), story);
        editing.touch(story, me.account());
        return Response.noContent().build();
    }

    /** Stores the working copy; answers with the time, which the page shows as "Autosaved at ...". */
    @POST
    @Path("autosave")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response autosave(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Story story = stories.load(id);
        StoryService.refuseUnlessEditable(me.account(), story);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : TEXT_FIELDS) {
            String value = form.getFirst(name);
            if (value != null) {
                if (value.length() > FIELD_MAX) {
                    return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).type(MediaType.TEXT_PLAIN)
                            .entity("Too long to autosave").build();
                }
                fields.put(name, value);
            }
        }
        int version = parseVersion(form.getFirst("version"), story.version);
        editing.saveWorkingCopy(story, me.account(), fields, version);
        editing.touch(story, me.account());
        return Response.ok(Times.display(java.time.Instant.now()), MediaType.TEXT_PLAIN).build();
    }

    @POST
    @Path("autosave/discard")
    public Response discard(@PathParam("id") long id) {
        editing.discardWorkingCopy(id, me.account());
        return flash.redirect(DeskPaths.story(id), "Autosaved text discarded.");
    }

    private static int parseVersion(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
