package org.copydesk.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Outside the API, a request that changes something is an HTML form, which quarkus-rest-csrf checks for its
 * token. The extension is told to leave requests of other types alone ({@code require-form-url-encoded=false}),
 * so that the API's JSON (authenticated by a token in a header, which no other site can make a browser send)
 * gets through; here everything else that is not a form is refused, so that a page elsewhere cannot post, say,
 * text/plain to the desk with its reader's cookie and slip past the check.
 */
public class FormsOnly {

    /** The API's own prefix (distribution.ApiPaths): JSON with a token, never a cookie. */
    static final String API = "/api/";

    @ServerRequestFilter(preMatching = true)
    public Response refuseUnlessForm(ContainerRequestContext request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || request.getUriInfo().getPath().startsWith(API)) {
            return null;
        }
        MediaType type = request.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return null;
        }
        return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity("This address takes HTML forms only.").build();
    }
}
