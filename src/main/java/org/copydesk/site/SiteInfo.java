package org.copydesk.site;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import org.copydesk.language.Language;
import org.copydesk.language.Languages;
import org.copydesk.publishing.VersionHeard;
import org.copydesk.story.Section;

/**
 * The site-wide bits every page shows (the paper's name, its sections, the house dateline style),
 * kept in memory so that pages, error pages included, render without a query. Loaded at start-up and
 * reloaded by whoever changes sections or settings.
 */
@Named("site")
@ApplicationScoped
public class SiteInfo implements org.copydesk.web.SiteLanguage {

    /** A section as the navigation needs it. */
    public record SectionLink(String name, String slug, String language) {
        public String url() {
            return "/" + slug;
        }
    }

    /** The settings as last loaded; {@code languages} never empty, the site's own first. */
    public record Settings(String siteName, String agencyCredit, String datelineFormat, List<Language> languages,
                           boolean feedFullText) {

        /** The site's own language: front, section and tag pages, new stories unless their section has another. */
        public Language language() {
            return languages.get(0);
        }
    }

    /**
     * The uploaded logo as pages use it: {@code src} a raster rendition at most {@link #LOGO_WIDTH} wide (the
     * masthead shows it at most 80 pixels high; it is also the publisher's logo in structured data, where Google
     * takes no SVG); twice the masthead's height, so it is sharp on dense screens too.
     */
    public record Logo(String src, int width, int height) {
    }

    /** The publisher's logo when none is uploaded: assets/logo.png, a raster copy of assets/logo.svg. */
    public static final Logo DEFAULT_PUBLISHER_LOGO = new Logo("/assets/logo.png", 240, 60);

    static final int LOGO_WIDTH = 480;

    private volatile Logo logo;
    private volatile Settings settings = new Settings("Copydesk", "Copydesk", "MMM d", List.of(Language.ENGLISH), false);
    private volatile List<SectionLink> sections = List.of();
    private volatile java.time.Instant loadedAt = java.time.Instant.now();
    /** Counts reloads: a page cached before the latest one may show old settings or sections. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    void onStart(@Observes @Priority(5) StartupEvent event) {
        reload();
    }

    /** Any node may have changed settings or sections: read them before the heard version counts here. */
    void heard(@Observes VersionHeard heard) {
        reload();
    }

    /**
     * Also called from the public-change listener's own thread: a request context is made for it, which
     * Hibernate needs to know which database to read (ops.ReadRouting: always the primary there).
     */
    @ActivateRequestContext
    public void reload() {
        boolean changed = QuarkusTransaction.requiringNew().call(() -> {
            SiteSettings row = SiteSettings.current();
            Settings read = row == null ? settings : new Settings(row.siteName, row.agencyCredit, row.datelineFormat,
                    languagesOrEnglish(row.languages), row.feedFullText);
            List<SectionLink> readSections = Section.inOrder().stream().map(s -> new SectionLink(s.name, s.slug, s.language)).toList();
            Logo readLogo = row == null ? logo : logoOf(row.logo);
            if (read.equals(settings) && readSections.equals(sections) && java.util.Objects.equals(readLogo, logo)) {
                return false;
            }
            settings = read;
            logo = readLogo;
            sections = readSections;
            loadedAt = java.time.Instant.now();
            return true;
        });
        if (changed) {
            generation.incrementAndGet();
        }
    }

    /**
     * Raised by every reload that found something changed, after the new settings and sections are
     * in place (every public change reloads them: most change nothing, and keep the pages kept meanwhile).
     */
    public long generation() {
        return generation.get();
    }

    /** When settings and sections were last read (after any change to them): every page shows them. */
    public java.time.Instant loadedAt() {
        return loadedAt;
    }

    public Settings settings() {
        return settings;
    }

    /** The uploaded logo, or null (the masthead is then the site's name in type). */
    public Logo logo() {
        return logo;
    }

    /** The publisher's logo in structured data: the uploaded one, else the default. Always a raster image. */
    public Logo publisherLogo() {
        Logo uploaded = logo;
        return uploaded != null ? uploaded : DEFAULT_PUBLISHER_LOGO;
    }

    private static Logo logoOf(org.copydesk.media.Image image) {
        if (image == null) {
            return null;
        }
        int width = image.widths().stream().filter(w -> w <= LOGO_WIDTH).reduce((a, b) -> b).orElse(image.widths().get(0));
        return new Logo(image.url(width), width, image.heightAt(width));
    }

    public String name() {
        return settings.siteName();
    }

    public List<SectionLink> sections() {
        return sections;
    }

    @Override
    public Language siteLanguage() {
        return language();
    }

    /** The site's own language (the {@code lang} of pages that are not one story's). */
    public Language language() {
        return settings.language();
    }

    /** The languages the newsroom writes in, the site's own first. */
    public List<Language> languages() {
        return settings.languages();
    }

    /**
     * The language a list or feed is narrowed to by its {@code ?lang=} (null: every language): one of the newsroom's
     * languages, or a 404 (a made-up value is not a page of its own).
     */
    public Language listedLanguage(String lang) {
        if (lang == null) {
            return null;
        }
        return Languages.parse(lang).flatMap(l -> languages().stream().filter(known -> known.tag().equals(l.tag())).findFirst())
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    /** The language of a section's pages: its own, or the site's. */
    public Language languageOf(String sectionSlug) {
        for (SectionLink section : sections) {
            if (section.slug().equals(sectionSlug) && section.language() != null) {
                return Languages.of(section.language());
            }
        }
        return language();
    }

    private static List<Language> languagesOrEnglish(String tags) {
        List<Language> languages = Languages.list(tags);
        return languages.isEmpty() ? List.of(Language.ENGLISH) : List.copyOf(languages);
    }
}
