package org.copydesk.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Translate on a story makes a linked draft in another language; once published, each page names the others
 * ("This story in: ..."), with hreflang alternates, and the JSON-LD links the translation to its original both ways.
 */
@QuarkusTest
class TranslationsTest {

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void newsroomWritesInSixLanguages() {
        Fixtures.newsroomLanguages(Fixtures.SIX_LANGUAGES);
    }

    @Test
    void aTranslationIsALinkedDraftAndBothPagesNameEachOther() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount translator = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story original = fixtures.published("Mali denies hiring Russian firm " + Fixtures.unique("t"), reporter, editor);
        fixtures.dateline(original.id, "Bamako");
        Story related = fixtures.published("Earlier story " + Fixtures.unique("r"), reporter, editor);

        Browser desk = new Browser().signIn(translator.username, Fixtures.PASSWORD);
        Document form = desk.page("/desk/stories/" + original.id);
        assertThat(form.select("#translateTo option").eachAttr("value")).containsExactly("tr", "ar", "fr", "de", "es");
        Response made = desk.form(form, "form[action=/desk/stories/" + original.id + "/translations]")
                .set("translateTo", "tr").press("Translate");
        assertEquals(303, made.statusCode(), made.asString());
        long id = Browser.storyIdOf(made);
        Story draft = fixtures.reload(id);
        assertThat(draft.language).isEqualTo("tr");
        assertThat(draft.translationOf.id).isEqualTo(original.id);
        assertThat(draft.section.id).isEqualTo(original.section.id);
        assertThat(draft.datelinePlace).isEqualTo("Bamako");
        assertThat(draft.bylines).extracting(b -> b.author.id).containsExactlyElementsOf(
                fixtures.reload(original.id).bylines.stream().map(b -> b.author.id).toList());
        assertThat(draft.slug).endsWith("-tr");
        assertThat(draft.createdBy.id).isEqualTo(translator.id);

        Document draftForm = desk.follow(made);
        assertThat(draftForm.select("#language option[selected]").val()).isEqualTo("tr");
        assertThat(draftForm.select("#translations").text()).contains("English").contains("the original");
        // A second Turkish version is refused with the reason; the page keeps its form.
        Response again = desk.form(desk.page("/desk/stories/" + original.id), "form[action=/desk/stories/" + original.id
                + "/translations]").set("translateTo", "tr").press("Translate");
        assertEquals(400, again.statusCode());
        assertThat(Jsoup.parse(again.asString()).select("#translateTo-error").text()).contains("already has a version in Turkish");

        Response saved = desk.form(draftForm, "#story-form").set("headline", "Mali, Rus şirketiyle anlaşmayı reddetti")
                .set("body", "Mali hükümeti perşembe günü açıklama yaptı.").press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());
        fixtures.publish(id, editor);

        Browser reader = new Browser();
        Story turkish = fixtures.reload(id);
        Story english = fixtures.reload(original.id);
        Document turkishPage = reader.page(turkish.publicPath);
        assertThat(turkishPage.select("html").attr("lang")).isEqualTo("tr");
        assertThat(turkishPage.select("p.translations a").attr("href")).isEqualTo(english.publicPath);
        assertThat(turkishPage.select("p.translations a").attr("lang")).isEqualTo("en");
        assertThat(turkishPage.select("link[rel=alternate][hreflang]").eachAttr("hreflang")).containsExactly("tr", "en");
        Document englishPage = reader.page(english.publicPath);
        assertThat(englishPage.select("p.translations a").text()).isEqualTo("Türkçe");
        assertThat(englishPage.select("link[rel=alternate][hreflang=tr]").attr("href")).endsWith(turkish.publicPath);
        assertThat(englishPage.select("link[rel=alternate][hreflang=en]").attr("href")).endsWith(english.publicPath);

        ObjectMapper json = new ObjectMapper();
        JsonNode translation = json.readTree(turkishPage.select("script[type=application/ld+json]").get(0).data());
        assertThat(translation.get("inLanguage").asText()).isEqualTo("tr");
        assertThat(translation.get("translationOfWork").get("url").asText()).endsWith(english.publicPath);
        JsonNode originalData = json.readTree(englishPage.select("script[type=application/ld+json]").get(0).data());
        assertThat(originalData.get("workTranslation").get(0).get("url").asText()).endsWith(turkish.publicPath);
        assertThat(originalData.get("workTranslation").get(0).get("inLanguage").asText()).isEqualTo("tr");
        assertThat(related.id).isNotNull();

        // The sitemap lists each version with the others as hreflang alternates.
        Document sitemap = Jsoup.parse(org.copydesk.testing.SitemapCheck.everything(
                child -> reader.get(child).asString()), org.jsoup.parser.Parser.xmlParser());
        org.jsoup.nodes.Element englishUrl = sitemap.select("url:has(loc:containsOwn(" + english.publicPath + "))").first();
        assertThat(englishUrl.select("xhtml|link").eachAttr("hreflang")).containsExactly("en", "tr");
        assertThat(englishUrl.select("xhtml|link[hreflang=tr]").attr("href")).endsWith(turkish.publicPath);
        assertThat(sitemap.select("url:has(loc:containsOwn(" + related.publicPath + ")) xhtml|link")).isEmpty();
    }

    @Test
    void aTranslationOfATranslationJoinsTheSameSetAndTakesRelatedStoriesInItsLanguage() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story original = fixtures.published("Original " + Fixtures.unique("o"), reporter, editor);
        Browser desk = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        long french = Browser.storyIdOf(desk.form(desk.page("/desk/stories/" + original.id),
                "form[action=/desk/stories/" + original.id + "/translations]").set("translateTo", "fr").press("Translate"));
        long german = Browser.storyIdOf(desk.form(desk.page("/desk/stories/" + french),
                "form[action=/desk/stories/" + french + "/translations]").set("translateTo", "de").press("Translate"));
        assertThat(fixtures.reload(german).translationOf.id).isEqualTo(original.id);
        assertThat(desk.page("/desk/stories/" + german).select("#translateTo option").eachAttr("value"))
                .containsExactly("tr", "ar", "es");
    }
}
