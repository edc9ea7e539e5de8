package org.copydesk.search;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.copydesk.people.Role;
import org.copydesk.web.DeskPaths;

/** /desk/search: staff search every story, whatever its state. */
@Path(DeskPaths.SEARCH)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REPORTER_ROLE)
public class DeskSearchResource {

    @CheckedTemplate(basePath = "search")
    static class Templates {
        static native TemplateInstance desk(StorySearch.Query query, List<StorySearch.Hit> hits);
    }

    @Inject
    StorySearch search;

    @GET
    public TemplateInstance search(@QueryParam("q") String q) {
        StorySearch.Query query = new StorySearch.Query(SearchResource.clip(q), "", "", 1);
        return Templates.desk(query, search.everything(query));
    }
}
