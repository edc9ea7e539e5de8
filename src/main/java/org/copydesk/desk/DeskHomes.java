package org.copydesk.desk;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.people.AuthorProfile;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Section;

/** Puts the desk home together for the person who opens it. */
@ApplicationScoped
public class DeskHomes {

    @Inject
    DeskQueries queries;

    @Inject
    DeskByState byState;

    /**
     * The newsroom by state, in the order an editor acts on it (what waits for them, what waits for others, what is
     * done), narrowed by the filter; their own stories come last, unfiltered, as they are in the lists above too.
     */
    public DeskHome forEditor(StaffAccount me, DeskFilter filter) {
        List<DeskList> lists = List.of(queries.reviewQueue(filter), byState.pendingUpdates(filter),
                byState.changesRequested(filter), byState.drafts(filter), byState.scheduled(filter),
                byState.publishedToday(filter), byState.recentlyPublished(filter), queries.myStories(me));
        return new DeskHome(lists, true, filter, Section.inOrder(), authors());
    }

    /** A reporter's own stories (written or bylined on) first, then what the paper has coming and has just run. */
    public DeskHome forReporter(StaffAccount me) {
        List<DeskList> lists = List.of(queries.myStories(me), byState.scheduled(DeskFilter.NONE),
                byState.recentlyPublished(DeskFilter.NONE));
        return new DeskHome(lists, false, DeskFilter.NONE, List.of(), List.of());
    }

    /** Every author profile by name, read as slug and name only (a newsroom has hundreds, agencies included). */
    private static List<DeskHome.AuthorChoice> authors() {
        return AuthorProfile.getEntityManager().createQuery("select a.slug, a.name from AuthorProfile a order by lower(a.name), a.id",
                Object[].class).getResultStream().map(a -> new DeskHome.AuthorChoice((String) a[0], (String) a[1])).toList();
    }
}
