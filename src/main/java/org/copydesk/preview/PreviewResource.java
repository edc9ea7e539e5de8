package org.copydesk.preview;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.copydesk.site.StoryPages;
import org.copydesk.web.Times;

/** {@code /preview/{token}}: a shared preview, for anyone holding the link, signed in or not. */
@Path("/preview")
public class PreviewResource {

    /** Never cached, never indexed, and the secret address never sent on as a Referer. */
    static final String NO_STORE = "private, no-store";

    @CheckedTemplate(basePath = "preview")
    static class Templates {
        static native TemplateInstance closed();
    }

    @Inject
    PreviewLinks links;

    @Inject
    StoryPages storyPages;

    @Inject
    org.copydesk.web.PublicAddress address;

    @Context
    UriInfo uri;

    @GET
    @Path("{token}")
    public Response show(@PathParam("token") String token) {
        return links.open(token)
                .map(link -> Response.ok(storyPages.page(link.story, address.base(uri),
                        "This is how the story would look on the site. It is not published; this link works until "
                                + Times.display(link.expiresAt) + ".")))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).entity(Templates.closed()))
                .header("Cache-Control", NO_STORE)
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
