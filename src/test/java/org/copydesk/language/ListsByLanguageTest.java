package org.copydesk.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Section;
import org.copydesk.story.SectionService;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A feed per language, section pages narrowed to a language, and a section with a language of its own. */
@QuarkusTest
class ListsByLanguageTest {

    @Inject
    Fixtures fixtures;

    @Inject
    SectionService sections;

    @BeforeEach
    void newsroomWritesInSixLanguages() {
        Fixtures.newsroomLanguages(Fixtures.SIX_LANGUAGES);
    }

    @Test
    void aSectionListsOneLanguageAtItsOwnAddressWithAFeedOfItsOwn() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser deskEditor = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        String name = "Dünya " + Fixtures.unique("").replaceAll("\\D", "");
        Response added = deskEditor.form(deskEditor.page("/desk/sections"), "form[action=/desk/sections]")
                .set("name", name).set("language", "tr").press("Add section");
        assertEquals(303, added.statusCode(), added.asString());
        Section section = QuarkusTransaction.requiringNew().call(() -> Section.<Section>find("name", name).firstResult());
        assertThat(section.language).isEqualTo("tr");

        // A new story in a section with a language of its own is in that language.
        Browser desk = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document blank = desk.page("/desk/stories/new");
        assertThat(blank.select("#section option[value=" + section.id + "]").attr("data-language")).isEqualTo("tr");
        Response saved = desk.form(blank, "#story-form").set("section", String.valueOf(section.id)).remove("language")
                .set("headline", "İzmir'de seçim " + Fixtures.unique("")).set("body", "Metin.").press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());
        long turkishId = Browser.storyIdOf(saved);
        assertThat(fixtures.reload(turkishId).language).isEqualTo("tr");
        fixtures.publish(turkishId, editor);
        Response english = desk.form(desk.page("/desk/stories/new"), "#story-form").set("section", String.valueOf(section.id))
                .set("language", "en").set("headline", "Election in Izmir " + Fixtures.unique("")).set("body", "Text.")
                .press("Save draft");
        long englishId = Browser.storyIdOf(english);
        fixtures.publish(englishId, editor);
        Story turkish = fixtures.reload(turkishId);
        Story inEnglish = fixtures.reload(englishId);

        Browser reader = new Browser();
        Document all = reader.page(section.url());
        assertThat(all.select("html").attr("lang")).isEqualTo("tr");
        assertThat(all.select("article.teaser h2 a").eachAttr("href")).contains(turkish.publicPath, inEnglish.publicPath);
        assertThat(all.select("nav.language-filter a[aria-current]").text()).isEqualTo("Tüm diller"); // the section is in Turkish
        Document onlyTurkish = reader.page(section.url() + "?lang=tr");
        assertThat(onlyTurkish.select("article.teaser h2 a").eachAttr("href")).containsExactly(turkish.publicPath);
        assertThat(onlyTurkish.select("link[rel=canonical]").attr("href")).startsWith("http").endsWith(section.url() + "?lang=tr");
        assertThat(onlyTurkish.select("nav.language-filter a[aria-current]").attr("lang")).isEqualTo("tr");
        assertThat(reader.page(section.url() + "?lang=en").select("article.teaser h2 a").eachAttr("href"))
                .containsExactly(inEnglish.publicPath);

        Document feed = Jsoup.parse(reader.get(section.url() + "/feed.xml?lang=tr").asString(), Parser.xmlParser());
        assertThat(feed.selectFirst("feed").attr("xml:lang")).isEqualTo("tr");
        assertThat(feed.select("entry > title").eachText()).containsExactly(turkish.headline);
        Document siteFeed = Jsoup.parse(reader.get("/feed.xml?lang=tr").asString(), Parser.xmlParser());
        assertThat(siteFeed.select("entry").eachAttr("xml:lang")).containsOnly("tr").isNotEmpty();
        assertThat(siteFeed.select("entry > title").eachText()).contains(turkish.headline).doesNotContain(inEnglish.headline);
        // The front links each language's feed; not with hreflang, which search engines read as "this page in Turkish".
        Document front = reader.page("/");
        assertThat(front.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href")).contains("/feed.xml?lang=tr");
        assertThat(front.select("link[rel=alternate][hreflang]")).isEmpty();

        // The section's language can be changed afterwards: back to the site's, its pages are in English.
        Response changed = deskEditor.form(deskEditor.page("/desk/sections"), "form[action=/desk/sections/" + section.id
                + "/language]").set("language", "").press("Set");
        assertEquals(303, changed.statusCode(), changed.asString());
        assertThat(reader.page(section.url()).select("html").attr("lang")).isEqualTo("en");

        // A language that is not the newsroom's is no page of its own.
        assertThat(reader.get("/feed.xml?lang=zz").statusCode()).isEqualTo(404);
        assertThat(reader.get(section.url() + "?lang=ja").statusCode()).isEqualTo(404);
    }
}
