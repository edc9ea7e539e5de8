package org.copydesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stories in French, Turkish, Arabic and English, written on the desk as a journalist would, are found by readers
 * searching with or without accents and in any case (élections and elections, Iğdır and igdir, İstanbul, istanbul and
 * ISTANBUL), stemmed in their own language, in the language chosen or in all of them, with their words marked.
 */
@QuarkusTest
class SearchInEveryLanguageTest {

    @Inject
    Fixtures fixtures;

    @Inject
    StorySearch search;

    /** A word of letters only, in no other story: each search below also asks for it, so other tests' stories never match. */
    private static final String MARKER = "qx" + Long.toString(System.nanoTime(), 26).chars()
            .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'b' + (c - '0') : c))).reduce("", String::concat);

    private static long french;
    private static long turkish;
    private static long arabic;
    private static long english;

    /** Written once for the class (the app is up only once a test runs, so not in a BeforeAll). */
    @BeforeEach
    void fourStoriesInFourLanguages() {
        if (english != 0) {
            return;
        }
        Fixtures.newsroomLanguages(Fixtures.SIX_LANGUAGES);

        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        french = written(reporter, editor, "fr", "Les élections municipales à Marseille",
                "Les électeurs ont voté dimanche pour les élections municipales " + MARKER + ", a déclaré la préfecture.");
        turkish = written(reporter, editor, "tr", "Iğdır'da seçim haberleri",
                "İstanbul ve Iğdır'dan haberler geldi " + MARKER + ". Gazeteciler ISTANBUL'da toplandı.");
        arabic = written(reporter, editor, "ar", "الانتخابات البلدية في مصر",
                "جرت الانتخابات البلدية يوم الأحد في القاهرة " + MARKER + ".");
        english = written(reporter, editor, "en", "Elections in Mali",
                "Voters in Bamako went to the polls for the elections " + MARKER + " on Sunday.");
    }

    /** A story typed in the desk's form in a language, saved and published. */
    private long written(StaffAccount reporter, StaffAccount editor, String language, String headline, String body) {
        Browser desk = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response saved = desk.form(desk.page("/desk/stories/new"), "#story-form").set("language", language)
                .set("headline", headline + " " + Fixtures.unique("")).set("body", body).press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());
        long id = Browser.storyIdOf(saved);
        fixtures.publish(id, editor);
        assertThat(fixtures.reload(id).language).isEqualTo(language);
        return id;
    }

    @Test
    void frenchIsFoundWithAndWithoutAccentsAndStemmed() {
        for (String words : List.of("élections", "elections", "ELECTIONS", "Élection", "électeur", "municipale")) {
            assertThat(found(words, "fr")).as(words).containsExactly(french);
        }
        Document page = results("elections", "fr");
        assertThat(page.select(".search-results .snippet mark").eachText()).contains("élections");
        assertThat(page.select(".search-results li").attr("lang")).isEqualTo("fr");
    }

    @Test
    void turkishDottedAndDotlessIFoldAndPluralsStem() {
        for (String words : List.of("Iğdır", "igdir", "IĞDIR", "ığdır", "İstanbul", "istanbul", "ISTANBUL", "haber", "haberler")) {
            assertThat(found(words, "tr")).as(words).containsExactly(turkish);
        }
        assertThat(results("igdir", "tr").select(".search-results .snippet mark").eachText()).contains("Iğdır");
        assertThat(results("istanbul", "tr").select(".search-results .snippet mark").eachText()).contains("İstanbul", "ISTANBUL");
    }

    @Test
    void arabicIsFoundWithAndWithoutVowelMarks() {
        for (String words : List.of("الانتخابات", "الاِنْتِخَابَاتُ", "البلدية")) {
            assertThat(found(words, "ar")).as(words).containsExactly(arabic);
        }
        Document page = results("الانتخابات", "ar");
        assertThat(page.select(".search-results .snippet mark").eachText()).contains("الانتخابات");
        assertThat(page.select(".search-results li").attr("dir")).isEqualTo("rtl");
    }

    @Test
    void theSitesLanguageByDefaultEveryLanguageWhenChosenAndOnTheDesk() {
        assertThat(found("elections", null)).as("the site's own language, English").containsExactly(english);
        assertThat(found("elections", "en")).containsExactly(english);
        assertThat(found("élections", "all")).containsExactlyInAnyOrder(french, english);
        assertThat(found("igdir", "all")).containsExactly(turkish);
        assertThat(found("ISTANBUL", "all")).containsExactly(turkish);
        assertThat(found("الانتخابات", "all")).containsExactly(arabic);

        Document page = results("elections", null);
        assertThat(page.select("#lang option").eachAttr("value")).containsExactly("en", "tr", "ar", "fr", "de", "es", "all");
        assertThat(page.select("#lang option[selected]").val()).isEqualTo("en");
        assertThat(results("elections", "all").select("#lang option[selected]").val()).isEqualTo("all");

        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        assertThat(desk.page("/desk/search?q=" + encode("igdir " + MARKER)).select("tbody a").size()).isEqualTo(1);
        assertThat(desk.page("/desk/search?q=" + encode("elections " + MARKER)).select("tbody a").size()).isEqualTo(2);
    }

    @Test
    void aLanguageTheSiteDoesNotWriteInIsSaidAndTheSitesSearched() {
        Document page = results("elections", "klingon");
        assertThat(page.select(".notice").text()).contains("“klingon” is not one of this site's languages");
        assertThat(page.select(".search-results h2 a").size()).isEqualTo(1);
    }

    /** Memory answers a language's plain words, accented ones too, as the database does ({@link PublicMatches}). */
    @Test
    void memoryAnswersAccentedWordsInTheirLanguageAsTheDatabaseDoes() {
        for (String[] words : new String[][] {{"élections", "fr"}, {"Iğdır", "tr"}, {"İstanbul", "tr"}, {"ISTANBUL", "tr"},
                {"الانتخابات", "ar"}, {"elections", "en"}}) {
            StorySearch.Query query = new StorySearch.Query(words[0] + " " + MARKER, "", "", 1, words[1]);
            Optional<List<StorySearch.Hit>> fromMemory = fromMemory(query);
            assertThat(fromMemory).as(words[0]).isPresent();
            assertThat(fromMemory.get().stream().map(StorySearch.Hit::id).toList()).as(words[0])
                    .isEqualTo(search.published(query).stream().map(StorySearch.Hit::id).toList()).hasSize(1);
        }
        StorySearch.Query all = new StorySearch.Query("elections " + MARKER, "", "", 1, StorySearch.Query.ALL_LANGUAGES);
        assertThat(search.fromMemory(all)).as("every language at once: the database").isEmpty();
    }

    private Optional<List<StorySearch.Hit>> fromMemory(StorySearch.Query query) {
        long until = System.nanoTime() + 10_000_000_000L;
        Optional<List<StorySearch.Hit>> hits = search.fromMemory(query);
        while (hits.isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            hits = search.fromMemory(query);
        }
        return hits;
    }

    /** The ids of the stories a reader finds for the words and the MARKER, in a language (null: none chosen). */
    private List<Long> found(String words, String language) {
        return results(words, language).select(".search-results h2 a").eachAttr("href").stream()
                .map(href -> idOf(href)).toList();
    }

    private long idOf(String href) {
        for (long id : new long[] {french, turkish, arabic, english}) {
            if (href.equals(fixtures.reload(id).publicPath)) {
                return id;
            }
        }
        throw new AssertionError("A story that is not one of the four was found: " + href);
    }

    private Document results(String words, String language) {
        return new Browser().page("/search?q=" + encode(words + " " + MARKER) + (language == null ? "" : "&lang=" + encode(language)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
