package org.copydesk.media;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code /images/{key}/{width}.jpg}: an image in one of its widths. The bytes at an address never
 * change (a new upload gets a new key), so browsers and CDNs keep them for a year.
 */
@Path("/images")
public class ImageResource {

    static final String YEAR = "public, max-age=31536000, immutable";

    @GET
    @Path("{key: [A-Za-z0-9_-]{22}}/{width: \\d{1,5}}.{ext: jpg|png}")
    public Response rendition(@PathParam("key") String key, @PathParam("width") int width, @PathParam("ext") String ext) {
        Image image = Image.findByKey(key).orElseThrow(NotFoundException::new);
        if (!image.extension().equals(ext)) {
            throw new NotFoundException();
        }
        ImageRendition rendition = ImageRendition.find("imageId = ?1 and width = ?2", image.id, width)
                .<ImageRendition>firstResultOptional().orElseThrow(NotFoundException::new);
        return Response.ok(rendition.bytes, "png".equals(ext) ? "image/png" : "image/jpeg")
                .header("Cache-Control", YEAR)
                .header("Content-Disposition", "inline")
                .build();
    }
}
