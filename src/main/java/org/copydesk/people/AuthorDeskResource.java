package org.copydesk.people;

import org.copydesk.media.Image;
import org.copydesk.media.ImageRejectedException;
import org.copydesk.media.ImageStore;
import org.copydesk.media.ImageUpload;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.copydesk.web.DeskPaths;
import org.copydesk.web.Flash;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;

/** /desk/authors: editors keep the author profiles (name, bio) that bylines point to. */
@Path(DeskPaths.AUTHORS)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.EDITOR_ROLE)
public class AuthorDeskResource {

    @CheckedTemplate(basePath = "people")
    static class Templates {
        static native TemplateInstance authors(List<AuthorProfile> authors, String newName, FormErrors errors);

        static native TemplateInstance authorForm(AuthorProfile author, String name, String bio, FormErrors errors);
    }

    @Inject
    StaffService staff;

    @Inject
    Flash flash;

    @Inject
    ImageStore images;

    @Inject
    CurrentStaff me;

    @GET
    public TemplateInstance list() {
        return Templates.authors(staff.listAuthors(), "", FormErrors.none());
    }

    @POST
    public Response create(@FormParam("name") String name) {
        try {
            AuthorProfile profile = staff.newAuthorProfile(name);
            return flash.redirect(DeskPaths.author(profile.id), "Author profile created.");
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.authors(staff.listAuthors(), name == null ? "" : name, invalid.errors())).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") long id) {
        AuthorProfile author = find(id);
        return Templates.authorForm(author, author.name, author.bio == null ? "" : author.bio, FormErrors.none());
    }

    @POST
    @Path("{id}")
    public Response update(@PathParam("id") long id, @FormParam("name") String name, @FormParam("bio") String bio) {
        try {
            staff.updateAuthor(id, name, bio);
            return flash.redirect(DeskPaths.authors(), "Author profile saved.");
        } catch (FormInvalidException invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.authorForm(find(id), name == null ? "" : name, bio == null ? "" : bio, invalid.errors()))
                    .build();
        }
    }

    /**
     * The author's photo: a new one replaces the old; "remove" takes it off. Checked like any upload, and read
     * outside the transaction that sets it (a picture may wait its turn to be decoded: no connection is held).
     */
    @POST
    @Path("{id}/photo")
    @jakarta.ws.rs.Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response photo(@PathParam("id") long id, @RestForm("photo") FileUpload photo, @RestForm("remove") String remove) {
        AuthorProfile author = find(id);
        if ("on".equals(remove)) {
            staff.setAuthorPhoto(id, null, me.account());
            return flash.redirect(DeskPaths.author(id), "Photo removed.");
        }
        try {
            Image image = images.store(ImageUpload.of(photo), me.account().id);
            staff.setAuthorPhoto(id, image.id, me.account());
            return flash.redirect(DeskPaths.author(id), "Photo saved.");
        } catch (ImageRejectedException rejected) {
            Response.ResponseBuilder answer = Response.status(rejected.status()).entity(Templates.authorForm(author, author.name,
                    author.bio == null ? "" : author.bio, FormErrors.of("photo", rejected.getMessage())));
            if (rejected.retryAfterSeconds() > 0) {
                answer.header("Retry-After", rejected.retryAfterSeconds());
            }
            return answer.build();
        }
    }

    private static AuthorProfile find(long id) {
        AuthorProfile author = AuthorProfile.findById(id);
        if (author == null) {
            throw new NotFoundException();
        }
        return author;
    }
}
