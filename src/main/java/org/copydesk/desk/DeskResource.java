package org.copydesk.desk;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.copydesk.people.CurrentStaff;
import org.copydesk.people.Role;
import org.copydesk.story.Story;
import org.copydesk.web.DeskPaths;

/** /desk: the dashboard every member of staff starts from. */
@Path(DeskPaths.DESK)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REPORTER_ROLE)
public class DeskResource {

    @CheckedTemplate(basePath = "desk")
    static class Templates {
        static native TemplateInstance dashboard(List<DeskQueries.MyStory> myStories,
                                                 List<DeskQueries.ReviewItem> reviewQueue, List<Story> scheduled,
                                                 List<Story> recentlyPublished, boolean editor);
    }

    @Inject
    DeskQueries queries;

    @Inject
    CurrentStaff me;

    @GET
    public TemplateInstance dashboard() {
        boolean editor = me.isEditor();
        return Templates.dashboard(queries.myStories(me.account()), editor ? queries.reviewQueue() : List.of(),
                queries.scheduled(), queries.recentlyPublished(), editor);
    }
}
