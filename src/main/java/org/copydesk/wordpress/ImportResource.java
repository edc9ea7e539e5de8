package org.copydesk.wordpress;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import org.copydesk.web.OversizedUploads;
import org.copydesk.web.QuarkusSettings;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code /desk/import} (admins): a WordPress export file and, optionally, a zip of its uploads; the import runs in
 * the background ({@link WordPressImports}) and {@code /desk/import/{id}} shows how far it got, then its report.
 */
@Path(DeskPaths.IMPORT)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class ImportResource {

    /** How often the progress page looks again, in seconds, while the import runs. */
    static final int REFRESH_SECONDS = 2;

    @CheckedTemplate(basePath = "wordpress")
    static class Templates {
        static native TemplateInstance importForm(FormErrors errors, List<Section> sections, Long sectionId, List<ImportRun> runs,
                                                  String limit, long limitBytes);

        static native TemplateInstance importRun(ImportRun run, List<ImportRun.Line> lines, int refresh);
    }

    @Inject
    WordPressImports imports;

    @Inject
    CurrentStaff me;

    @Inject
    Flash flash;

    @Inject
    QuarkusSettings quarkus;

    @GET
    public TemplateInstance form() {
        return form(FormErrors.none(), null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("wxr") FileUpload wxr, @RestForm("uploads") FileUpload uploads,
                           @RestForm("section") String section) {
        Long sectionId = null;
        if (section != null && section.strip().matches("\\d{1,18}")) {
            sectionId = Long.parseLong(section.strip());
        }
        try {
            long id = imports.start(chosen(wxr), name(wxr), chosen(uploads), name(uploads), sectionId, me.account());
            return flash.redirect(DeskPaths.importRun(id), "Import started: this page follows it.");
        } catch (WordPressImports.BadUploadException bad) {
            return Response.status(400).entity(form(FormErrors.of(bad.field(), bad.getMessage()), sectionId)).build();
        }
    }

    @GET
    @Path("{id: \\d+}")
    public Response progress(@PathParam("id") long id) {
        WordPressImports.Progress progress = imports.progress(id).orElseThrow(NotFoundException::new);
        return Response.ok(Templates.importRun(progress.run(), progress.lines(), REFRESH_SECONDS))
                .header("Cache-Control", "no-store").build();
    }

    private TemplateInstance form(FormErrors errors, Long sectionId) {
        return Templates.importForm(errors, Section.inOrder(), sectionId, imports.latest(), OversizedUploads.importLimit(quarkus),
                quarkus.maxBodySize().map(size -> size.asLongValue()).orElse(Long.MAX_VALUE));
    }

    private static java.nio.file.Path chosen(FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null || upload.fileName() == null || upload.fileName().isBlank()
                || upload.size() == 0) {
            return null;
        }
        return upload.uploadedFile();
    }

    private static String name(FileUpload upload) {
        return upload == null ? null : upload.fileName();
    }
}
