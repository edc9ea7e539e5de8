package org.copydesk.desk;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryState;

/** The lists on the desk dashboard. */
@ApplicationScoped
public class DeskQueries {

    static final int LIMIT = 50;

    public List<Story> myStories(StaffAccount me) {
        return Story.find("createdBy = ?1 order by updatedAt desc", me).page(0, LIMIT).list();
    }

    /** Oldest first: the story waiting longest is read first. */
    public List<Story> reviewQueue() {
        return Story.find("state = ?1 order by updatedAt asc", StoryState.IN_REVIEW).page(0, LIMIT).list();
    }

    public List<Story> recentlyPublished() {
        return Story.find("state = ?1 order by firstPublishedAt desc", StoryState.PUBLISHED).page(0, 10).list();
    }
}
