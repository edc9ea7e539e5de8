package org.copydesk.desk;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.copydesk.language.Language;
import org.copydesk.people.Role;
import org.copydesk.site.SiteInfo;
import org.copydesk.story.Section;
import org.copydesk.story.SectionService;
import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;

/** /desk/sections: editors add sections to the paper. */
@Path(DeskPaths.SECTIONS)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.EDITOR_ROLE)
public class SectionDeskResource {

    @CheckedTemplate(basePath = "desk")
    static class Templates {
        static native TemplateInstance sections(List<Section> sections, String name, String slug, String language,
                                                List<Language> languages, FormErrors errors);
    }

    @Inject
    SectionService sections;

    @Inject
    SiteInfo site;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance list() {
        return Templates.sections(Section.inOrder(), "", "", "", site.languages(), FormErrors.none());
    }

    @POST
    @jakarta.ws.rs.Path("{id}/language")
    public Response setLanguage(@jakarta.ws.rs.PathParam("id") long id, @FormParam("language") String language) {
        try {
            Section section = sections.setLanguage(id, language);
            site.reload();
            return flash.redirect(DeskPaths.sections(), "Section " + section.name + " is now in "
                    + (section.language == null ? "the site's language" : site.languageOf(section.slug).englishName()) + ".");
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.sections(Section.inOrder(), "", "", "",
                    site.languages(), invalid.errors())).build();
        }
    }

    @POST
    public Response create(@FormParam("name") String name, @FormParam("slug") String slug,
                           @FormParam("language") String language) {
        try {
            Section section = sections.create(name, slug, language);
            site.reload();
            return flash.redirect(DeskPaths.sections(), "Section " + section.name + " added.");
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.sections(Section.inOrder(),
                    name == null ? "" : name, slug == null ? "" : slug, language == null ? "" : language, site.languages(),
                    invalid.errors())).build();
        }
    }
}
