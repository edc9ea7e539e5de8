package org.copydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A headline or a tag in another script than Latin gives a readable address, never a placeholder such as "item". */
@QuarkusTest
class AddressesInEveryScriptTest {

    @Inject
    Fixtures fixtures;

    @Test
    void anArabicHeadlineAndARussianTagGetReadableAddresses() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String headline = "مالي تنفي التعاقد مع شركة روسية " + Fixtures.unique("a").replaceAll("\\D", "");
        String tag = "Бамако" + Fixtures.unique("").replaceAll("\\D", "");
        Browser desk = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response saved = desk.form(desk.page("/desk/stories/new"), "#story-form").set("headline", headline)
                .set("body", "نص القصة.").set("tags", tag).press("Save draft");
        assertEquals(303, saved.statusCode(), saved.asString());
        long id = Browser.storyIdOf(saved);
        fixtures.publish(id, editor);

        Story story = fixtures.reload(id);
        assertThat(story.slug).matches("[a-z0-9]+(-[a-z0-9]+){5,}").doesNotStartWith("item");
        Browser reader = new Browser();
        assertThat(reader.page(story.publicPath).select("h1").text()).isEqualTo(headline);
        assertThat(story.tags).extracting(t -> t.slug).singleElement().asString().startsWith("bamako");
        assertThat(reader.page(story.tags.iterator().next().url()).text()).contains(headline);
    }
}
