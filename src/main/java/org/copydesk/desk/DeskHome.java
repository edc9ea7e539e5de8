package org.copydesk.desk;

import java.util.List;

import org.copydesk.story.Section;

/**
 * What the desk home shows this person: its lists in the order they come on the page, and, for editors, the filter
 * with its choices (reporters get their own stories and the schedule, unfiltered).
 */
public record DeskHome(List<DeskList> lists, boolean editor, DeskFilter filter, List<Section> sections,
                       List<AuthorChoice> authors) {

    /** An author profile as the Author select offers it: chosen by slug, shown by name. */
    public record AuthorChoice(String slug, String name) {
    }
}
