package org.copydesk.distribution;

import java.util.List;

import org.copydesk.people.AuthorProfile;

/** The authors the read API lists: those with a byline on a published story. */
final class ApiAuthors {

    private ApiAuthors() {
    }

    static List<AuthorProfile> published() {
        return AuthorProfile.list("""
                select distinct a from AuthorProfile a where exists (select 1 from Story s join s.bylines b
                where b.author = a and s.state = org.copydesk.story.StoryState.PUBLISHED and s.updateOf is null)
                order by a.name""");
    }
}
