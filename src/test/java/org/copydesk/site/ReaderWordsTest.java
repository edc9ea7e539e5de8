package org.copydesk.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.HtmlChecker;
import org.copydesk.web.Newsroom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readers get a page's words in its language (Qute message bundle "words"): a story's page in the story's, a
 * section's in the section's, the front, tag and search pages in the site's; English where a language has no words
 * of its own. Dates and the dateline take the language's month names and shape.
 */
@QuarkusTest
class ReaderWordsTest {

    static final String SIX = "en tr ar fr de es";

    @Inject
    Fixtures fixtures;

    @Inject
    StoryService stories;

    @Inject
    SiteInfo site;

    StaffAccount reporter;
    StaffAccount editor;

    @BeforeEach
    void newsroomWritesInSixLanguages() {
        languages(SIX);
        reporter = fixtures.staff(Role.REPORTER);
        editor = fixtures.staff(Role.EDITOR);
    }

    @AfterEach
    void siteBackInEnglish() {
        languages(SIX);
    }

    @Test
    void aTurkishStoryReadsInTurkish() {
        Story related = fixtures.published("İlgili " + Fixtures.unique("r"), reporter, editor);
        Story story = publish("tr", "Moskova'da görüşme " + Fixtures.unique("t"), words(1000), "Moskova", related,
                reporter, editor);
        Document page = new Browser().page(story.publicPath);

        assertThat(page.select("html").attr("lang")).isEqualTo("tr");
        assertThat(page.select(".byline").text()).isEqualTo("Yazan: " + name(reporter) + " ve " + name(editor));
        assertThat(page.select(".times").text()).startsWith("Yayımlanma: " + day("tr", story.firstPublishedAt))
                .contains("Okuma süresi: 5 dakika");
        assertThat(page.select(".story-body .dateline").text())
                .isEqualTo("MOSKOVA, 6 Aralık (" + site.settings().agencyCredit() + ") –");
        assertThat(page.select("#related-heading").text()).isEqualTo("İlgili haberler");
        assertThat(page.select(".more-in a").text()).isEqualTo("Diğer " + page.select(".breadcrumb a").text() + " haberleri");
        assertThat(page.select(".skip-link").text()).isEqualTo("İçeriğe geç");
        assertThat(page.select(".site-header nav").attr("aria-label")).isEqualTo("Bölümler");
    }

