package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.StoryAction;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The link popover's search: our own published stories by headline, with their public address; nothing else. */
@QuarkusTest
class StoryLinkSearchTest {

    @Inject
    Fixtures fixtures;

    @Test
    void onlyPublishedStoriesAreFoundWithTheirPublicAddress() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String word = Fixtures.unique("linksearch");
        var published = fixtures.published("Floods in Mopti " + word, reporter, editor);
        fixtures.story("Draft on floods " + word, reporter, null);
        fixtures.story("In review on floods " + word, reporter, null, StoryAction.SUBMIT);
        String address = fixtures.reload(published.id).publicPath;

        Browser desk = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        var answer = desk.get("/desk/story-links?q=" + word.toUpperCase());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        List<Map<String, String>> found = answer.jsonPath().getList("$");
        assertThat(found).containsExactly(Map.of("headline", "Floods in Mopti " + word, "url", address));
        assertThat(desk.get("/desk/story-links?q=").jsonPath().getList("$")).isEmpty();
    }
}
