package org.copydesk.site;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word readers see on the public site, in English; the other languages are in
 * {@code messages/words_<language>.properties}. Templates write {@code {words:published}}; the page's template
 * instance carries its language as the {@code locale} attribute ({@link PageLanguage}), and a language without a
 * file falls back to these English words. Desk pages stay in English.
 *
 * <p>The two patterns at the end are java.time patterns, kept here so that a language's file holds all of it:
 * its words and the shape of its dates. English dates keep the house forms (the dateline's comes from the settings).
 */
@MessageBundle(value = "words", locale = "en")
public interface ReaderWords {

    // The story page.
    @Message("By")
    String by();

    /** Between the last two names of a byline ("Ana Díaz and Tom Lee"); spacing is added around it. */
    @Message("and")
    String and();

    /** Before a time, as {@code updated} and {@code corrected}: "Publié le 6 décembre 2026 à 09:15 UTC". */
    @Message("Published")
    String published();

    @Message("Updated")
    String updated();

    @Message("Corrected")
    String corrected();

    @Message("Corrections")
    String corrections();

    @Message("Tags:")
    String tags();

    @Message("Related stories")
    String relatedStories();

    @Message("More in {section}")
    String moreIn(String section);

    /** {@code plural} is the CLDR plural category of {@code minutes} in the page's language (one, two, few, many, other). */
    @Message("Reading time: {#if plural == 'one'}{minutes} minute{#else}{minutes} minutes{/if}")
    String readingTime(int minutes, String plural);

    // Lists: front, section, tag and author pages.
    @Message("latest news")
    String latestNews();

    @Message("Latest")
    String latest();

    @Message("Stories")
    String stories();

    @Message("No stories have been published yet.")
    String noStoriesYet();

    @Message("No {section} stories have been published yet.")
    String noSectionStoriesYet(String section);

    @Message("No {section} stories in {language} have been published yet.")
    String noSectionStoriesYetIn(String section, String language);

    /** Before the links to a story's other language versions, each named in its own language. */
    @Message("This story in:")
    String thisStoryIn();

    /** The name of the language filter above a section's list. */
    @Message("Languages")
    String languages();

    @Message("All languages")
    String allLanguages();

    /** The search page's Language select. */
    @Message("Language")
    String language();

    /** A search asked for a language the newsroom does not write in: the site's was searched instead. */
    @Message("“{typed}” is not one of this site's languages: stories in {language} were searched.")
    String languageNotSearched(String typed, String language);

    @Message("page {number}")
    String pageNumber(int number);

    @Message("More stories")
    String moreStories();

    @Message("Newer stories")
    String newerStories();

    @Message("Older stories")
    String olderStories();

    /** The front page's second tier, under the lead (a heading for screen readers). */
    @Message("Top stories")
    String topStories();

    // Pages' descriptions for search engines (meta description).
    @Message("The latest news from {site}: reporting, analysis and the day's top stories.")
    String frontDescription(String site);

    @Message("{section}: the latest stories from {site}.")
    String sectionDescription(String section, String site);

    @Message("Stories about {tag} from {site}.")
    String tagDescription(String tag, String site);

    @Message("Stories by {author} for {site}.")
    String authorDescription(String author, String site);

    // The end of a story: share links (plain addresses, no script).
    @Message("Share this story")
    String shareThisStory();

    @Message("Email")
    String shareByEmail();

    // Every page.
    @Message("Skip to content")
    String skipToContent();

    @Message("Sections")
    String sections();

    @Message("Search")
    String search();

    @Message("Newsroom sign-in")
    String newsroomSignIn();

    // The search page.
    @Message("Search: {query}")
    String searchFor(String query);

    @Message("Search stories")
    String searchStories();

    @Message("Use \"quotes\" for a phrase and -word to leave a word out.")
    String searchHint();

    @Message("Section")
    String section();

    @Message("All sections")
    String allSections();

    @Message("Author")
    String author();

    @Message("All authors")
    String allAuthors();

    @Message("No published story matches “{query}”{#if page > 1} on this page{/if}. Try fewer or different words, or remove a filter.")
    String noMatches(String query, int page);

    @Message("Result pages")
    String resultPages();

    @Message("Previous page")
    String previousPage();

    @Message("Next page")
    String nextPage();

    // Error pages readers meet.
    @Message("Page not found")
    String pageNotFound();

    @Message("There is nothing at this address. It may have been mistyped, or the story may have moved or not be published.")
    String pageNotFoundText();

    @Message("Story removed")
    String storyRemovedTitle();

    @Message("This story has been removed")
    String storyRemoved();

    @Message("The editors have taken this story down. It is no longer available.")
    String storyRemovedText();

    @Message("Go to the front page")
    String goToFront();

    // Shapes of dates (java.time patterns).
    /** A time on a page: "6 Dec 2026, 09:15 UTC". */
    @Message("d MMM yyyy, HH:mm zzz")
    String timePattern();

    // Live coverage (live.LivePages).
    /** The badge of coverage going on. */
    @Message("Live")
    String live();

    /** The heading of a live story's entries. */
    @Message("Live updates")
    String liveUpdates();

    @Message("Live coverage has ended")
    String liveCoverageEnded();

    @Message("Key events")
    String keyEvents();

    @Message("Key event")
    String keyEvent();

    /** Said to screen readers when an entry arrives without a reload. */
    @Message("New update posted")
    String newEntry();

    @Message("No updates yet: they appear here as they are posted.")
    String noEntriesYet();

    @Message("Follow the updates by feed (Atom)")
    String liveFeed();

    /** The dateline's date; English uses the settings' house pattern instead ({@link PageLanguage#datelinePattern}). */
    @Message("MMM d")
    String datelinePattern();
}
