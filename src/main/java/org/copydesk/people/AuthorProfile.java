package org.copydesk.people;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** A contributor who can appear in bylines; linked to a staff account or not (agency writers, freelancers). */
@Entity
@Table(name = "author")
public class AuthorProfile extends PanacheEntity {

    public static final int NAME_MAX = 120;
    public static final int BIO_MAX = 1000;

    public String name;

    public String slug;

    public String bio;

    @jakarta.persistence.ManyToOne(fetch = jakarta.persistence.FetchType.LAZY)
    @jakarta.persistence.JoinColumn(name = "photo_image_id")
    public org.copydesk.media.Image photo;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "staff_account_id")
    public StaffAccount staffAccount;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public String url() {
        return "/authors/" + slug;
    }

    public static Optional<AuthorProfile> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static Optional<AuthorProfile> findByStaffAccount(StaffAccount account) {
        return find("staffAccount", account).firstResultOptional();
    }

    /** A profile that exists only on a preview page: never persisted. */
    public static AuthorProfile unsaved(String name) {
        AuthorProfile author = new AuthorProfile();
        author.name = name;
        author.slug = org.copydesk.web.Slugs.of(name, 90);
        return author;
    }

    public static Optional<AuthorProfile> findByName(String name) {
        return find("lower(name) = lower(?1) order by id", name.trim()).firstResultOptional();
    }
}
