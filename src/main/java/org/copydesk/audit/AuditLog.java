package org.copydesk.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.web.Newsroom;

/**
 * Writes and reads the audit log. Writes join the caller's transaction, so a rolled-back act leaves no line.
 * The packages below (people, story, publishing) do not call it: they fire events, and {@link AuditedActs}
 * writes their lines.
 */
@ApplicationScoped
public class AuditLog {

    /** The search form of the admin's audit page; every field optional. */
    public record Filter(String action, String actor, Long storyId, LocalDate from, LocalDate to) {
        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    static final int PAGE = 200;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent storyEvent(AuditAction action, StaffAccount actor, Story story, String from, String to, String comment) {
        AuditEvent event = event(action, actor, actor == null ? "Scheduler" : actor.displayName);
        event.story = story;
        event.fromValue = from;
        event.toValue = to;
        event.comment = comment;
        event.persist();
        return event;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent staffEvent(AuditAction action, StaffAccount actor, String from, String to, String detail) {
        AuditEvent event = event(action, actor, actor == null ? null : actor.displayName);
        event.fromValue = from;
        event.toValue = to;
        event.detail = truncate(detail);
        event.persist();
        return event;
    }

    /**
     * Sign-ins and sign-outs, recorded in a transaction of their own (a failed sign-in has nothing else
     * to commit). {@code account} is null when the username typed matches no account.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void session(AuditAction action, StaffAccount account, String typedUsername, String address) {
        AuditEvent event = event(action, account == null ? null : StaffAccount.findById(account.id),
                account == null ? typedUsername : account.displayName);
        event.detail = truncate("username " + typedUsername + (address == null ? "" : " from " + address));
        event.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> search(Filter filter) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.action() != null && !filter.action().isBlank()) {
            where.add("e.action = :action");
            params.and("action", filter.action());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.add("(lower(a.username) = lower(:actor) or lower(e.actorName) like lower(:actorLike))");
            params.and("actor", filter.actor().strip()).and("actorLike", "%" + filter.actor().strip() + "%");
        }
        if (filter.storyId() != null) {
            where.add("s.id = :story");
            params.and("story", filter.storyId());
        }
        if (filter.from() != null) {
            where.add("e.at >= :from");
            params.and("from", filter.from().atStartOfDay(Newsroom.zone()).toInstant());
        }
        if (filter.to() != null) {
            where.add("e.at < :to");
            params.and("to", filter.to().plusDays(1).atStartOfDay(Newsroom.zone()).toInstant());
        }
        String query = "select e from AuditEvent e left join fetch e.actor a left join fetch e.story s"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by e.at desc, e.id desc";
        return AuditEvent.find(query, params).page(0, PAGE).list();
    }

    private AuditEvent event(AuditAction action, StaffAccount actor, String actorName) {
        AuditEvent event = new AuditEvent();
        event.at = Instant.now(clock);
        event.action = action.name();
        event.actor = actor;
        event.actorName = actorName != null && actorName.length() > 120 ? actorName.substring(0, 120) : actorName;
        return event;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 400 ? s : s.substring(0, 400);
    }
}
