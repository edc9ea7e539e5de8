package org.copydesk.site;

import java.util.List;

import org.copydesk.story.Story;

/**
 * One page of a story list with stable ?page= links: page 1 is the plain address, later pages
 * add ?page=N; prev/next are null at the ends.
 */
public record StoryList(List<Story> stories, int number, String previous, String next, String self) {

    /**
     * The deepest page a list offers (5,000 stories at 20 a page): the cost of a page grows with its
     * offset, so lists stop here; older stories are found through search, the sitemaps and tag pages.
     */
    public static final int MAX_PAGE = 250;

    public static StoryList of(List<Story> fetched, int size, int number, String path) {
        boolean more = fetched.size() > size;
        List<Story> shown = more ? fetched.subList(0, size) : fetched;
        // A list of one language has its own address (/world?lang=tr): its pages add &page=N.
        String page = path.contains("?") ? "&page=" : "?page=";
        String previous = number <= 1 ? null : (number == 2 ? path : path + page + (number - 1));
        String next = more && number < MAX_PAGE ? path + page + (number + 1) : null;
        return new StoryList(shown, number, previous, next, number <= 1 ? path : path + page + number);
    }

    /** How far down page 1 a story with a picture may be taken up to lead a list page. */
    static final int LEAD_WITHIN = 5;

    /**
     * The story set first and large on a list's first page (tags/listing.html): the newest of the first few with a
     * picture, else the newest; null past page 1.
     */
    public Story lead() {
        if (number > 1 || stories.isEmpty()) {
            return null;
        }
        return stories.stream().limit(LEAD_WITHIN).filter(s -> s.featuredImage != null).findFirst().orElse(stories.get(0));
    }

    /** The page's stories but its {@link #lead()}, in their order. */
    public List<Story> afterLead() {
        Story lead = lead();
        return lead == null ? stories : stories.stream().filter(s -> s != lead).toList();
    }

    public boolean isEmpty() {
        return stories.isEmpty();
    }

    /** Page numbers beyond the list's end show nothing; readers get a 404 rather than an empty page. */
    public boolean isBeyondEnd() {
        return number > 1 && stories.isEmpty();
    }
}
