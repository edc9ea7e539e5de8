package org.copydesk.revision;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.copydesk.people.CurrentStaff;
import org.copydesk.people.Role;
import org.copydesk.story.Story;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.story.StoryWorkflow;
import org.copydesk.web.Flash;
import org.copydesk.web.FormInvalidException;

/** Comparing any two revisions of a story side by side, and restoring an old one. */
@Path("/desk/stories/{id}/revisions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REPORTER_ROLE)
public class RevisionResource {

    @CheckedTemplate(basePath = "revision")
    static class Templates {
        static native TemplateInstance compare(Story story, StoryRevision from, StoryRevision to,
                                               List<WordDiff.FieldDiff> fields, List<StoryRevision> revisions);
    }

    @Inject
    StoryService stories;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    @GET
    @Path("compare")
    public TemplateInstance compare(@PathParam("id") long id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        Story story = stories.load(id);
        StoryRevision latest = StoryRevision.latest(story);
        if (latest == null) {
            throw new NotFoundException();
        }
        StoryRevision after = to == null ? latest : find(story, to);
        StoryRevision before = from == null ? previousOf(story, after) : find(story, from);
        return Templates.compare(story, before, after, WordDiff.compare(before.content, after.content),
                StoryRevision.of(story));
    }

    /** Restoring saves the old revision's fields as a new save: itself a new revision; nothing is lost. */
    @POST
    @Path("{number}/restore")
    public Response restore(@PathParam("id") long id, @PathParam("number") int number) {
        Story story = stories.load(id);
        StoryWorkflow.checkEdit(StoryService.actorOf(me.account(), story), story.subject());
        StoryRevision revision = find(story, number);
        StoryForm form = StoryForm.fromRevision(revision.content, story.id, story.version);
        try {
            Story saved = stories.save(id, form, me.account(), null);
            return flash.redirect("/desk/stories/" + saved.id, "Revision " + number + " restored as a new revision.");
        } catch (FormInvalidException invalid) {
            return flash.redirect("/desk/stories/" + id + "/history",
                    "Revision " + number + " cannot be restored as it is: " + invalid.getMessage());
        }
    }

    private static StoryRevision find(Story story, int number) {
        StoryRevision revision = StoryRevision.numbered(story, number);
        if (revision == null) {
            throw new NotFoundException();
        }
        return revision;
    }

    private static StoryRevision previousOf(Story story, StoryRevision revision) {
        StoryRevision previous = StoryRevision.numbered(story, revision.number - 1);
        return previous == null ? revision : previous;
    }
}
