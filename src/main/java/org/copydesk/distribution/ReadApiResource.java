package org.copydesk.distribution;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.copydesk.people.AuthorProfile;
import org.copydesk.site.PageFreshness;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.web.PublicAddress;

/**
 * The public read API: published stories as ninjs, sections and authors, for apps, partners and aggregators.
 * Answers are strings of JSON, so site.PublicCaching gives them what it gives every public page: a strong ETag,
 * Last-Modified, Cache-Control, 304 to a conditional request, and a place in the page cache until the next public
 * change (a request carrying credentials is none of these: web.PublicRequests).
 */
@Path(ApiPaths.BASE)
@Produces(ApiAnswers.JSON)
@Tag(name = "Read", description = "Published stories, sections and authors; no token needed.")
public class ReadApiResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    @Inject
    ApiStories stories;

    @Inject
    NinjsStories ninjs;

    @Inject
    PageFreshness freshness;

    @Inject
    PublicAddress address;

    @Inject
    ApiAnswers answers;

    @Inject
    org.copydesk.site.BigStoryTurns turns;

    @GET
    @Path("/stories")
    @Operation(summary = "Published stories, newest first",
            description = "Each story as ninjs 2.0 without its bodies (representationtype \"partial\"); one story by id has them. "
                    + "Pages follow with the cursor in \"next\".")
    @APIResponse(responseCode = "200", description = "A page of stories",
            content = @Content(schema = @Schema(ref = "StoryList")))
    @APIResponse(responseCode = "400", description = "A filter or cursor that is not understood",
            content = @Content(schema = @Schema(ref = "Error")))
    public Response list(@Parameter(description = "A section's slug") @QueryParam("section") String section,
                         @Parameter(description = "A tag's slug") @QueryParam("tag") String tag,
                         @Parameter(description = "An author's slug") @QueryParam("author") String author,
                         @Parameter(description = "A BCP 47 language tag, e.g. tr") @QueryParam("language") String language,
                         @Parameter(description = "RFC 3339 time: only stories published, updated or corrected since")
                         @QueryParam("since") String since,
                         @Parameter(description = "The cursor from the previous page's \"next\"") @QueryParam("cursor") String cursor,
                         @Parameter(description = "Stories per page, 1 to 100 (20 unless asked)") @QueryParam("limit") String limit,
                         @Context UriInfo uri) {
        try {
            ApiStories.Filter filter = new ApiStories.Filter(blankless(section), blankless(tag), blankless(author),
                    blankless(language), time(since));
            ApiCursor after = cursor == null || cursor.isBlank() ? null : ApiCursor.decoded(cursor.strip());
            int size = limit(limit);
            freshness.sinceLastPublicChange();
            ApiStories.Page page = stories.published(filter, after, size);
            return Response.ok(answers.list(page, address.base(uri), uri)).build();
        } catch (IllegalArgumentException e) {
            return answers.error(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @GET
    @Path("/stories/{id}")
    @Operation(summary = "One published story, whole", description = "ninjs 2.0 with its body and corrections.")
    @APIResponse(responseCode = "200", description = "The story", content = @Content(schema = @Schema(ref = "Ninjs")))
    @APIResponse(responseCode = "404", description = "No published story has this id",
            content = @Content(schema = @Schema(ref = "Error")))
    public Response story(@PathParam("id") String id, @Context UriInfo uri) {
        Story story = ApiAnswers.id(id).flatMap(stories::published).orElse(null);
        if (story == null) {
            return answers.error(Response.Status.NOT_FOUND, "No published story has the id " + id + ".");
        }
        freshness.lastModified(story.lastChangedAt());
        turns.takeTurn(story, 0); // a long read is written whole, as its page is
        return Response.ok(ninjs.write(ninjs.of(story, address.base(uri), NinjsStories.Representation.FULL))).build();
    }

    @GET
    @Path("/sections")
    @Operation(summary = "The sections, in the site's order")
    @APIResponse(responseCode = "200", description = "The sections", content = @Content(schema = @Schema(ref = "SectionList")))
    public String sections(@Context UriInfo uri) {
        freshness.sinceLastPublicChange();
        String base = address.base(uri);
        List<Map<String, Object>> items = Section.inOrder().stream().map(section -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", section.name);
            item.put("slug", section.slug);
            item.put("language", section.languageOfItsStories());
            item.put("stories", base + ApiPaths.stories() + "?section=" + section.slug);
            item.put("web", base + section.url());
            return item;
        }).toList();
        return ninjs.write(Map.of("items", items));
    }

    @GET
    @Path("/authors")
    @Operation(summary = "The authors with published stories, by name")
    @APIResponse(responseCode = "200", description = "The authors", content = @Content(schema = @Schema(ref = "AuthorList")))
    public String authors(@Context UriInfo uri) {
        freshness.sinceLastPublicChange();
        String base = address.base(uri);
        List<Map<String, Object>> items = ApiAuthors.published().stream().map(a -> answers.author(a, base)).toList();
        return ninjs.write(Map.of("items", items));
    }

    @GET
    @Path("/authors/{slug}")
    @Operation(summary = "One author")
    @APIResponse(responseCode = "200", description = "The author", content = @Content(schema = @Schema(ref = "Author")))
    @APIResponse(responseCode = "404", description = "No author has this slug", content = @Content(schema = @Schema(ref = "Error")))
    public Response author(@PathParam("slug") String slug, @Context UriInfo uri) {
        AuthorProfile author = AuthorProfile.findBySlug(slug).orElse(null);
        if (author == null) {
            return answers.error(Response.Status.NOT_FOUND, "No author has the slug " + slug + ".");
        }
        freshness.sinceLastPublicChange();
        return Response.ok(ninjs.write(answers.author(author, address.base(uri)))).build();
    }

    static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int size = Integer.parseInt(limit.strip());
            if (size >= 1 && size <= MAX_LIMIT) {
                return size;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("limit is a number from 1 to " + MAX_LIMIT + ".");
    }

    static Instant time(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(since.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since is an RFC 3339 time with its zone, e.g. 2026-12-07T09:30:00Z.");
        }
    }
}
