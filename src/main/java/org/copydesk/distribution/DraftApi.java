package org.copydesk.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryService;
import org.copydesk.story.WorkflowRefusedException;

/**
 * Drafts written by another system: the desk's form, saved by the desk's service as the token's own account, in
 * one transaction with the answer's ninjs (read while the story is at hand). The API saves; it never moves a story
 * on (no submit, no publish): that stays with the people on the desk.
 */
@ApplicationScoped
public class DraftApi {

    @Inject
    StoryService stories;

    @Inject
    NinjsStories ninjs;

    @Inject
    ApiStories apiStories;

    @Inject
    ApiAnswers answers;

    @Inject
    org.copydesk.site.BigStoryTurns turns;

    /** The draft saved, as ninjs, and its id. */
    public record Saved(long id, String json) {
    }

    @Transactional
    public Saved create(JsonNode in, IntegrationTokens.Caller caller, String base) {
        holdBylineNames(in);
        Story saved = stories.save(null, DraftInput.form(in, null, caller.sectionId(), null), account(caller), null);
        return new Saved(saved.id, ninjs.write(ninjs.of(saved, base, NinjsStories.Representation.FULL)));
    }

    /**
     * A change to a draft: refused (with the workflow's reason) when it is no longer a draft this token may change,
     * e.g. an editor has it in review, or it is published (its updates are the desk's).
     */
    @Transactional
    public Saved update(long id, JsonNode in, IntegrationTokens.Caller caller, Integer ifMatch, String base) {
        Story story = Story.findById(id);
        if (story == null || story.isPendingUpdate()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (story.isPublished()) {
            throw new WorkflowRefusedException("This story is published: changes to it are made on the desk.");
        }
        holdBylineNames(in);
        Integer version = ifMatch;
        if (version == null && (in == null || !in.hasNonNull("version"))) {
            version = story.version; // the sender did not say which version it changes: it changes the current one
        }
        Story saved = stories.save(id, DraftInput.form(in, id, story.section == null ? caller.sectionId() : story.section.id,
                version), account(caller), null);
        return new Saved(saved.id, ninjs.write(ninjs.of(saved, base, NinjsStories.Representation.FULL)));
    }

    /** A story in any state (not a pending update), as ninjs, for a token that may read drafts. */
    @Transactional
    public String read(long id, String base) {
        Story story = Story.findById(id);
        if (story == null || story.isPendingUpdate()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        turns.takeTurn(story, 0);
        return ninjs.write(ninjs.of(story, base, NinjsStories.Representation.FULL));
    }

    /** A page of stories not published, last saved first, as ninjs without bodies. */
    @Transactional
    public String list(ApiCursor after, int limit, String base, jakarta.ws.rs.core.UriInfo uri) {
        return answers.list(apiStories.unpublished(after, limit), base, uri);
    }

    /**
     * A feed sends drafts in parallel, often by the same new author: each would look the name up, find no profile,
     * and make one (two profiles of one name, or one refused by the unique slug). So a draft holds its byline names
     * (a PostgreSQL advisory lock on each, in order, until its transaction ends) before it looks them up: the next
     * draft by the same name waits, then finds the profile the first made.
     */
    private static void holdBylineNames(JsonNode in) {
        DraftInput.bylineNames(in).stream().map(name -> name.toLowerCase(java.util.Locale.ROOT)).distinct().sorted()
                .forEach(name -> Story.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                        .setParameter(1, "author-name:" + name).getSingleResult());
    }

    private static StaffAccount account(IntegrationTokens.Caller caller) {
        return StaffAccount.findById(caller.account().id);
    }
}
