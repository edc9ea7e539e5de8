package org.copydesk.site;

import io.quarkus.qute.TemplateExtension;

import org.copydesk.story.Story;
import org.copydesk.web.Newsroom;

/** What templates ask of a story: its public address. */
@TemplateExtension
public final class StoryViews {

    private StoryViews() {
    }

    /** The story's public address: where it was published (null while it never was). */
    public static String url(Story story) {
        return story.publicPath != null ? story.publicPath : story.url(Newsroom.zone());
    }

    /** What follows byline {@code index}: ", " between names, " and " before the last, nothing after it. */
    public static String bylineJoiner(Story story, int index) {
        int last = story.bylines.size() - 1;
        if (index >= last) {
            return "";
        }
        return index == last - 1 ? " and " : ", ";
    }
}
