package org.copydesk.desk;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.copydesk.people.Role;
import org.copydesk.site.StoryViews;
import org.copydesk.story.StoryService;
import org.copydesk.web.DeskPaths;

/**
 * {@code GET /desk/story-links?q=…}: the rich-text editor's link popover finds our own published stories by
 * headline and links to their public address. Answers JSON {@code [{"headline": …, "url": "/world/2026/12/07/slug"}]},
 * at most ten, newest first; only live stories (never a draft, a pending update or an unpublished one).
 */
@Path(DeskPaths.STORY_LINK_SEARCH)
@RolesAllowed(Role.REPORTER_ROLE)
public class StoryLinkSearchResource {

    static final int RESULTS = 10;

    @Inject
    StoryService stories;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, String>> search(@QueryParam("q") String query) {
        return stories.findPublishedByHeadline(query, RESULTS).stream()
                .filter(story -> StoryViews.url(story) != null)
                .map(story -> Map.of("headline", story.headline, "url", StoryViews.url(story)))
                .toList();
    }
}
