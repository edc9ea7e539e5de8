package org.copydesk.revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryEdited;
import org.copydesk.story.UpdateFolded;

/** Keeps a revision per save of a story, skipping saves that changed nothing; told of saves by the story's events. */
@ApplicationScoped
public class Revisions {

    void edited(@Observes StoryEdited edited) {
        record(edited.story(), edited.by());
    }

    void folded(@Observes UpdateFolded folded) {
        fold(folded.update(), folded.live());
    }

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * Records the story as it now stands, unless the latest revision already holds exactly this. The new
     * revision is written at once and let go: the content is a copy of the whole story, which the session
     * would otherwise keep (with a snapshot of it) until the end of the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Story story, StaffAccount author) {
        RevisionContent content = RevisionContent.of(story);
        String hash = hash(content);
        StoryRevision.Latest latest = story.id == null ? null : StoryRevision.latest(story.id);
        if (latest != null && latest.contentHash().equals(hash)) {
            return;
        }
        StoryRevision revision = new StoryRevision();
        revision.story = story;
        revision.number = latest == null ? 1 : latest.number() + 1;
        revision.createdAt = Instant.now(clock);
        revision.author = author;
        revision.content = content;
        revision.contentHash = hash;
        revision.persist();
        StoryRevision.getEntityManager().flush();
        StoryRevision.getEntityManager().detach(revision);
    }

    /** A pending update's revisions join the live story's list, numbered after its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fold(Story update, Story live) {
        StoryRevision.Latest latest = StoryRevision.latest(live.id);
        int offset = latest == null ? 0 : latest.number();
        // One statement, never loading their content: no revision entity is kept in a session (see record).
        StoryRevision.update("story = ?1, number = number + ?2 where story = ?3", live, offset, update);
    }

    private String hash(RevisionContent content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
