package org.copydesk.distribution;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.copydesk.people.CurrentStaff;
import org.copydesk.people.Role;
import org.copydesk.story.Section;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;

/** /desk/integrations: admins make API tokens (shown once), see when each was last used, and revoke them. */
@Path(DeskPaths.INTEGRATIONS)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class IntegrationsResource {

    /** The new-token form as typed. */
    public record NewToken(String name, Set<TokenScope> scopes, Long sectionId) {
        public boolean has(TokenScope scope) {
            return scopes.contains(scope);
        }
    }

    @CheckedTemplate(basePath = "distribution")
    static class Templates {
        static native TemplateInstance integrations(List<IntegrationToken> tokens, NewToken form, FormErrors errors,
                                                    List<Section> sections, TokenScope[] scopes,
                                                    IntegrationTokens.Created created);
    }

    @Inject
    IntegrationTokens tokens;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance page() {
        return page(new NewToken("", EnumSet.noneOf(TokenScope.class), null), FormErrors.none(), null);
    }

    /**
     * The token is shown on the answer to this post, once: only its hash is kept. The answer is never stored
     * (no-store), so Back or a shared cache cannot show it again.
     */
    @POST
    @Path("tokens")
    public Response create(@FormParam("name") String name, @FormParam("scope") List<String> scopes,
                           @FormParam("section") String section) {
        Set<TokenScope> chosen = EnumSet.noneOf(TokenScope.class);
        (scopes == null ? List.<String>of() : scopes).forEach(code -> TokenScope.ofCode(code).ifPresent(chosen::add));
        Long sectionId = parseId(section);
        try {
            IntegrationTokens.Created created = tokens.create(name, chosen, sectionId, me.account());
            return Response.ok(page(new NewToken("", EnumSet.noneOf(TokenScope.class), null), FormErrors.none(), created))
                    .header("Cache-Control", "no-store").build();
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(new NewToken(name == null ? "" : name, chosen, sectionId), invalid.errors(), null)).build();
        }
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(id, me.account());
        return flash.redirect(DeskPaths.integrations(), "Token revoked: it no longer opens the API.");
    }

    private TemplateInstance page(NewToken form, FormErrors errors, IntegrationTokens.Created created) {
        return Templates.integrations(tokens.all(), form, errors, Section.inOrder(), TokenScope.values(), created);
    }

    private static Long parseId(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
