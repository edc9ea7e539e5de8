package org.copydesk.distribution;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.copydesk.story.StaleStoryException;
import org.copydesk.story.WorkflowRefusedException;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.PublicAddress;

/**
 * Drafts through the API, for a token only (a desk session opens none of these: a browser's cookie must not let a
 * page elsewhere write drafts). Reading needs drafts:read; creating and changing, drafts:write. The body is read as
 * JSON whatever type it is sent as, and only once its token is checked: a request without one is told so first.
 */
@Path(ApiPaths.BASE + "/drafts")
@Produces(ApiAnswers.JSON)
@Tag(name = "Drafts", description = "Stories not published yet; an integration token is needed.")
@SecurityRequirement(name = "IntegrationToken")
public class DraftApiResource {

    @Inject
    IntegrationTokens tokens;

    @Inject
    DraftApi drafts;

    @Inject
    ApiAnswers answers;

    @Inject
    PublicAddress address;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Stories not published (drafts, in review, scheduled), last saved first", description = "Needs drafts:read.")
    @APIResponse(responseCode = "200", description = "A page of stories", content = @Content(schema = @Schema(ref = "StoryList")))
    @APIResponse(responseCode = "401", description = "No token, or not a token this site knows")
    @APIResponse(responseCode = "403", description = "The token may not read drafts")
    public Response list(@HeaderParam("Authorization") String authorization, @QueryParam("cursor") String cursor,
                         @QueryParam("limit") String limit, @Context UriInfo uri) {
        return as(authorization, TokenScope.READ_DRAFTS, caller -> {
            ApiCursor after = cursor == null || cursor.isBlank() ? null : ApiCursor.decoded(cursor.strip());
            return Response.ok(drafts.list(after, ReadApiResource.limit(limit), address.base(uri), uri)).build();
        });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One story in any state, whole", description = "Needs drafts:read.")
    @APIResponse(responseCode = "200", description = "The story", content = @Content(schema = @Schema(ref = "Ninjs")))
    @APIResponse(responseCode = "404", description = "No story has this id")
    public Response read(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, @Context UriInfo uri) {
        return as(authorization, TokenScope.READ_DRAFTS, caller ->
                Response.ok(drafts.read(ApiAnswers.id(id).orElseThrow(NotFoundException::new), address.base(uri))).build());
    }

    @POST
    @Operation(summary = "Create a draft", description = "Needs drafts:write. A ninjs document or the desk form's fields; "
            + "it lands as a Draft in the section it names, or the token's.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Ninjs")))
    @APIResponse(responseCode = "201", description = "The draft, as ninjs; Location is its address")
    @APIResponse(responseCode = "400", description = "What is missing or wrong, by field", content = @Content(schema = @Schema(ref = "Error")))
    public Response create(@HeaderParam("Authorization") String authorization, String body, @Context UriInfo uri) {
        return as(authorization, TokenScope.WRITE_DRAFTS, caller -> {
            DraftApi.Saved saved = drafts.create(parsed(body), caller, address.base(uri));
            return Response.created(java.net.URI.create(address.base(uri) + ApiPaths.draft(saved.id()))).entity(saved.json()).build();
        });
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a draft this token created", description = "Needs drafts:write. Send the draft whole; "
            + "If-Match (or \"version\") names the version it changes, and a newer one is refused with 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Ninjs")))
    @APIResponse(responseCode = "200", description = "The draft as saved")
    @APIResponse(responseCode = "403", description = "Not a draft this token may change (in review, published, someone else's)")
    @APIResponse(responseCode = "409", description = "Saved by someone else since the version named")
    public Response update(@HeaderParam("Authorization") String authorization, @HeaderParam("If-Match") String ifMatch,
                           @PathParam("id") String id, String body, @Context UriInfo uri) {
        return as(authorization, TokenScope.WRITE_DRAFTS, caller -> Response.ok(drafts.update(
                ApiAnswers.id(id).orElseThrow(NotFoundException::new), parsed(body), caller, version(ifMatch),
                address.base(uri)).json()).build());
    }

    private interface Answer {
        Response with(IntegrationTokens.Caller caller);
    }

    /** The answer for a caller whose token allows {@code scope}; every refusal and mistake as a sentence of JSON. */
    private Response as(String authorization, TokenScope scope, Answer answer) {
        IntegrationTokens.Caller caller = tokens.caller(authorization).orElse(null);
        if (caller == null) {
            return answers.error(Response.Status.UNAUTHORIZED, authorization == null
                    ? "Send an integration token: Authorization: Bearer cdk_… (admins make them at /desk/integrations)."
                    : "This token is not one this site knows, or it was revoked.");
        }
        if (!caller.may(scope)) {
            return answers.error(Response.Status.FORBIDDEN, "This token may not " + scope.label().toLowerCase() + " ("
                    + scope.code() + "): an admin can make one that may at /desk/integrations.");
        }
        try {
            // For this token alone: no shared cache, nor the browser's, keeps what it reads.
            return Response.fromResponse(withOneRetry(answer, caller)).header("Cache-Control", "no-store").build();
        } catch (StaleStoryException stale) {
            return answers.error(Response.Status.CONFLICT, "The draft was saved by someone else since the version you sent: "
                    + "GET it again and send your change against its version.");
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST).type(ApiAnswers.JSON).entity(json(Map.of(
                    "error", "The draft was not saved: " + String.join(" ", invalid.errors().all().values()),
                    "fields", invalid.errors().all()))).build();
        } catch (WorkflowRefusedException refused) {
            return answers.error(Response.Status.FORBIDDEN, refused.getMessage());
        } catch (NotFoundException missing) {
            return answers.error(Response.Status.NOT_FOUND, "No story has this id.");
        } catch (IllegalArgumentException bad) {
            return answers.error(Response.Status.BAD_REQUEST, bad.getMessage());
        }
    }

    /**
     * A feed sends drafts in parallel, and two naming the same new author at once both make its profile: the second
     * commit is refused by the author's unique slug (seen with three writers of one agency feed). Saved again, the
     * draft finds the profile the first made, as any later draft would.
     */
    private static Response withOneRetry(Answer answer, IntegrationTokens.Caller caller) {
        try {
            return answer.with(caller);
        } catch (RuntimeException e) {
            if (!uniqueViolation(e)) {
                throw e;
            }
            return answer.with(caller);
        }
    }

    static boolean uniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode parsed(String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String bare = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(bare);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("If-Match is the draft's version, as its ninjs \"version\" says, e.g. \"3\".");
        }
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
