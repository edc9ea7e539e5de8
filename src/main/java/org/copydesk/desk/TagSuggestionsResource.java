package org.copydesk.desk;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.copydesk.people.Role;
import org.copydesk.story.Tag;
import org.copydesk.web.DeskPaths;

/**
 * {@code GET /desk/tags?q=ma}: existing tags starting with what is typed, for the Tags field's suggestions, so a
 * story joins "Mali" rather than starting "mali " or "Malli". Without JavaScript the field is typed freely.
 */
@Path(DeskPaths.TAGS)
@RolesAllowed(Role.REPORTER_ROLE)
public class TagSuggestionsResource {

    static final int SUGGESTIONS = 8;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> suggest(@QueryParam("q") String typed) {
        String prefix = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (prefix.isEmpty() || prefix.length() > 90) {
            return List.of();
        }
        return Tag.namesStartingWith(prefix, SUGGESTIONS);
    }
}