    @Test
    void anArabicStoryReadsInArabicWithItsPluralsAndCorrection() throws Exception {
        StaffAccount third = fixtures.staff(Role.REPORTER);
        Story story = publish("ar", "القاهرة " + Fixtures.unique("a"), words(400), "القاهرة", null, reporter, editor, third);
        stories.addCorrection(story.id, "صُحّح اسم الوزير.", editor);
        Document page = new Browser().page(story.publicPath);

        assertThat(page.select("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.select(".byline").text())
                .isEqualTo("بقلم " + name(reporter) + "، " + name(editor) + " و" + name(third));
        assertThat(page.select(".times").text()).startsWith("نُشر في " + day("ar", story.firstPublishedAt))
                .contains("صُحّح في").contains("مدة القراءة: دقيقتان");
        assertThat(page.select(".story-body .dateline").text())
                .isEqualTo("القاهرة، 6 ديسمبر (" + site.settings().agencyCredit() + ") –");
        assertThat(page.select("#corrections-heading").text()).isEqualTo("تصويبات");
        assertThat(HtmlChecker.errors(new Browser().get(story.publicPath).asString())).isEmpty();
    }

    @Test
    void germanAndSpanishStoriesInTheirOwnShape() {
        Story german = publish("de", "Moskau " + Fixtures.unique("d"), words(600), "Moskau", null, reporter, editor);
        Document page = new Browser().page(german.publicPath);
        assertThat(page.select(".byline").text()).isEqualTo("Von " + name(reporter) + " und " + name(editor));
        assertThat(page.select(".times").text()).startsWith("Veröffentlicht am " + day("de", german.firstPublishedAt) + ", ")
                .contains(" Uhr ").contains("Lesezeit: 3 Minuten");
        assertThat(page.select(".story-body .dateline").text()).startsWith("MOSKAU, 6. Dezember (");

        Story spanish = publish("es", "Moscú " + Fixtures.unique("e"), words(200), "Moscú", null, reporter, editor);
        page = new Browser().page(spanish.publicPath);
        assertThat(page.select(".byline").text()).isEqualTo("Por " + name(reporter) + " y " + name(editor));
        assertThat(page.select(".times").text()).startsWith("Publicado el " + day("es", spanish.firstPublishedAt))
                .contains("Tiempo de lectura: 1 minuto");
        assertThat(page.select(".story-body .dateline").text()).startsWith("MOSCÚ, 6 de diciembre (");
    }

    @Test
    void aFrenchStoryReadsInFrench() {
        Story related = fixtures.published("Lié " + Fixtures.unique("r"), reporter, editor);
        Story story = publish("fr", "Paris " + Fixtures.unique("f"), words(120), "Paris", related, reporter, editor);
        Response response = new Browser().get(story.publicPath);
        Document page = org.jsoup.Jsoup.parse(response.asString());

        assertThat(page.select(".byline").text()).isEqualTo("Par " + name(reporter) + " et " + name(editor));
        assertThat(page.select(".times").text()).startsWith("Publié le " + day("fr", story.firstPublishedAt) + " à ")
                .contains("Temps de lecture : 1 minute");
        // French sets a no-break space before a colon (jsoup's text() shows it as a plain one).
        assertThat(response.asString()).contains("Temps de lecture\u00a0: 1 minute");
        assertThat(page.select(".story-body .dateline").text())
                .isEqualTo("PARIS, 6 décembre (" + site.settings().agencyCredit() + ") –");
        assertThat(page.select("#related-heading").text()).isEqualTo("À lire aussi");
        // Time elements keep RFC 3339 whatever the language.
        assertThat(page.select(".times time").attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*");
    }

    @Test
    void aLanguageWithoutItsOwnWordsKeepsItsLangAndReadsEnglish() {
        Story story = publish("it", "Roma " + Fixtures.unique("i"), words(50), "Roma", null, reporter, editor);
        Document page = new Browser().page(story.publicPath);
        assertThat(page.select("html").attr("lang")).isEqualTo("it");
        assertThat(page.select(".byline").text()).startsWith("By ");
        assertThat(page.select(".times").text()).startsWith("Published ").contains("1 minute");
    }

    @Test
    void aSectionInItsOwnLanguagePagesInIt() {
        Section section = section("fr");
        for (int i = 0; i <= SiteResource.LIST_LIMIT; i++) {
            publishIn(section, "Brève " + i + " " + Fixtures.unique("p"));
        }
        Browser reader = new Browser();
        Document first = reader.page(section.url());
        assertThat(first.select("html").attr("lang")).isEqualTo("fr");
        assertThat(first.select("nav.pager").attr("aria-label")).isEqualTo("Plus d’articles");
        assertThat(first.select("nav.pager a[rel=next]").text()).isEqualTo("Articles plus anciens");
        Document second = reader.page(section.url() + "?page=2");
        assertThat(second.select("nav.pager a[rel=prev]").text()).isEqualTo("Articles plus récents");
        assertThat(second.title()).contains("page 2");
        // The front page stays in the site's language.
        Document front = reader.page("/");
        assertThat(front.select("html").attr("lang")).isEqualTo("en");
        assertThat(front.select(".skip-link").text()).isEqualTo("Skip to content");
    }

    @Test
    void aTurkishSiteSearchesAndFailsInTurkish() throws Exception {
        languages("tr en ar fr de es");
        Browser reader = new Browser();
        Response searched = reader.get("/search?q=" + Fixtures.unique("yok").replace("-", ""));
        assertEquals(200, searched.statusCode());
        Document search = org.jsoup.Jsoup.parse(searched.asString());
        assertThat(search.select("html").attr("lang")).isEqualTo("tr");
        assertThat(search.select("h1").text()).isEqualTo("Ara");
        assertThat(search.select("label[for=q]").text()).isEqualTo("Haberlerde ara");
        assertThat(search.select("#section option[value=]").text()).isEqualTo("Tüm bölümler");
        assertThat(search.select(".no-results").text()).contains("ile eşleşen yayımlanmış haber yok");

        assertThat(reader.page("/").select(".skip-link").text()).isEqualTo("İçeriğe geç");
        Response missing = reader.get("/no-such-page-" + Fixtures.unique("x").replace("-", ""));
        assertEquals(404, missing.statusCode());
        assertThat(missing.asString()).contains("<h1>Sayfa bulunamadı</h1>").contains("lang=\"tr\"");

        assertThat(HtmlChecker.errors(searched.asString())).isEmpty();
        assertThat(HtmlChecker.errors(missing.asString())).isEmpty();

        // The desk stays English whatever the site's language or the browser's.
        Browser desk = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response home = io.restassured.RestAssured.given().cookies(desk.cookies()).header("Accept-Language", "tr")
                .redirects().follow(false).get("/desk");
        assertEquals(200, home.statusCode());
        assertThat(org.jsoup.Jsoup.parse(home.asString()).select(".skip-link").text()).isEqualTo("Skip to content");
        // And so does a reader's page of an English site asked for in Turkish.
        languages(SIX);
        Response front = io.restassured.RestAssured.given().header("Accept-Language", "tr").get("/");
        assertThat(org.jsoup.Jsoup.parse(front.asString()).select(".skip-link").text()).isEqualTo("Skip to content");
    }

    // Helpers.

    private void languages(String tags) {
        Fixtures.newsroomLanguages(tags);
    }

    /** A story in {@code language}, bylined to the given staff in turn, datelined 6 December 2026, then published. */
    private Story publish(String language, String headline, String body, String place, Story related,
                          StaffAccount... bylines) {
        long id = QuarkusTransaction.requiringNew().call(() -> saveAndPublish(language, headline, body, place, related, bylines));
        return fixtures.reload(id);
    }

    private long saveAndPublish(String language, String headline, String body, String place, Story related,
                                StaffAccount... bylines) {
        StoryForm.Builder form = StoryForm.builder();
        form.headline = headline;
        form.body = body;
        form.language = "it".equals(language) ? "en" : language;
        form.datelinePlace = place;
        form.datelineDate = "2026-12-06";
        form.sectionId = Section.findBySlug("world").orElseThrow().id;
        for (StaffAccount person : bylines) {
            AuthorProfile profile = AuthorProfile.findByStaffAccount(person).orElseThrow();
            form.bylines.add(new StoryForm.BylineRow(profile.id, profile.name, "", false));
        }
        if (related != null) {
            form.related.add(new StoryForm.RelatedRow(related.id, related.headline, "Published"));
        }
        Story story = stories.save(null, form.build(), reporter, null);
        if ("it".equals(language)) {
            // Not one of the newsroom's languages, so the form refuses it: as if the settings had dropped it since.
            story.language = "it";
        }
        stories.act(story.id, StoryAction.SUBMIT, reporter, null);
        stories.act(story.id, StoryAction.PUBLISH, editor, null);
        return story.id;
    }

    private void publishIn(Section section, String headline) {
        QuarkusTransaction.requiringNew().run(() -> {
            StoryForm.Builder form = StoryForm.builder();
            form.headline = headline;
            form.body = "Texte de " + headline + ".";
            form.language = section.language;
            form.sectionId = section.id;
            Story story = stories.save(null, form.build(), reporter, null);
            stories.act(story.id, StoryAction.SUBMIT, reporter, null);
            stories.act(story.id, StoryAction.PUBLISH, editor, null);
        });
    }

    private Section section(String language) {
        Section section = QuarkusTransaction.requiringNew().call(() -> newSection(language));
        site.reload();
        return section;
    }

    private static Section newSection(String language) {
        Section section = new Section();
        section.slug = "rubrique-" + Fixtures.unique("").replaceAll("\\D", "");
        section.name = "Rubrique " + section.slug.substring("rubrique-".length());
        section.position = 900;
        section.language = language;
        section.persist();
        Section.getEntityManager().createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
        return section;
    }

    private static String name(StaffAccount person) {
        return person.displayName;
    }

    private static String words(int count) {
        return "<p>" + String.join(" ", java.util.Collections.nCopies(count, "kelime")) + "</p>";
    }

    /** The day as the language writes it in a time: "7 Aralık 2026". */
    private static String day(String language, Instant at) {
        Locale locale = Locale.forLanguageTag(language);
        String pattern = switch (language) {
            case "de" -> "d. MMMM yyyy";
            case "es" -> "d 'de' MMMM 'de' yyyy";
            default -> "d MMMM yyyy";
        };
        return DateTimeFormatter.ofPattern(pattern, locale).format(at.atZone(Newsroom.zone()));
    }
}
