package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/** Tags spelt with look-alike letters are caught on the story form, with a message that says which and why. */
@QuarkusTest
class LookalikeTagsTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aTagMixingAlphabetsInOneWordIsRefusedWithEverythingTypedKept() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Document form = browser.page("/desk/stories/new");
        String tags = "Mali, Ukrаine"; // a Cyrillic а
        Response response = browser.form(form, "#story-form").set("headline", "Grain deal " + Fixtures.unique("g"))
                .set("body", "Typed body.").set("tags", tags).press("Save draft");
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("#tags-error").text()).contains("Tag “Ukrаine” mixes Latin and Cyrillic letters",
                "CYRILLIC SMALL LETTER A");
        assertThat(page.select("#tags").val()).isEqualTo(tags);
        assertThat(page.select("#body").val()).isEqualTo("Typed body.");
    }

    @Test
    void aNewTagLookingLikeAnExistingOneIsRefusedAndNamesIt() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        String word = "Ukraine" + Fixtures.unique("").replaceAll("\\D", "");
        Story tagged = fixtures.story("Tagged " + Fixtures.unique("t"), reporter, null);
        fixtures.tag(tagged.id, word);
        Browser browser = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        String lookalike = word.replace("a", "ɑ"); // Latin small letter alpha
        Response response = browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("headline", "Look-alike " + Fixtures.unique("l")).set("tags", lookalike).press("Save draft");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.asString()).select("#tags-error").text())
                .contains("looks like the existing tag “" + word + "”", "LATIN SMALL LETTER ALPHA");

        Response same = browser.form(browser.page("/desk/stories/new"), "#story-form")
                .set("headline", "Same tag " + Fixtures.unique("s")).set("tags", word.toLowerCase() + ", Côte d’Ivoire")
                .press("Save draft");
        assertThat(same.statusCode()).as("the existing tag, and an accented one").isEqualTo(303);
    }
}
