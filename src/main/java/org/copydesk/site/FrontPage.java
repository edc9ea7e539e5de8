package org.copydesk.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.copydesk.story.Story;

/**
 * The front page as a newspaper sets it: a lead story with its picture, a second tier of a few more (with
 * pictures where they have them), a Latest list of the rest of the newest stories, then a block per section.
 * No story is shown twice: each part takes only what the parts above it left.
 *
 * @param lead       the lead; null past page 1 (and on an empty site)
 * @param topStories the second tier: up to {@link #TOP_STORIES}
 * @param latest     the rest of the page's newest stories, newest first
 * @param blocks     each section's newest stories not shown above, sections with none left out
 */
public record FrontPage(Story lead, List<Story> topStories, List<Story> latest, List<PublicStories.SectionBlock> blocks) {

    /** The second tier's size. */
    static final int TOP_STORIES = 4;

    /** Headlines in the Latest list on page 1. */
    static final int LATEST = 8;

    /** The stories page 1 sets above its section blocks: the lead, the second tier and the Latest list. */
    static final int SET = 1 + TOP_STORIES + LATEST;

    /**
     * Page 1 set from the newest stories (newest first): the lead is the newest story with a picture (or the
     * newest), the second tier the next ones with pictures, topped up with the newest others to at least two.
     */
    static FrontPage setFrom(List<Story> newest) {
        if (newest.isEmpty()) {
            return new FrontPage(null, List.of(), List.of(), List.of());
        }
        Story lead = newest.stream().filter(s -> s.featuredImage != null).findFirst().orElse(newest.get(0));
        List<Story> rest = new ArrayList<>(newest);
        rest.remove(lead);
        List<Story> top = new ArrayList<>(rest.stream().filter(s -> s.featuredImage != null).limit(TOP_STORIES).toList());
        for (Story other : rest) {
            if (top.size() >= 2) {
                break;
            }
            if (!top.contains(other)) {
                top.add(other);
            }
        }
        // In the order they were published, newest first, like the rest of the page.
        top.sort(java.util.Comparator.comparingInt(rest::indexOf));
        rest.removeAll(top);
        return new FrontPage(lead, List.copyOf(top), List.copyOf(rest), List.of());
    }

    /** Later pages: a plain list. */
    static FrontPage listOf(List<Story> stories) {
        return new FrontPage(null, List.of(), stories, List.of());
    }

    FrontPage withBlocks(List<PublicStories.SectionBlock> sectionBlocks) {
        return new FrontPage(lead, topStories, latest, sectionBlocks);
    }

    /** The ids of the stories shown above the section blocks. */
    Set<Long> shownIds() {
        Set<Long> ids = latest.stream().map(s -> s.id).collect(Collectors.toSet());
        topStories.forEach(s -> ids.add(s.id));
        if (lead != null) {
            ids.add(lead.id);
        }
        return ids;
    }
}
