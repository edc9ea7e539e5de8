package org.copydesk.story;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** A section of the paper (World, Politics, ...); every story belongs to exactly one. */
@Entity
public class Section extends PanacheEntity {

    public String name;

    public String slug;

    public int position;

    /** The BCP 47 tag of the section's own language, or null for the site's. */
    public String language;

    /** The language of a new story in this section when none is chosen: the section's own, or the site's (the first of the settings' list). */
    public String languageOfItsStories() {
        if (language != null) {
            return language;
        }
        Object siteLanguages = getEntityManager().createNativeQuery("select languages from site_settings where id = 1")
                .getResultStream().findFirst().orElse("en");
        return org.copydesk.language.Languages.list(siteLanguages.toString()).stream().findFirst()
                .map(org.copydesk.language.Language::tag).orElse("en");
    }

    public String url() {
        return "/" + slug;
    }

    public static List<Section> inOrder() {
        return list("order by position, name");
    }

    public static Optional<Section> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
