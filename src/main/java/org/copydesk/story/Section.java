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
