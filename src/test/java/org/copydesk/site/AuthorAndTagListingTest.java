package org.copydesk.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.testing.Fixtures;
import org.copydesk.web.Newsroom;
import org.copydesk.web.Slugs;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Author and tag pages list what is public, newest first, and follow every publish, pending update
 * and unpublish (their order is kept in the byline and tag rows by V12's triggers).
 */
@QuarkusTest
class AuthorAndTagListingTest {

    @Inject
    Fixtures fixtures;

    @Inject
    StoryService stories;

    @Test
    void authorAndTagPagesFollowPublishUpdateAndUnpublish() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String tag = "Listing " + Fixtures.unique("t");
        String authorPage = "/authors/" + Slugs.of(reporter.displayName, 120);
        String tagPage = "/tags/" + Slugs.of(tag, 90);

        Story older = fixtures.published("Older " + Fixtures.unique("l"), reporter, editor);
        fixtures.tag(older.id, tag);
        Story draft = fixtures.story("Draft " + Fixtures.unique("l"), reporter, editor);
        fixtures.tag(draft.id, tag);
        Story newer = fixtures.published("Newer " + Fixtures.unique("l"), reporter, editor);
        fixtures.tag(newer.id, tag);
        assertThat(headlines(authorPage)).containsExactly(newer.headline, older.headline);
        assertThat(headlines(tagPage)).containsExactly(newer.headline, older.headline);

        // A pending update is not a second entry; once published, the story keeps its place.
        String updated = "Older, updated " + Fixtures.unique("l");
        QuarkusTransaction.requiringNew().run(() -> {
            StoryForm.Builder form = StoryForm.fromStory(Story.findById(older.id), Newsroom.zone()).toBuilder();
            form.headline = updated;
            stories.save(older.id, form.build(), reporter, null);
        });
        assertThat(headlines(authorPage)).containsExactly(newer.headline, older.headline);
        QuarkusTransaction.requiringNew().run(() -> {
            Story update = Story.find("updateOf.id", older.id).firstResult();
            stories.act(update.id, StoryAction.PUBLISH_UPDATE, editor, null);
        });
        assertThat(headlines(authorPage)).containsExactly(newer.headline, updated);
        assertThat(headlines(tagPage)).containsExactly(newer.headline, updated);

        QuarkusTransaction.requiringNew().run(() -> stories.act(newer.id, StoryAction.UNPUBLISH, editor, "Legal"));
        assertThat(headlines(authorPage)).containsExactly(updated);
        assertThat(headlines(tagPage)).containsExactly(updated);
    }

    private static List<String> headlines(String page) {
        return Jsoup.parse(given().get(page).then().statusCode(200).extract().asString())
                .select(".teaser-headline").eachText().stream().distinct().toList();
    }
}
