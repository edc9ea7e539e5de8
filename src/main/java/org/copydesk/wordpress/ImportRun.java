package org.copydesk.wordpress;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One import of a WordPress export: where it stands, its counts, and its report (the page /desk/import/{id}). */
@Entity
@Table(name = "wordpress_import")
public class ImportRun extends PanacheEntity {

    public enum Status {
        WAITING("Waiting to start"), RUNNING("Importing"), DONE("Finished"), FAILED("Stopped");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A line of the report. */
    public enum LineKind { CREATED, UPDATED, UNCHANGED, SKIPPED, PROBLEM }

    /** A line of the report, as shown. */
    public record Line(LineKind kind, String text) {
        public String label() {
            return switch (kind) {
                case CREATED -> "Imported";
                case UPDATED -> "Updated";
                case UNCHANGED -> "Unchanged";
                case SKIPPED -> "Skipped";
                case PROBLEM -> "Problem";
            };
        }
    }

    public static final int TEXT_MAX = 1000;

    @Column(name = "started_by")
    public Long startedBy;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "uploads_name")
    public String uploadsName;

    @Column(name = "site_url")
    public String siteUrl;

    @Column(name = "default_section")
    public Long defaultSection;

    @Enumerated(EnumType.STRING)
    public Status status = Status.WAITING;

    public String message;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** When the import last moved; a running import that has not moved for {@link #STALLED_AFTER} was cut short. */
    @Column(name = "updated_at")
    public Instant updatedAt;

    static final java.time.Duration STALLED_AFTER = java.time.Duration.ofMinutes(5);

    @jakarta.persistence.PrePersist
    @jakarta.persistence.PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    /**
     * Still "running" but not moved for five minutes: the node running it stopped (a restart, a crash), and the
     * import will not go on. Each post moves it, and a picture takes seconds.
     */
    public boolean stalled() {
        return status == Status.RUNNING && updatedAt != null && updatedAt.isBefore(Instant.now().minus(STALLED_AFTER));
    }

    /** The status as shown: a stalled import is shown stopped. */
    public String statusLabel() {
        return stalled() ? Status.FAILED.label() : status.label();
    }

    /** Whether the page has nothing more to wait for. */
    public boolean over() {
        return finished() || stalled();
    }

    @Column(name = "posts_total")
    public int postsTotal;

    @Column(name = "posts_done")
    public int postsDone;

    @Column(name = "stories_created")
    public int storiesCreated;

    @Column(name = "stories_updated")
    public int storiesUpdated;

    @Column(name = "posts_skipped")
    public int postsSkipped;

    @Column(name = "images_stored")
    public int imagesStored;

    @Column(name = "images_missing")
    public int imagesMissing;

    @Column(name = "authors_created")
    public int authorsCreated;

    @Column(name = "sections_created")
    public int sectionsCreated;

    @Column(name = "tags_seen")
    public int tagsSeen;

    public int addresses;

    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }

    /** Percent of the posts done, for the progress bar. */
    public int percent() {
        return postsTotal == 0 ? (finished() ? 100 : 0) : Math.min(100, postsDone * 100 / postsTotal);
    }

    public static List<ImportRun> latest(int limit) {
        return ImportRun.<ImportRun>find("order by startedAt desc, id desc").page(0, limit).list();
    }
}
