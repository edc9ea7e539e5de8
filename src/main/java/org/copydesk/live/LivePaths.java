package org.copydesk.live;

/** The public addresses of live coverage. */
public final class LivePaths {

    /** Where readers' pages follow a live story's changes (Server-Sent Events); never kept by a cache. */
    public static final String EVENTS = "/live/{id}/events";

    private LivePaths() {
    }

    public static String events(long storyId) {
        return "/live/" + storyId + "/events";
    }

    /** The Atom feed of a live story's entries: its page's address and /feed.xml. */
    public static String feed(String storyPath) {
        return storyPath + "/feed.xml";
    }
}
