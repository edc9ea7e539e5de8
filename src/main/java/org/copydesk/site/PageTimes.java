package org.copydesk.site;

import java.time.Instant;

import io.quarkus.qute.TemplateExtension;

import org.copydesk.language.Language;
import org.copydesk.web.Newsroom;

/**
 * Times in templates, in the page's language (the template's {@code locale} attribute: see {@link PageLanguage}),
 * always in the newsroom's time zone; pages without a language (the desk) read English.
 */
public final class PageTimes {

    private PageTimes() {
    }

    /** {@code {time.display}}: "6 Aralık 2026, 09:15 UTC" on a Turkish page. */
    @TemplateExtension(matchName = "display")
    static String displayOnPage(Instant instant, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return displayIn(instant, PageLanguage.of(locale));
    }

    /** {@code {time.displayIn(story.lang)}}: in a language other than the page's (a teaser in its story's). */
    @TemplateExtension
    public static String displayIn(Instant instant, Language language) {
        return instant == null ? "" : PageLanguage.timeFormat(language).format(instant.atZone(Newsroom.zone()));
    }
}
