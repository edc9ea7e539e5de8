package org.copydesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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

    @Test
    void aHeadlineMatchRanksAboveABodyMatchAndDraftsNeverAppear() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String word = "zq" + System.nanoTime();
        Story inBody = fixtures.publishedWithBody("Talks in Bamako " + Fixtures.unique("s"),
                "The delegation discussed " + word + " at length.", reporter, editor);
        Story inHeadline = fixtures.published("Minister on " + word + " " + Fixtures.unique("s"), reporter, editor);
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

    @Test
    void snippetsAreEscaped() {
        assertThat(StorySearch.snippet("a &lt;script&gt; \uE000word\uE001 <b>x</b>"))
                .isEqualTo("a &lt;script&gt; <mark>word</mark> x");
    }
}
