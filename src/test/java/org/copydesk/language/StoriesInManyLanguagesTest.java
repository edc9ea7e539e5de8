package org.copydesk.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;

/**
 * A story is in a language chosen on the desk from the newsroom's languages (site settings): its page says so
 * ({@code lang}, and {@code dir} right to left for Arabic), and so do its JSON-LD, the Atom feeds and the news sitemap.
 */
@QuarkusTest
class StoriesInManyLanguagesTest {

    static final String LANGUAGES = "en tr ar fr de es";

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void newsroomWritesInSixLanguages() {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        Response saved = admin.form(admin.page("/desk/settings"), "form[action=/desk/settings]")
                .set("languages", "EN, tr ar fr de es").press("Save settings");
        assertEquals(303, saved.statusCode(), saved.asString());
        assertThat(admin.page("/desk/settings").select("#languages").val()).isEqualTo(LANGUAGES);
    }

    @Test
    void anArabicStoryIsServedRightToLeftAndSaysItsLanguageEverywhere() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser desk = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document blank = desk.page("/desk/stories/new");
        assertThat(blank.select("#language option").eachAttr("value")).containsExactly("en", "tr", "ar", "fr", "de", "es");
        assertThat(blank.select("#language option[selected]").val()).isEqualTo("en");
        assertThat(blank.select("#language option[value=ar]").text()).isEqualTo("العربية (Arabic)");

        String headline = "مالي تنفي التعاقد مع شركة روسية " + Fixtures.unique("").replaceAll("\\D", "");
        Response saved = desk.form(blank, "#story-form").set("language", "ar").set("headline", headline)
                .set("body", "نفت الحكومة في مالي يوم الخميس.").press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());
        long id = Browser.storyIdOf(saved);
        Document form = desk.follow(saved);
        assertThat(form.select("#language option[selected]").val()).isEqualTo("ar");
        assertThat(form.select("#headline").attr("dir")).isEqualTo("rtl");
        assertThat(form.select("#body").attr("dir")).isEqualTo("rtl");
        fixtures.publish(id, editor);
        Story story = fixtures.reload(id);
        assertThat(story.language).isEqualTo("ar");

        Browser reader = new Browser();
        Document page = reader.page(story.publicPath);
        assertThat(page.select("html").attr("lang")).isEqualTo("ar");
        assertThat(page.select("html").attr("dir")).isEqualTo("rtl");
        assertThat(new ObjectMapper().readTree(page.select("script[type=application/ld+json]").get(0).data())
                .get("inLanguage").asText()).isEqualTo("ar");

        Document front = reader.page("/");
        assertThat(front.select("html").attr("lang")).isEqualTo("en");
        assertThat(front.select("html").attr("dir")).isEqualTo("ltr");
        assertThat(front.select("article.teaser:has(a[href=" + story.publicPath + "])").attr("lang")).isEqualTo("ar");
        assertThat(front.select("article.teaser:has(a[href=" + story.publicPath + "])").attr("dir")).isEqualTo("rtl");

        Document feed = Jsoup.parse(reader.get("/feed.xml").asString(), Parser.xmlParser());
        assertThat(feed.selectFirst("feed").attr("xml:lang")).isEqualTo("en");
        assertThat(feed.select("entry:has(title:containsOwn(" + headline + "))").attr("xml:lang")).isEqualTo("ar");
        Document news = Jsoup.parse(reader.get("/sitemap-news.xml").asString(), Parser.xmlParser());
        assertThat(news.select("url:has(loc:containsOwn(" + story.publicPath + ")) news|language").text()).isEqualTo("ar");
    }

    @Test
    void anEnglishStoryStaysEnglishAndItsUpdateKeepsItsLanguage() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Plain English " + Fixtures.unique("l"), reporter, editor);
        assertThat(story.language).isEqualTo("en");
        Document page = new Browser().page(story.publicPath);
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("html").attr("dir")).isEqualTo("ltr");

        // A French story's update, sent by a form that has no Language field (a page opened before there was one),
        // stays French.
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        long id = Browser.storyIdOf(desk.form(desk.page("/desk/stories/new"), "#story-form").set("language", "fr")
                .set("headline", "Les élections " + Fixtures.unique("f")).set("body", "Texte.").press("Save draft"));
        fixtures.publish(id, editor);
        Document update = desk.follow(desk.form(desk.page("/desk/stories/" + id), "#story-form").remove("language")
                .set("headline", "Les élections municipales " + Fixtures.unique("f")).press("Save draft"));
        assertThat(fixtures.reload(fixtures.pendingUpdateOf(id)).language).isEqualTo("fr");
        desk.follow(desk.form(update, "#story-form").pressThroughCheck("Publish update"));
        assertThat(fixtures.reload(id).language).isEqualTo("fr");
        assertThat(new Browser().page(fixtures.reload(id).publicPath).select("html").attr("lang")).isEqualTo("fr");
    }

    @Test
    void aLanguageThatIsNotTheNewsroomsIsRefusedWithAMessageAndTheTextKept() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser desk = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response refused = desk.form(desk.page("/desk/stories/new"), "#story-form").set("language", "zz-nonsense")
                .set("headline", "Kept headline").press("Save draft");
        assertEquals(400, refused.statusCode());
        Document again = Jsoup.parse(refused.asString());
        assertThat(again.select("#language-error").text()).contains("Choose the language the story is written in");
        assertThat(again.select("#headline").val()).isEqualTo("Kept headline");

        Browser admin = new Browser().signIn("admin", "test-admin-password");
        Response settings = admin.form(admin.page("/desk/settings"), "form[action=/desk/settings]")
                .set("languages", "en klingon").press("Save settings");
        assertEquals(400, settings.statusCode());
        assertThat(Jsoup.parse(settings.asString()).select("#languages-error").text())
                .contains("“klingon” is not a language tag we know");
    }
}
