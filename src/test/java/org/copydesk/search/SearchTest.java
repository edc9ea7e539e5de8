package org.copydesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Readers' full-text search: weighted, published-only, with snippets and an honest "no results". */
@QuarkusTest
class SearchTest {

    @Inject
    Fixtures fixtures;

    @Inject
    StorySearch search;

    @Test
    void aHeadlineMatchRanksAboveABodyMatchAndDraftsNeverAppear() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String word = "zq" + System.nanoTime();
        // The headline match is the older story: it ranks first by its rank vector (V15), not by recency.
        Story inHeadline = fixtures.published("Minister on " + word + " " + Fixtures.unique("s"), reporter, editor);
        Story inBody = fixtures.publishedWithBody("Talks in Bamako " + Fixtures.unique("s"),
                "The delegation discussed " + word + " at length.", reporter, editor);
        Story draft = fixtures.story("Secret " + word + " draft " + Fixtures.unique("s"), reporter, editor, StoryAction.SUBMIT);

        Document results = new Browser().page("/search?q=" + word);
        assertThat(results.select(".search-results h2 a").eachText())
                .containsExactly(inHeadline.headline, inBody.headline);
        assertThat(results.html()).doesNotContain(draft.headline);
        assertThat(results.select(".search-results .snippet mark").eachText()).contains(word);

