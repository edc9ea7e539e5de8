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
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;

/** Keeps a revision per save of a story, skipping saves that changed nothing. */
@ApplicationScoped
public class Revisions {

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Records the story as it now stands, unless the latest revision already holds exactly this. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoryRevision record(Story story, StaffAccount author) {
        RevisionContent content = RevisionContent.of(story);
        String hash = hash(content);
        StoryRevision latest = StoryRevision.latest(story);
        if (latest != null && latest.contentHash.equals(hash)) {
            return latest;
        }
        StoryRevision revision = new StoryRevision();
        revision.story = story;
        revision.number = latest == null ? 1 : latest.number + 1;
        revision.createdAt = Instant.now(clock);
        revision.author = author;
        revision.content = content;
        revision.contentHash = hash;
        revision.persist();
        return revision;
    }

    /** A pending update's revisions join the live story's list, numbered after its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fold(Story update, Story live) {
        StoryRevision latest = StoryRevision.latest(live);
        int offset = latest == null ? 0 : latest.number;
        // Entity by entity (a handful), so revisions already loaded in this transaction follow too.
        for (StoryRevision revision : StoryRevision.<StoryRevision>list("story", update)) {
            revision.story = live;
            revision.number += offset;
        }
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
