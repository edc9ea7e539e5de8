package org.copydesk.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A story in Arabic, one in Turkish and one in French, each made as a journalist would: Language chosen, agency copy
 * pasted into Import text, a dateline typed, saved, submitted, published by an editor through the pre-publish
 * check. Then as readers and machines meet it: the page (lang, dir, its words, the dateline in its language's
 * style), the JSON-LD, the feed of its language, and search with and without its accents.
 */
@QuarkusTest
class StoriesInThreeLanguagesTest {

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void newsroomWritesInSixLanguages() {
        Fixtures.newsroomLanguages(Fixtures.SIX_LANGUAGES);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ar | /demo/mali-denies-hiring-russian-pmc.ar.txt | موسكو   | rtl | نُشر في    | موسكو،      | بقلم   | وقّعت     | وقعت
            tr | /demo/mali-denies-hiring-russian-pmc.tr.txt | Moskova | ltr | Yayımlanma: | MOSKOVA,   | Yazan: | Dışişleri | DISISLERI
            fr | /wire/elections-municipales.fr.txt          | Bamako  | ltr | Publié le  | BAMAKO,     | Par    | élections | elections
            """)
    void aStoryThroughImportTextSaveAndPublishSaysItsLanguageEverywhere(String language, String wire, String place,
                                                                        String dir, String published, String dateline,
                                                                        String by, String accented, String plain)
            throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser desk = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response imported = desk.form(desk.page("/desk/stories/new"), "#story-form").set("language", language)
                .set("wireCopy", read(wire)).press("Import text");
        assertEquals(200, imported.statusCode(), imported.asString());
        Document form = Jsoup.parse(imported.asString());
        assertThat(form.select("#language option[selected]").val()).isEqualTo(language);
        assertThat(form.select("#headline").attr("dir")).isEqualTo(dir);
        String headline = form.select("#headline").val() + " " + Fixtures.unique("").replaceAll("\\D", "");
        Response saved = desk.form(form, "#story-form").set("headline", headline).set("datelinePlace", place)
                .press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());
        long id = Browser.storyIdOf(saved);
        Response submitted = desk.form(desk.follow(saved), "#story-form").press("Submit for review");
        assertEquals(303, submitted.statusCode(), submitted.asString());
        Browser editorDesk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Response live = editorDesk.form(editorDesk.page("/desk/stories/" + id), "#story-form").pressThroughCheck("Publish");
        assertEquals(303, live.statusCode(), live.asString());
        Story story = fixtures.reload(id);
        assertThat(story.language).isEqualTo(language);

        Browser reader = new Browser();
        Document page = reader.page(story.publicPath);
        assertThat(page.select("html").attr("lang")).isEqualTo(language);
        assertThat(page.select("html").attr("dir")).isEqualTo(dir);
        assertThat(page.select("h1").text()).isEqualTo(headline);
        assertThat(page.select(".byline").text()).startsWith(by + " ").contains("Hüseyin Demir");
        assertThat(page.select(".times").text()).startsWith(published + " ");
        assertThat(page.select(".story-body .dateline").text()).startsWith(dateline + " ").endsWith("(Copydesk) –");
        assertThat(new ObjectMapper().readTree(page.select("script[type=application/ld+json]").get(0).data())
                .get("inLanguage").asText()).isEqualTo(language);

        Document feed = Jsoup.parse(reader.get("/feed.xml?lang=" + language).asString(), Parser.xmlParser());
        assertThat(feed.selectFirst("feed").attr("xml:lang")).isEqualTo(language);
        assertThat(feed.select("entry > title").eachText()).contains(headline);

        // Searched in its language, and in all languages, with and without its accents or marks.
        for (String words : new String[] {accented, plain}) {
            for (String lang : new String[] {language, "all"}) {
                Document results = reader.page("/search?q=" + java.net.URLEncoder.encode(words, StandardCharsets.UTF_8)
                        + "&lang=" + lang);
                assertThat(results.select(".search-results h2 a").eachAttr("href")).as("%s in %s", words, lang)
                        .contains(story.publicPath);
            }
        }
    }

    private static String read(String resource) throws Exception {
        try (InputStream in = StoriesInThreeLanguagesTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
