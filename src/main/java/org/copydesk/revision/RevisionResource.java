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
import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.FormInvalidException;

/** Comparing any two revisions of a story side by side, and restoring an old one. */
@Path(DeskPaths.STORY_REVISIONS)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REPORTER_ROLE)
public class RevisionResource {

    @CheckedTemplate(basePath = "revision")
    static class Templates {
        static native TemplateInstance compare(Story story, RevisionSummary from, RevisionSummary to,
                                               List<WordDiff.FieldDiff> fields, boolean paragraphsOnly,
                                               List<RevisionSummary> revisions);
    }

    /** What a comparison found, and whether some of it is shown paragraph by paragraph only. */
    record Compared(List<WordDiff.FieldDiff> fields, boolean paragraphsOnly) {
    }

    @Inject
    StoryService stories;

    @Inject
    ComparisonTurns turns;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    /**
     * Two revisions side by side (by default the latest and the one before). The list to choose from is
     * read without the revisions' content; only the two compared are read, in turn with other comparisons.
     */
    @GET
    @Path("compare")
    public TemplateInstance compare(@PathParam("id") long id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        Story story = stories.load(id);
        List<RevisionSummary> revisions = RevisionSummary.of(id);
        if (revisions.isEmpty()) {
            throw new NotFoundException();
        }
        RevisionSummary after = to == null ? revisions.get(0) : find(revisions, to);
        RevisionSummary before = from == null ? previousOf(revisions, after) : find(revisions, from);
        Compared compared = turns.inTurn(() -> {
            WordDiff diff = new WordDiff();
            List<WordDiff.FieldDiff> fields = diff.fields(StoryRevision.contentOf(id, before.number()),
                    StoryRevision.contentOf(id, after.number()));
            return new Compared(fields, diff.fellBack());
        });
        return Templates.compare(story, before, after, compared.fields(), compared.paragraphsOnly(), revisions);
    }

    /** Restoring saves the old revision's fields as a new save: itself a new revision; nothing is lost. */
    @POST
    @Path("{number}/restore")
    public Response restore(@PathParam("id") long id, @PathParam("number") int number) {
        Story story = stories.load(id);
        RevisionContent content = StoryRevision.contentOf(id, number);
        if (content == null) {
            throw new NotFoundException();
        }
        StoryForm form = content.toForm(story.id, story.version);
        try {
            Story saved = stories.save(id, form, me.account(), null);
            return flash.redirect(DeskPaths.story(saved.id), "Revision " + number + " restored as a new revision.");
        } catch (FormInvalidException invalid) {
            return flash.redirect(DeskPaths.storyHistory(id),
                    "Revision " + number + " cannot be restored as it is: " + invalid.getMessage());
        }
    }

    private static RevisionSummary find(List<RevisionSummary> revisions, int number) {
        return revisions.stream().filter(r -> r.number() == number).findFirst().orElseThrow(NotFoundException::new);
    }

    /** The revision before this one, or itself for the first. */
    private static RevisionSummary previousOf(List<RevisionSummary> revisions, RevisionSummary revision) {
        return revisions.stream().filter(r -> r.number() == revision.number() - 1).findFirst().orElse(revision);
    }
}
