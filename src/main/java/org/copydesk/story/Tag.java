package org.copydesk.story;

import java.util.List;
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

    /** The names of tags starting with {@code prefix} (any case, taken literally), in order, at most {@code limit}. */
    public static List<String> namesStartingWith(String prefix, int limit) {
        String pattern = org.copydesk.web.Text.likeLiteral(prefix) + "%";
        return getEntityManager()
                .createQuery("select t.name from Tag t where lower(t.name) like ?1 order by lower(t.name)", String.class)
                .setParameter(1, pattern).setMaxResults(limit).getResultList();
    }
}
