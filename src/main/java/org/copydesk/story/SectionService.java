package org.copydesk.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.copydesk.publishing.Publication;
import org.copydesk.publishing.PublicChange;
import org.copydesk.web.AppRoutes;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Slugs;
import org.copydesk.web.Text;

/** Sections of the paper, managed by editors. A section's slug is the first part of its stories' URLs. */
@ApplicationScoped
@Transactional
public class SectionService {

    @jakarta.inject.Inject
    Publication publication;

    /**
     * The first path segments the site itself answers (read from its resources: images, bundle, static, desk,
     * search, q, ...): a section there would be shadowed, its front and stories answering 404 while the sitemap
     * lists them.
     */
    @jakarta.inject.Inject
    AppRoutes routes;

    /** {@code language}: the section's own language tag, or empty for the site's. */
    public Section create(String name, String slug, String language) {
        String cleanName = Text.clean(name);
        String cleanSlug = Text.clean(slug);
        FormErrors errors = new FormErrors().singleLine("name", "Section name", cleanName);
        if (cleanName == null) {
            errors.add("name", "Enter the section's name");
        } else if (Text.length(cleanName) > 80) {
            errors.add("name", "Section name must be 80 characters or fewer");
        } else if (!errors.has("name") && Section.count("lower(name) = lower(?1)", cleanName) > 0) {
            errors.add("name", "There is already a section with this name");
        }
        String finalSlug = cleanSlug != null ? cleanSlug : Slugs.of(cleanName, 80);
        if (cleanName != null && (!Slugs.isValid(finalSlug) || finalSlug.length() > 80)) {
            errors.add("slug", "Slug must be lower-case letters, digits and single hyphens");
        } else if (routes.shadows(finalSlug) || finalSlug.matches("\\d+")) {
            errors.add("slug", "“" + finalSlug + "” is an address the site itself uses (/" + finalSlug
                    + "), so the section's pages could not be reached there; choose another slug");
        } else if (Section.findBySlug(finalSlug).isPresent()) {
            errors.add("slug", "Another section already uses this slug");
        }
        String ownLanguage = ownLanguage(language, errors);
        if (errors.any()) {
            throw new FormInvalidException(errors);
        }
        Section section = new Section();
        section.language = ownLanguage;
        section.name = cleanName;
        section.slug = finalSlug;
        Integer last = Section.find("select max(position) from Section").project(Integer.class).firstResult();
        section.position = last == null ? 1 : last + 1;
        section.persist();
        publication.announce(PublicChange.ofSection(section.id, null));
        return section;
    }

    /** A section's own language changes (empty: the site's): its pages' language, and new stories' in it. */
    public Section setLanguage(long id, String language) {
        Section section = Section.findById(id);
        if (section == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        FormErrors errors = new FormErrors();
        String own = ownLanguage(language, errors);
        if (errors.any()) {
            throw new FormInvalidException(errors);
        }
        section.language = own;
        publication.announce(PublicChange.ofSection(section.id, null));
        return section;
    }

    private static String ownLanguage(String language, FormErrors errors) {
        if (Text.isBlank(language)) {
            return null;
        }
        String tag = org.copydesk.language.Languages.parse(language).map(l -> l.tag()).orElse(null);
        if (tag == null) {
            errors.add("language", "Choose one of the newsroom's languages, or the site's");
        }
        return tag;
    }
}
