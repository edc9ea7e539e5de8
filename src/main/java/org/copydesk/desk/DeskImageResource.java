package org.copydesk.desk;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.copydesk.media.Image;
import org.copydesk.media.ImageRejectedException;
import org.copydesk.media.ImageStore;
import org.copydesk.media.ImageUpload;
import org.copydesk.people.CurrentStaff;
import org.copydesk.web.DeskPaths;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /desk/images}: the rich-text editor's "Image" button uploads here and puts the answer
 * (address, size) into the body. Same checks as the featured image; answers JSON, and a refusal as
 * {@code {"error": "…"}} with its status (400, or 503 with Retry-After when images are queuing).
 */
@Path(DeskPaths.IMAGES)
@jakarta.annotation.security.RolesAllowed(org.copydesk.people.Role.REPORTER_ROLE)
public class DeskImageResource {

    @Inject
    ImageStore images;

    @Inject
    CurrentStaff me;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@RestForm("file") FileUpload file) {
        try {
            Image image = images.store(ImageUpload.of(file), me.account().id);
            return Response.ok(Map.of("src", image.url(image.width), "width", image.width, "height", image.height)).build();
        } catch (ImageRejectedException rejected) {
            Response.ResponseBuilder answer = Response.status(rejected.status()).entity(Map.of("error", rejected.getMessage()));
            if (rejected.retryAfterSeconds() > 0) {
                answer.header("Retry-After", rejected.retryAfterSeconds());
            }
            return answer.build();
        }
    }
}
