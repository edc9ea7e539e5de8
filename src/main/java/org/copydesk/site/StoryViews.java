package org.copydesk.site;

import io.quarkus.qute.TemplateExtension;

import org.copydesk.language.Language;
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

    /**
     * What follows byline {@code index} in the page's language: ", " between names (Arabic "، "), " and " before
     * the last of a run of names (" ve ", " et ", Arabic " و" joined to the name after it), "; " before a byline with
     * a role line of its own (agency style: "By A and B; Additional reporting by C"), nothing after the last.
     */
    public static String bylineJoiner(Story story, int index, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        int last = story.bylines.size() - 1;
        if (index >= last) {
            return "";
        }
        Language language = PageLanguage.of(locale);
        if (story.bylines.get(index + 1).isContributor()) {
            return Dateline.comma(language.locale()).replace(',', ';').replace('،', '؛');
        }
        if (index < last - 1 && !story.bylines.get(index + 2).isContributor()) {
            return Dateline.comma(language.locale());
        }
        String and = PageLanguage.words(language).and();
        return " " + and + (writtenJoined(and) ? "" : " ");
    }

    /** A one-letter Arabic or Hebrew conjunction (و, ו) is written joined to the word after it. */
    static boolean writtenJoined(String word) {
        if (word.codePointCount(0, word.length()) != 1) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(word.codePointAt(0));
        return script == Character.UnicodeScript.ARABIC || script == Character.UnicodeScript.HEBREW;
    }
}
