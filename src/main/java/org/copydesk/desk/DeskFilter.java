package org.copydesk.desk;

import java.util.Map;

import org.copydesk.people.AuthorProfile;
import org.copydesk.story.Section;

/**
 * What an editor narrowed the desk's lists to: a section and an author, each given by its slug in the query string
 * (readable, and the same address the public pages use). A value that names nothing narrows nothing: a stale
 * bookmark or a typo shows the whole desk rather than an error page.
 */
public record DeskFilter(Section section, AuthorProfile author) {

    public static final DeskFilter NONE = new DeskFilter(null, null);

    /** Longer than any slug the app makes: such a value is not looked up at all. */
    private static final int SLUG_MAX = 200;

    public static DeskFilter of(String sectionSlug, String authorSlug) {
        Section section = usable(sectionSlug) ? Section.findBySlug(sectionSlug.trim()).orElse(null) : null;
        AuthorProfile author = usable(authorSlug) ? AuthorProfile.findBySlug(authorSlug.trim()).orElse(null) : null;
        return new DeskFilter(section, author);
    }

    /**
     * HQL: the story {@code s} has this author on its byline. The id is written into the query, not bound: after five
     * runs of a statement PostgreSQL may keep one generic plan for every value, and the right plan differs by author
     * (one with a handful of stories is read from story_byline_author_idx, one with thousands by walking the stories
     * in order). The id is a number read from the database, never typed text.
     */
    static String bylinedOn(String s, long authorId) {
        return "exists (select 1 from " + s + ".bylines b where b.author.id = " + authorId + "L)";
    }

    private static boolean usable(String slug) {
        return slug != null && !slug.isBlank() && slug.length() <= SLUG_MAX;
    }

    public boolean active() {
        return section != null || author != null;
    }

    public String sectionSlug() {
        return section == null ? "" : section.slug;
    }

    public String authorSlug() {
        return author == null ? "" : author.slug;
    }

    /**
     * The HQL condition for the story {@code s} ("" when nothing is filtered), its parameters put in {@code params}.
     * A story is an author's when they are on its byline or it was created by their staff account (a story whose
     * byline an editor cleared is still its writer's). The bylines are asked with "exists" on story_byline alone,
     * which PostgreSQL reads once from story_byline_author_idx and checks each row against (a subquery joining
     * story again read every story).
     */
    String where(String s, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (section != null) {
            where.append(" and ").append(s).append(".section.id = :filterSection");
            params.put("filterSection", section.id);
        }
        if (author != null) {
            where.append(" and (").append(bylinedOn(s, author.id));
            if (author.staffAccount != null) {
                where.append(" or ").append(s).append(".createdBy.id = :filterStaff");
                params.put("filterStaff", author.staffAccount.id);
            }
            where.append(")");
        }
        return where.toString();
    }
}
