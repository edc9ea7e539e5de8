package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A picker's button (Add byline, Move up) shows the form again with the change: it never saves the story. */
@QuarkusTest
class PickerStepsTest {

    @Inject
    Fixtures fixtures;

    @Test
    void moveUpReordersTheBylinesOnThePageAndSavesNothing() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Picker steps " + Fixtures.unique("p"), reporter, null);
        Browser desk = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        String newcomer = "Zora Picker " + Fixtures.unique("p");

        Response added = desk.form(desk.page("/desk/stories/" + story.id), "#story-form").set("newAuthorName", newcomer)
                .press("Add byline");
        assertEquals(200, added.statusCode());
        Document withTwo = Jsoup.parse(added.asString());
        Response moved = desk.form(withTwo, "#story-form").press("Move up");
        assertEquals(200, moved.statusCode(), "Move up shows the form again");
        assertThat(Jsoup.parse(moved.asString()).select("#bylines .picker-list input[name=bylineName]").eachAttr("value").get(0))
                .isEqualTo(newcomer);

        assertEquals(story.version, fixtures.reload(story.id).version, "nothing saved");
        assertThat(AuthorProfile.findByName(newcomer)).as("no author profile made before a save").isEmpty();
    }
}
