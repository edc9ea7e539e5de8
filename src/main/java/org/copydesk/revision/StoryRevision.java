package org.copydesk.revision;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;

/**
 * A saved state of a story, numbered from 1 per story. The content is a copy of the whole story, so it is
 * read only where it is needed, one revision at a time ({@link #contentOf}); lists read {@link RevisionSummary}.
 */
@Entity
@Table(name = "story_revision")
public class StoryRevision extends PanacheEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "story_id")
    public Story story;

    public int number;

    @Column(name = "created_at")
    public Instant createdAt;

    @ManyToOne
    @JoinColumn(name = "author_id")
    public StaffAccount author;

    @JdbcTypeCode(SqlTypes.JSON)
    public RevisionContent content;

    @Column(name = "content_hash")
    public String contentHash;

    /** Kept by the database from the content (db-migrations/V20), for lists. */
    @Column(insertable = false, updatable = false)
    public String headline;

    @Column(name = "body_words", insertable = false, updatable = false)
    public Integer bodyWords;

    /** The latest revision's number and content hash (what a save compares with), or null. */
    public record Latest(int number, String contentHash) {
    }

    public static Latest latest(long storyId) {
        List<Latest> latest = getEntityManager().createQuery("select new org.copydesk.revision.StoryRevision$Latest("
                        + "r.number, r.contentHash) from StoryRevision r where r.story.id = ?1 order by r.number desc",
                        Latest.class)
                .setParameter(1, storyId).setMaxResults(1).getResultList();
        return latest.isEmpty() ? null : latest.get(0);
    }

    /** One revision's content, or null when the story has no such revision. Read as a value: no entity is kept. */
    public static RevisionContent contentOf(long storyId, int number) {
        List<RevisionContent> content = getEntityManager().createQuery(
                        "select r.content from StoryRevision r where r.story.id = ?1 and r.number = ?2", RevisionContent.class)
                .setParameter(1, storyId).setParameter(2, number).getResultList();
        return content.isEmpty() ? null : content.get(0);
    }
}
