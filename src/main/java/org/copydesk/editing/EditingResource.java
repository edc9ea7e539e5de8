package org.copydesk.editing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
    Presence presence;

    @Inject
    StoryService stories;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    /**
     * The open page renews its lease (only someone who may edit holds one: others would show up as "Being edited
     * by") and is told, as JSON, who else has the story open and whether it was saved since the version its form
     * carries ({@code version}; {@code revision}: the latest revision when the page was made, for the difference
     * link). See {@link Presence.Answer}.
     */
    @POST
    @Path("lease")
    @Produces(MediaType.APPLICATION_JSON)
    public Presence.Answer renewLease(@PathParam("id") long id, @FormParam("version") String version,
                                      @FormParam("revision") String revision) {
        Integer pageVersion = version == null || version.isBlank() ? null : parseVersion(version, -1);
        return presence.renew(id, me.account(), pageVersion != null && pageVersion < 0 ? null : pageVersion,
                Math.max(0, parseVersion(revision, 0)));
    }

    /**
     * The page was closed (sent as a beacon): this person's lease on the story is given back at once, unless a
     * page opened since renewed it ({@code leaseAt}: the closed page's last renewal, as it was told).
     */
    @POST
    @Path("lease/release")
    public Response releaseLease(@PathParam("id") long id, @FormParam("leaseAt") String leaseAt) {
        editing.release(id, me.account(), parseInstant(leaseAt));
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

    private static java.time.Instant parseInstant(String value) {
        try {
            return value == null || value.isBlank() ? null : java.time.Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static int parseVersion(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
