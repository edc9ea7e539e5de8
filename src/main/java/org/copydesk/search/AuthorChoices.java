package org.copydesk.search;

import java.util.List;
import java.util.regex.Pattern;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.publishing.PublicVersion;

/**
 * The search form's list of authors to filter by, read and rendered once per public version (author
 * profiles are public: adding or changing one raises it), not on every search: with a newsroom's 200
 * author profiles, reading and rendering them was a third of the app's time per search
 * (docs/performance.md).
 */
@ApplicationScoped
public class AuthorChoices {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]+");

    /** An author as the list shows it. */
    public record Author(String name, String slug) {
    }

    @CheckedTemplate(basePath = "search")
    static class Templates {
        static native TemplateInstance authorOptions(List<Author> authors);
    }

    private record Rendered(long version, String html) {
    }

    @Inject
    PublicVersion versions;

    private volatile Rendered rendered = new Rendered(PublicVersion.UNKNOWN, "");

    /**
     * Authors with something public: a byline on a published story (V12 keeps {@code listed_at} set exactly
     * then, as for the author pages). Not every profile: one typed as a byline on a draft, and every staff
     * member's, exist long before anything of theirs is published, and the list must not tell readers of them.
     */
    @SuppressWarnings("unchecked")
    static List<Author> publishedAuthors() {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("select a.name, a.slug from author a "
                + "where exists (select 1 from story_byline b where b.author_id = a.id and b.listed_at is not null) "
                + "order by a.name").getResultList();
        return rows.stream().map(row -> new Author((String) row[0], (String) row[1])).toList();
    }

    /** The option elements, the chosen author's selected. */
    public RawString options(String chosenSlug) {
        Rendered known = rendered;
        long version = versions.known();
        if (known.version() != version || version == PublicVersion.UNKNOWN) {
            List<Author> authors = publishedAuthors();
            known = new Rendered(version, Templates.authorOptions(authors).render());
            rendered = known;
        }
        String html = known.html();
        if (chosenSlug != null && SLUG.matcher(chosenSlug).matches()) {
            html = html.replace("<option value=\"" + chosenSlug + "\">", "<option value=\"" + chosenSlug + "\" selected>");
        }
        return new RawString(html);
    }
}