        Document desk = new Browser().signIn(editor.username, Fixtures.PASSWORD).page("/desk/search?q=" + word);
        assertThat(desk.select("tbody a").eachText()).contains(draft.headline, inHeadline.headline);
    }

    @Test
    void snippetsKeepPunctuationAndSpacingAsTyped() {
        String word = "zp" + System.nanoTime();
        fixtures.publishedWithBody("Council noise " + Fixtures.unique("s"),
                "<p>The council published its <a href=\"https://example.org/report\">" + word + " report</a>, which found "
                        + "<em>nothing</em>; residents (<strong>most</strong> of them) disagreed.</p><p>Next paragraph.</p>",
                fixtures.staff(Role.REPORTER), fixtures.staff(Role.EDITOR));
        String snippet = new Browser().page("/search?q=" + word).select(".search-results .snippet").text();
        assertThat(snippet).contains(word + " report, which found nothing; residents (most of them) disagreed. Next paragraph.");
    }

    @Test
    void phrasesExclusionsFiltersAndNoResults() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String word = "zr" + System.nanoTime();
        Story a = fixtures.published("Ceasefire " + word + " holds " + Fixtures.unique("s"), reporter, editor);
        Story b = fixtures.published("Ceasefire " + word + " collapses " + Fixtures.unique("s"), reporter, editor);
        Browser reader = new Browser();
        assertThat(reader.page("/search?q=" + word + "+-collapses").select(".search-results h2").eachText())
                .containsExactly(a.headline);
        assertThat(reader.page("/search?q=%22" + word + "+holds%22").select(".search-results h2").eachText())
                .containsExactly(a.headline);
        assertThat(reader.page("/search?q=" + word + "&section=sport").select(".no-results").text())
                .contains("No published story matches");
        assertThat(reader.page("/search?q=" + word + "&section=world").select(".search-results h2")).hasSize(2);
        assertThat(reader.page("/search?q=%27%3B+drop+table+story%3B+--").select(".no-results")).hasSize(1);
        assertThat(b.headline).isNotBlank();
    }

    @Inject
    SearchTurns turns;

    @Test
    void theOpeningThatSnippetsAreCutFromFollowsTheBody() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.publishedWithBody("Opening " + Fixtures.unique("s"), "<p>First &amp; foremost.</p>", reporter, editor);
        assertThat(opening(story.id)).isEqualTo(QuarkusTransaction.requiringNew().call(() -> String.valueOf(Panache.getEntityManager()
                .createNativeQuery("select body_text from story where id = ?1").setParameter(1, story.id).getSingleResult())));
        String longBody = "<p>" + "Rain fell on the capital. ".repeat(400) + "</p>";
        QuarkusTransaction.requiringNew().run(() -> {
            Panache.getEntityManager().createNativeQuery("update story set body = ?1 where id = ?2")
                    .setParameter(1, longBody).setParameter(2, story.id).executeUpdate();
            // A public story written by SQL: the version is raised with it, or the database refuses it (V23).
            Panache.getEntityManager().createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
        });
        assertThat(opening(story.id)).contains("Rain fell on the capital.").doesNotContain("foremost").hasSize(Snippet.TEXT_CHARS);
    }

    private static String opening(long storyId) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(Panache.getEntityManager()
                .createNativeQuery("select opening from story_opening where story_id = ?1").setParameter(1, storyId).getSingleResult()));
    }

    @Test
    void theTextIndexKeepsNoPendingListThatEverySearchWouldRead() {
        Object options = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                "select array_to_string(reloptions, ',') from pg_class where oid = 'story_search_idx'::regclass").getSingleResult());
        assertThat(String.valueOf(options)).contains("fastupdate=off");
    }

    @Test
    void aSearchThatWaitsTooLongForItsTurnIsToldTheSiteIsBusyAndTheNextOneIsAnswered() {
        int all = turns.turns().drainPermits();
        try {
            io.restassured.response.Response busy = io.restassured.RestAssured.given().get("/search?q=floods");
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).isEqualTo("5");
            assertThat(busy.asString()).contains("Search is very busy just now").doesNotContain("Exception");
        } finally {
            turns.turns().release(all);
        }
        assertThat(io.restassured.RestAssured.given().get("/search?q=floods").statusCode()).isEqualTo(200);
    }

    @Test
    void everyWayOfFindingCandidatesFindsTheNewestMatches() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String word = "zw" + System.nanoTime();
        List<Long> newestFirst = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            long id = fixtures.published("Harvest " + word + " " + Fixtures.unique("s"), reporter, editor).id;
            Instant at = Instant.now().minus(Duration.ofDays(day * 30L));
            QuarkusTransaction.requiringNew().run(() -> {
                Panache.getEntityManager().createNativeQuery("update story set first_published_at = ?1 where id = ?2")
                        .setParameter(1, at).setParameter(2, id).executeUpdate();
                Panache.getEntityManager().createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
            });
            newestFirst.add(id);
        }
        // A ladder with a rung at every public story, so that a window can be as small as one story.
        PublicationLadder.Rungs rungs = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Panache.getEntityManager().createNativeQuery("select row_number() over (order by first_published_at desc), "
                    + "(extract(epoch from first_published_at) * 1000000)::bigint from story "
                    + "where state = 'PUBLISHED' and update_of is null order by 1").getResultList();
            return new PublicationLadder.Rungs(rows.stream().mapToLong(r -> ((Number) r[0]).longValue()).toArray(),
                    rows.stream().mapToLong(r -> ((Number) r[1]).longValue()).toArray(), rows.size(), rows.size(), System.nanoTime());
        });
        StorySearch.Query query = new StorySearch.Query(word, "", "", 1);
        // Windows of the newest 1 and 3 stories hold too few matches: they are widened until they hold them all.
        for (CandidatePlan plan : List.of(CandidatePlan.INDEX, CandidatePlan.WALK, new CandidatePlan(CandidatePlan.Way.WINDOW, 1),
                new CandidatePlan(CandidatePlan.Way.WINDOW, 3))) {
            assertThat(search.publicPage(query, plan, rungs).stream().map(StorySearch.Hit::id)).as(plan.toString())
                    .containsExactlyInAnyOrderElementsOf(newestFirst);
        }
        assertThat(search.published(query).stream().map(StorySearch.Hit::id)).containsExactlyInAnyOrderElementsOf(newestFirst);
    }

    @Test
    void aSnippetComesFromNearTheFirstMatchAndMarksOtherFormsOfTheWords() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String word = "zv" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            body.append("Filler sentence number ").append(i).append(" about the weather in the hills. ");
        }
        body.append("\n\nVoters said the ").append(word).append(" elections were calm and orderly.");
        fixtures.publishedWithBody("Polls " + Fixtures.unique("s"), body.toString(), reporter, editor);

        Document results = new Browser().page("/search?q=" + word + "+election");
        String snippet = results.select(".search-results .snippet").html();
        assertThat(results.select(".search-results .snippet mark").eachText()).containsExactly(word, "elections");
        assertThat(snippet).doesNotContain("number 1 ").doesNotStartWith("ber ");
    }

    @Test
    void theAuthorFilterListsAuthorsAndKeepsTheChosenOne() throws InterruptedException {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String word = "zu" + System.nanoTime();
        fixtures.published("Floods " + word + " " + Fixtures.unique("s"), reporter, editor);
        String slug = QuarkusTransaction.requiringNew().call(() -> AuthorProfile.findByStaffAccount(reporter).orElseThrow().slug);
        // The list is reloaded when the publication is heard (LISTEN/NOTIFY), a moment after it commits.
        Document page = new Browser().page("/search?q=" + word + "&author=" + slug);
        for (int i = 0; i < 50 && page.select("#author option[value=" + slug + "]").isEmpty(); i++) {
            Thread.sleep(100);
            page = new Browser().page("/search?q=" + word + "&author=" + slug + "&try=" + i);
        }
        assertThat(page.select("#author option[selected]").eachAttr("value")).containsExactly(slug);
        assertThat(page.select(".search-results h2")).hasSize(1);
        assertThat(new Browser().page("/search?q=" + word).select("#author option[selected]")).isEmpty();
    }
}
