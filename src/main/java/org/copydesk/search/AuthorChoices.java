package org.copydesk.search;

import java.util.List;
import java.util.regex.Pattern;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.site.SiteInfo;

/**
 * The search form's list of authors to filter by, rendered once each time the site's bits are reloaded
 * ({@link SiteInfo#generation()}), not on every search: with a newsroom's 200 author profiles, reading and
 * rendering them was a third of the app's time per search (docs/performance.md).
 */
@ApplicationScoped
public class AuthorChoices {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]+");

    @CheckedTemplate(basePath = "search")
    static class Templates {
        static native TemplateInstance authorOptions(List<SiteInfo.AuthorLink> authors);
    }

    private record Rendered(long generation, String html) {
    }

    @Inject
    SiteInfo site;

    private volatile Rendered rendered = new Rendered(-1, "");

    /** The option elements, the chosen author's selected. */
    public RawString options(String chosenSlug) {
        Rendered known = rendered;
        long generation = site.generation();
        if (known.generation() != generation) {
            known = new Rendered(generation, Templates.authorOptions(site.authors()).render());
            rendered = known;
        }
        String html = known.html();
        if (chosenSlug != null && SLUG.matcher(chosenSlug).matches()) {
            html = html.replace("<option value=\"" + chosenSlug + "\">", "<option value=\"" + chosenSlug + "\" selected>");
        }
        return new RawString(html);
    }
}
