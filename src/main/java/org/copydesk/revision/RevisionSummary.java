package org.copydesk.revision;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * A revision as lists show it: its number, when, who, the headline and the body's length, read from columns
 * of their own (kept by a trigger, db-migrations/V20), never from the content, which is a copy of the whole
 * story (a megabyte for a long one, times every save).
 */
public record RevisionSummary(long storyId, int number, Instant createdAt, String authorName, String headline,
                              Integer bodyWords) {

    /** A story's revisions, the latest first. */
    public static List<RevisionSummary> of(long storyId) {
        return Panache.getEntityManager().createQuery("select new org.copydesk.revision.RevisionSummary(r.story.id, "
                        + "r.number, r.createdAt, a.displayName, r.headline, r.bodyWords) from StoryRevision r "
                        + "left join r.author a where r.story.id = ?1 order by r.number desc", RevisionSummary.class)
                .setParameter(1, storyId).getResultList();
    }
}
