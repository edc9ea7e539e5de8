package org.copydesk.editing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.copydesk.people.StaffAccount;
import org.copydesk.revision.StoryRevision;
import org.copydesk.story.StoryState;
import org.copydesk.story.StoryWorkflow;
import org.copydesk.story.WorkflowRefusedException;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.Times;

/**
 * What the open story page learns each time it renews its lease (assets/story-form.js): who else has the story
 * open, and whether it was saved since the version the page was opened on. Asked every few seconds by every open
 * page, so it stays small: the story's row without its text (no body, no entity), the leases on the story by their
 * key, and only after a save since, the story's latest revision number.
 */
@ApplicationScoped
@Transactional
public class Presence {

    /** Someone else with the story open, as the page writes it: "Being edited by {name} since {since}". */
    public record Other(String name, String since, String sinceIso) {
    }

    /** A save since the page's version: "Saved by {savedBy} at {savedAt} since you opened it — see the difference". */
    public record SavedSince(String savedBy, String savedAt, String savedAtIso, int version, String differenceUrl) {
    }

    /**
     * The page's answer. {@code saved} is null while nobody has saved the story since the page's version;
     * {@code leaseAt} is this renewal's time, which the page sends back when it closes.
     */
    public record Answer(List<Other> others, SavedSince saved, String leaseAt) {
    }

    @Inject
    EditingSessions editing;

    /**
     * Renews this person's lease and says who else is there and what was saved since. {@code version}: the story
     * version the page's form carries; {@code openedRevision}: the story's latest revision when the page was made
     * (0: not known, the difference link is then the story's history). Refused, as a save would be, when this
     * person may not change the story ({@code StoryService.refuseUnlessEditable}'s rule, on the row's columns):
     * only someone who may edit it holds a lease.
     */
    public Answer renew(long storyId, StaffAccount me, Integer version, int openedRevision) {
        Head head = head(storyId);
        StoryWorkflow.Actor actor = new StoryWorkflow.Actor(me.role(), head.createdBy() != null && head.createdBy().equals(me.id));
        WorkflowRefusedException.unless(StoryWorkflow.editRefusal(actor, new StoryWorkflow.Subject(head.state(), head.pendingUpdate())));
        Instant renewed = editing.touch(storyId, me);
        List<Other> others = editing.othersEditing(storyId, me).stream()
                .map(o -> new Other(o.name(), Times.display(o.since()), Times.iso(o.since()))).toList();
        return new Answer(others, version == null || head.version() <= version ? null : savedSince(storyId, me, head, openedRevision),
                renewed.toString());
    }

    private SavedSince savedSince(long storyId, StaffAccount me, Head head, int openedRevision) {
        String by = head.updatedById() != null && head.updatedById().equals(me.id) ? "you"
                : head.updatedByName() == null ? "someone" : head.updatedByName();
        StoryRevision.Latest latest = openedRevision > 0 ? StoryRevision.latest(storyId) : null;
        String difference = latest != null && latest.number() > openedRevision
                ? DeskPaths.revisionsCompare(storyId, openedRevision, latest.number())
                : DeskPaths.storyHistory(storyId);
        return new SavedSince(by, Times.display(head.updatedAt()), Times.iso(head.updatedAt()), head.version(), difference);
    }

    /** The story's row as far as presence needs it. */
    private record Head(int version, Instant updatedAt, Long updatedById, String updatedByName, StoryState state,
                        Long createdBy, boolean pendingUpdate) {
    }

    private static Head head(long storyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "select s.version, s.updated_at, s.updated_by, a.display_name, s.state, s.created_by, s.update_of is not null "
                        + "from story s left join staff_account a on a.id = s.updated_by where s.id = ?1")
                .setParameter(1, storyId).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException();
        }
        Object[] r = rows.get(0);
        return new Head(((Number) r[0]).intValue(), toInstant(r[1]), r[2] == null ? null : ((Number) r[2]).longValue(),
                (String) r[3], StoryState.valueOf((String) r[4]), r[5] == null ? null : ((Number) r[5]).longValue(),
                Boolean.TRUE.equals(r[6]));
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
