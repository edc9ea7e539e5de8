package org.copydesk.site;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.copydesk.people.AuthorProfile;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.story.StoryState;
import org.copydesk.web.Newsroom;

/** The reader's view of the archive: only published stories ever come out of here. */
@ApplicationScoped
public class PublicStories {

    public List<Story> latest(int limit) {
        return Story.find("state = ?1 order by firstPublishedAt desc, id desc", StoryState.PUBLISHED)
                .page(0, limit).list();
    }

    public List<Story> inSection(Section section, int limit) {
        return Story.find("section = ?1 and state = ?2 order by firstPublishedAt desc, id desc", section, StoryState.PUBLISHED)
                .page(0, limit).list();
    }

    public List<Story> byAuthor(AuthorProfile author, int limit) {
        return Story.find("select s from Story s join s.bylines b where b.author = ?1 and s.state = ?2 "
                + "order by s.firstPublishedAt desc, s.id desc", author, StoryState.PUBLISHED).page(0, limit).list();
    }

    /** The published story at this address; the date is the day of first publication. */
    public Optional<Story> find(String sectionSlug, LocalDate day, String slug) {
        return Story.<Story>find("slug = ?1 and state = ?2", slug, StoryState.PUBLISHED).firstResultOptional()
                .filter(story -> story.section.slug.equals(sectionSlug))
                .filter(story -> story.firstPublishedAt.atZone(Newsroom.zone()).toLocalDate().equals(day));
    }
}
