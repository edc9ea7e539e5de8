package org.copydesk.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A story and its translations: the original (the story the others were translated from) first, then the
 * translations in the order they were made. Live stories only: a pending update shares its live story's set.
 */
public record TranslationSet(List<Story> members) {

    /** The set a story belongs to (just itself when it has no translations). */
    public static TranslationSet of(Story story) {
        Story live = story.updateOf != null ? story.updateOf : story;
        Story original = live.translationOf != null ? live.translationOf : live;
        List<Story> members = new ArrayList<>();
        members.add(original);
        if (original.id != null) {
            members.addAll(Story.<Story>list("translationOf = ?1 and updateOf is null order by id", original));
        }
        if (!members.contains(live)) {
            members.add(live); // a story not saved yet (a preview) stands in its own set
        }
        return new TranslationSet(List.copyOf(members));
    }

    public Story original() {
        return members.get(0);
    }

    /** The member written in this language, if there is one. */
    public Optional<Story> inLanguage(String tag) {
        return members.stream().filter(s -> s.language.equals(tag)).findFirst();
    }

    /** The members readers can see, the original first. */
    public List<Story> published() {
        return members.stream().filter(Story::isPublished).toList();
    }

    /** The published members other than {@code story}: "This story in: ..." on its page. */
    public List<Story> publishedOtherThan(Story story) {
        Story live = story.updateOf != null ? story.updateOf : story;
        return published().stream().filter(s -> s != live && !s.id.equals(live.id)).toList();
    }

    /**
     * When the page of {@code story} last changed: its own last change, or a later one of a published translation
     * (its page names them all), for Last-Modified.
     */
    public java.time.Instant lastChangedAt(Story story) {
        java.time.Instant last = story.lastChangedAt();
        for (Story other : publishedOtherThan(story)) {
            java.time.Instant changed = other.lastChangedAt();
            if (changed != null && (last == null || changed.isAfter(last))) {
                last = changed;
            }
        }
        return last;
    }

    public boolean hasTranslations() {
        return members.size() > 1;
    }
}
