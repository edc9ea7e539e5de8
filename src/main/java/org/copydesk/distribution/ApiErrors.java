package org.copydesk.distribution;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The API answers in JSON even when something fails before or beyond its own answers: web.ErrorPages writes the
 * desk's and readers' error pages in HTML (a 404 for an address the API does not have, 503 when the site is busy,
 * 500), which a program cannot read. Here, under /api/, such a page becomes {@code {"error": "…"}} with the same
 * status and headers (Retry-After stays).
 */
public class ApiErrors {

    @Inject
    NinjsStories json;

    @ServerResponseFilter
    public void inJson(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || !request.getUriInfo().getPath().startsWith(ApiPaths.BASE + "/")
                || response.getMediaType() == null || !response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return;
        }
        response.setEntity(json.write(Map.of("error", sentence(response.getStatus()))), null,
                MediaType.valueOf(ApiAnswers.JSON));
    }

    static String sentence(int status) {
        return switch (status) {
            case 404 -> "Nothing is at this address: docs/api.md and /q/openapi list the API's.";
            case 405 -> "This address does not take that method: /q/openapi lists what each takes.";
            case 409 -> "Someone else changed this at the same moment, so nothing was saved: try again.";
            case 413 -> "The request is too large.";
            case 503 -> "The site is very busy just now. Try again in a few seconds.";
            default -> status < 500 ? "The request could not be understood." : "Something went wrong on our side, "
                    + "and nothing was saved. Try again; if it happens again, tell the newsroom's admins.";
        };
    }
}
