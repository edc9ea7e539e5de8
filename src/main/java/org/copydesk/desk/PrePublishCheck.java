package org.copydesk.desk;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.jsoup.Jsoup;

/**
 * What an editor is shown before Publish, Schedule or Publish update takes effect (as WordPress does): the
 * address the story will have, and what readers or search engines would miss. Warnings never stop the
 * editor; pressing the button again goes through them, except a Schedule time already gone, which the workflow
 * refuses anyway.
 *
 * @param action   the button pressed, pressed again to go ahead
 * @param address  the public path the story will have
 * @param warnings what to look at first, in the order of the page
 * @param blocked  the action cannot go ahead as it stands (Schedule for a time gone): the page offers no button
 */
public record PrePublishCheck(StoryAction action, String address, List<String> warnings, boolean blocked) {

    /** Search results cut a title after about this many characters. */
    static final int HEADLINE_IN_RESULTS = 70;

    /**
     * The check of a story as the form would make it ({@code toPublish}, never saved), published at {@code at}.
     *
     * @param scheduleAt the time typed for Schedule (null: none or not a time)
     */
    static PrePublishCheck of(StoryAction action, Story toPublish, Instant scheduleAt, Instant now, ZoneId zone) {
        List<String> warnings = new ArrayList<>();
        int headline = toPublish.headline.codePointCount(0, toPublish.headline.length());
        if (headline > HEADLINE_IN_RESULTS) {
            warnings.add("The headline is " + headline + " characters: search results cut it after about "
                    + HEADLINE_IN_RESULTS + ".");
        }
        if (toPublish.bylines.isEmpty()) {
            warnings.add("No byline: the story would run without one.");
        }
        if (toPublish.datelinePlace == null || toPublish.datelinePlace.isBlank()) {
            warnings.add("No dateline: readers are not told where the story comes from.");
        }
        long withoutAlt = imagesWithoutAlt(toPublish);
        if (withoutAlt > 0) {
            warnings.add(withoutAlt == 1 ? "An image has no alt text: readers who cannot see it are told nothing."
                    : withoutAlt + " images have no alt text: readers who cannot see them are told nothing.");
        }
        List<String> unpublished = toPublish.related.stream().filter(r -> !r.isPublished()).map(r -> r.headline).toList();
        if (!unpublished.isEmpty()) {
            warnings.add("Related stories not published, which readers will not see: " + String.join("; ", unpublished) + ".");
        }
        boolean past = action == StoryAction.SCHEDULE && scheduleAt != null && !scheduleAt.isAfter(now);
        if (past) {
            warnings.add("Publish at is in the past: a story can only be scheduled for a time to come. Change the time, or press Publish to publish now.");
        }
        return new PrePublishCheck(action, toPublish.url(zone), List.copyOf(warnings), past);
    }

    private static long imagesWithoutAlt(Story story) {
        long inBody = story.body == null || !story.body.contains("<img") ? 0
                : Jsoup.parseBodyFragment(story.body).select("img").stream().filter(img -> img.attr("alt").isBlank()).count();
        boolean featured = story.featuredImage != null && (story.featuredImageAlt == null || story.featuredImageAlt.isBlank());
        return inBody + (featured ? 1 : 0);
    }

    /** The question the page asks: the button's words in lower case ("publish", "schedule", "publish update"). */
    public String verb() {
        return action.label().toLowerCase(java.util.Locale.ROOT);
    }
}
