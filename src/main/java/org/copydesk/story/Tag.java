package org.copydesk.story;

import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** A free label on stories ("Mali", "Wagner"); made on the fly from the story form. */
@Entity
public class Tag extends PanacheEntity {

    public static final int NAME_MAX = 80;

    public String name;

    public String slug;

    public String url() {
        return "/tags/" + slug;
    }

    public static Optional<Tag> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
