package org.copydesk.live;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.copydesk.story.Story;

/**
 * Renders live coverage for readers in the story's language: the section of its page (entries, key events, the
 * coverage's state), and each entry alone, as the stream sends it ({@link LiveStreams}). One template for both,
 * so an entry that arrives by the stream is the very markup a reload shows.
 */
@ApplicationScoped
public class LivePages {

    @CheckedTemplate(basePath = "live")
    static class Templates {
        static native TemplateInstance coverage(Coverage coverage);

        static native TemplateInstance entry(LiveEntryView entry);

        static native TemplateInstance keyEvent(LiveEntryView entry);

        static native TemplateInstance ended(Instant endedAt);
    }

    /**
     * The coverage section as the page has it: its entries and key events rendered, the change it is rendered at
     * ({@code seq}), where the page follows it and its feed.
     */
    public record Coverage(String eventsUrl, String feedUrl, long seq, Instant endedAt, String endedHtml, List<String> entries,
                           List<String> keyEvents) {
    }

    /** The coverage section of a live story's page, with what it shows (for its structured data too). */
    public record Section(String html, long seq, List<LiveEntryView> entries, Instant endedAt, String feedPath,
                          Instant lastChangeAt) {
    }

    @Inject
    LiveCoverage coverage;

    /** The story page's section: part of the page's transaction. */
    public Section section(Story story) {
        Locale locale = story.lang().locale();
        List<LiveEntryView> shown = coverage.shown(story.id);
        LiveCoverage.LastChange last = coverage.lastChange(story.id);
        long seq = last.seq();
        Coverage view = new Coverage(LivePaths.events(story.id), LivePaths.feed(story.publicPath), seq, story.liveEndedAt,
                story.liveEndedAt == null ? null : ended(story.liveEndedAt, locale),
                shown.stream().map(e -> entry(e, locale)).toList(),
                shown.stream().filter(LiveEntryView::keyEvent).map(e -> keyEvent(e, locale)).toList());
        return new Section(Templates.coverage(view).setLocale(locale).render(), seq, shown, story.liveEndedAt, view.feedUrl(),
                last.at());
    }

    public String entry(LiveEntryView entry, Locale locale) {
        return Templates.entry(entry).setLocale(locale).render();
    }

    public String keyEvent(LiveEntryView entry, Locale locale) {
        return Templates.keyEvent(entry).setLocale(locale).render();
    }

    public String ended(Instant endedAt, Locale locale) {
        return Templates.ended(endedAt).setLocale(locale).render();
    }
}
