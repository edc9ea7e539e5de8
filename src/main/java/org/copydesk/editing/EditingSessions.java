package org.copydesk.editing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.web.CopydeskConfig;

/**
 * Who has a story open (leases, renewed by the open page, expiring soon after it closes) and the
 * working copies the page autosaves. Neither touches the story, its state or its revisions.
 */
@ApplicationScoped
@Transactional
public class EditingSessions {

    /** Someone else with the story open. */
    public record OtherEditor(String name, Instant since) {
    }

    /** A working copy: the form's text fields as typed, when, and the story version it started from. */
    public record WorkingCopy(Map<String, String> fields, Instant savedAt, int basedOnVersion, boolean overtaken) {
    }

    @Inject
    CopydeskConfig config;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** Takes or renews this person's lease on the story ("since" stays while the lease lives). */
    public Instant touch(Story story, StaffAccount me) {
        return touch(story.id, me);
    }

    /**
     * The same, by the story's number (the open page's renewal, which reads no story). Answers the renewal's time
     * as stored (to the microsecond), which the page sends back when it closes ({@link #release(long, StaffAccount,
     * Instant)}).
     */
    public Instant touch(long storyId, StaffAccount me) {
        Instant now = Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Panache.getEntityManager().createNativeQuery(
                "insert into story_lease (story_id, staff_id, since, renewed_at) values (?1, ?2, ?3, ?3) "
                        + "on conflict (story_id, staff_id) do update set renewed_at = excluded.renewed_at, "
                        + "since = case when story_lease.renewed_at < ?4 then excluded.since else story_lease.since end")
                .setParameter(1, storyId).setParameter(2, me.id).setParameter(3, Timestamp.from(now))
                .setParameter(4, Timestamp.from(now.minus(config.editing().lease()))).executeUpdate();
        return now;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OtherEditor> othersEditing(Story story, StaffAccount me) {
        return othersEditing(story.id, me);
    }

    /** The others holding a live lease on the story, earliest first: one query on the lease's key, no story read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OtherEditor> othersEditing(long storyId, StaffAccount me) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "select a.display_name, l.since from story_lease l join staff_account a on a.id = l.staff_id "
                        + "where l.story_id = ?1 and l.staff_id <> ?2 and l.renewed_at >= ?3 order by l.since")
                .setParameter(1, storyId).setParameter(2, me.id)
                .setParameter(3, Timestamp.from(Instant.now(clock).minus(config.editing().lease()))).getResultList();
        return rows.stream().map(r -> new OtherEditor((String) r[0], toInstant(r[1]))).toList();
    }

    /** Gives this person's lease on the story back: the story moved on from their hands. */
    public void release(long storyId, StaffAccount me) {
        release(storyId, me, null);
    }

    /**
     * Gives the lease back as a closed page does: only when nothing renewed it after {@code lastRenewed} (that
     * page's last renewal; null: whatever renewed it). A page closed by going to another of the same story
     * (reloading, Restore autosaved text, a small form of the page sent) says goodbye only after the next page
     * took the lease: that page keeps it.
     */
    public void release(long storyId, StaffAccount me, Instant lastRenewed) {
        var delete = Panache.getEntityManager().createNativeQuery("delete from story_lease where story_id = ?1 and staff_id = ?2"
                        + (lastRenewed == null ? "" : " and renewed_at <= ?3"))
                .setParameter(1, storyId).setParameter(2, me.id);
        if (lastRenewed != null) {
            delete.setParameter(3, Timestamp.from(lastRenewed));
        }
        delete.executeUpdate();
    }

    public void saveWorkingCopy(Story story, StaffAccount me, Map<String, String> fields, int basedOnVersion) {
        Panache.getEntityManager().createNativeQuery(
                "insert into story_autosave (story_id, staff_id, saved_at, based_on_version, fields) "
                        + "values (?1, ?2, ?3, ?4, cast(?5 as jsonb)) on conflict (story_id, staff_id) do update set "
                        + "saved_at = excluded.saved_at, based_on_version = excluded.based_on_version, fields = excluded.fields")
                .setParameter(1, story.id).setParameter(2, me.id).setParameter(3, Timestamp.from(Instant.now(clock)))
                .setParameter(4, basedOnVersion).setParameter(5, write(fields)).executeUpdate();
    }

    /**
     * This person's working copy when it holds text the story does not: newer than the story's last save, or
     * typed on a version someone else has saved over since (its own saves discard it, so what is left was never
     * saved: the page closed or crashed after the autosave, then another person saved). Restoring an overtaken copy
     * fills the form on its old version, so its save is shown the differences to merge.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkingCopy newerWorkingCopy(Story story, StaffAccount me) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "select cast(fields as text), saved_at, based_on_version from story_autosave "
                        + "where story_id = ?1 and staff_id = ?2")
                .setParameter(1, story.id).setParameter(2, me.id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        Instant savedAt = toInstant(row[1]);
        int basedOn = ((Number) row[2]).intValue();
        boolean newer = story.updatedAt == null || savedAt.isAfter(story.updatedAt);
        boolean overtaken = basedOn < story.version;
        return newer || overtaken ? new WorkingCopy(read((String) row[0]), savedAt, basedOn, overtaken) : null;
    }

    public void discardWorkingCopy(long storyId, StaffAccount me) {
        Panache.getEntityManager().createNativeQuery("delete from story_autosave where story_id = ?1 and staff_id = ?2")
                .setParameter(1, storyId).setParameter(2, me.id).executeUpdate();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private String write(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
