package org.copydesk.distribution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.copydesk.people.AuthorProfile;

/** The shapes every API answer shares: a page of stories with its next, an author, an error. */
@ApplicationScoped
public class ApiAnswers {

    public static final String JSON = "application/json;charset=UTF-8";

    @Inject
    NinjsStories ninjs;

    /** A page of a list: its stories (ninjs without bodies) and the address of the next page, or null on the last. */
    String list(ApiStories.Page page, String base, UriInfo uri) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", page.stories().stream()
                .map(story -> ninjs.of(story, base, NinjsStories.Representation.PARTIAL)).toList());
        if (page.next() == null) {
            answer.put("next", null);
        } else {
            java.net.URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next().encoded()).build();
            answer.put("next", base + next.getRawPath() + "?" + next.getRawQuery());
        }
        return ninjs.write(answer);
    }

    Map<String, Object> author(AuthorProfile author, String base) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", author.name);
        item.put("slug", author.slug);
        if (author.bio != null && !author.bio.isBlank()) {
            item.put("bio", author.bio);
        }
        if (author.photo != null) {
            item.put("photo", base + author.photo.src());
        }
        item.put("stories", base + ApiPaths.stories() + "?author=" + author.slug);
        item.put("web", base + author.url());
        return item;
    }

    /** A JSON error with a sentence a person can act on; never a stack trace. */
    Response error(Response.Status status, String message) {
        return Response.status(status).type(JSON).entity(ninjs.write(Map.of("error", message))).build();
    }

    /** A path's id, or empty when it is not a number (answered 404 like an id no story has). */
    static Optional<Long> id(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
