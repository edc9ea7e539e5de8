package org.copydesk.ops;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.copydesk.publishing.PublicChange;

/**
 * The newsroom's own figures beside Quarkus's (requests, connection pool, JVM) at /q/metrics:
 * {@code copydesk_story_events_total{action=...}} counts publications, updates, corrections and
 * unpublishings on this node (sum over nodes for the newsroom), and {@code copydesk_page_render_seconds}
 * times public pages rendered (pages answered from memory are not renders), and with a read replica
 * {@code copydesk_public_reads_total{database=primary|replica}} says where renders read;
 * {@code copydesk_searches_total{from=memory|database}} says where readers' searches found their candidates.
 */
@ApplicationScoped
public class NewsroomMetrics {

    @Inject
    MeterRegistry registry;

    // Meters are made once and kept: building and registering one is a map lookup and a few objects,
    // and renders happen on the hot path.
    private final java.util.Map<PublicChange.Kind, Counter> storyEvents = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Counter> publicReads = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Timer> renders = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Counter> searches = new java.util.concurrent.ConcurrentHashMap<>();

    /** Counted when the change commits: a refused or rolled-back act counts nothing. Stories only, as always. */
    void counted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicChange change) {
        if (change.kind().ofAStory()) {
            storyEvents.computeIfAbsent(change.kind(), k -> Counter.builder("copydesk.story.events")
                    .description("Story acts that change public pages").tag("action", k.name().toLowerCase()).register(registry))
                    .increment();
        }
    }

    /** A public page's reads went to this database ("primary" or "replica"), when a replica is configured. */
    public void publicPageRead(String database) {
        publicReads.computeIfAbsent(database, d -> Counter.builder("copydesk.public.reads")
                .description("Public page renders by the database they read").tag("database", d).register(registry))
                .increment();
    }

    /** A readers' search answered, its candidates found in "memory" or by the "database" (search.PublicMatches). */
    public void searchAnswered(String from) {
        searches.computeIfAbsent(from, f -> Counter.builder("copydesk.searches")
                .description("Readers' searches by where their candidates were found").tag("from", f).register(registry))
                .increment();
    }

    /** One public page rendered; {@code page} is the kind (the resource method), never the path. */
    public void rendered(String page, Duration took) {
        renders.computeIfAbsent(page, p -> Timer.builder("copydesk.page.render")
                .description("Public pages rendered (not answered from memory)").tag("page", p)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(5)).register(registry)).record(took);
    }
}
