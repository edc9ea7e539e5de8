package org.copydesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.HtmlChecker;
import org.copydesk.web.Slugs;
import org.junit.jupiter.api.Test;

/** Every kind of public page, and the main desk pages, pass the Nu Html Checker without an error. */
@QuarkusTest
class HtmlValidityTest {

    @Inject
    Fixtures fixtures;

    @Test
    void theCheckerReallyFindsErrors() throws Exception {
        assertThat(HtmlChecker.errors("<!DOCTYPE html><html lang=en><head><title>x</title></head>"
                + "<body><p><label for=nowhere>Orphan</label><span><div>block in inline</div></span></body></html>"))
                .isNotEmpty();
    }

    @Test
    void publicAndDeskPagesAreValidHtml() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Valid “HTML” story " + Fixtures.unique("h"), reporter, editor);
        fixtures.tag(story.id, "Validity");
        fixtures.dateline(story.id, "Bamako");
        Map<String, Response> pages = new LinkedHashMap<>();
        Browser reader = new Browser();
        for (String path : List.of("/", "/world", fixtures.reload(story.id).publicPath,
                "/authors/" + Slugs.of(reporter.displayName, 120), "/tags/validity", "/search?q=story",
                "/search?q=nothingmatcheszzz", "/no-such-page", "/login")) {
            pages.put(path, reader.get(path));
        }
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        for (String path : List.of("/desk", "/desk/stories/new", "/desk/stories/" + story.id,
                "/desk/stories/" + story.id + "/history", "/desk/search?q=story", "/desk/stories/" + story.id + "/preview")) {
            pages.put(path, desk.get(path));
        }
        Story draft = fixtures.story("Draft to share " + Fixtures.unique("h"), reporter, null);
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        writer.form(writer.page("/desk/stories/" + draft.id), "#story-form").set("imageAlt", "Shapes").set("imageCaption", "A caption")
                .attach("imageFile", "shapes.jpg", org.copydesk.media.TestImages.jpeg(900, 500), "image/jpeg").press("Save draft");
        pages.put("/desk/stories/{with image}", writer.get("/desk/stories/" + draft.id));
        String flash = writer.follow(writer.form(writer.page("/desk/stories/" + draft.id), "#previews form")
                .press("Share preview")).select(".flash").text();
        pages.put("/preview/{token}", reader.get(flash.substring(flash.indexOf("/preview/"))));
        pages.put("/preview/{closed}", reader.get("/preview/" + "x".repeat(43)));
        // Many languages: an Arabic translation (right to left, the set named on both pages), a section's list of one
        // language, and the desk's settings and sections with their language choices.
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        admin.form(admin.page("/desk/settings"), "form[action=/desk/settings]").set("languages", "en tr ar fr de es")
                .press("Save settings");
        long arabic = Browser.storyIdOf(desk.form(desk.page("/desk/stories/" + story.id), "form[action=/desk/stories/"
                + story.id + "/translations]").set("translateTo", "ar").press("Translate"));
        desk.form(desk.page("/desk/stories/" + arabic), "#story-form").set("headline", "قصة صالحة " + Fixtures.unique(""))
                .set("body", "نص القصة.").press("Save draft");
        fixtures.publish(arabic, editor);
        pages.put("/{arabic translation}", reader.get(fixtures.reload(arabic).publicPath));
        pages.put("/{original with a translation}", reader.get(fixtures.reload(story.id).publicPath));
        pages.put("/world?lang=ar", reader.get("/world?lang=ar"));
        pages.put("/desk/stories/{translation}", desk.get("/desk/stories/" + arabic));
        pages.put("/desk/sections", desk.get("/desk/sections"));
        pages.put("/desk/settings", admin.get("/desk/settings"));
        pages.put("/desk/integrations", admin.get("/desk/integrations"));
        // Notifications (the editor was told of the story submitted for review), and the forms where e-mail is set.
        pages.put("/desk/notifications", desk.get("/desk/notifications"));
        pages.put("/desk/account", writer.get("/desk/account"));
        pages.put("/desk/staff", admin.get("/desk/staff"));
        // The page that shows a token once, with the list holding it.
        pages.put("/desk/integrations (token made)", admin.form(admin.page("/desk/integrations"),
                "form[action=/desk/integrations/tokens]").set("name", "Validity " + Fixtures.unique("v")).add("scope", "drafts:read")
                .press("Make token"));
        // Live coverage: the reader's page (entries, key events, then ended), the desk's page and an entry's correction.
        Story live = fixtures.liveStory("Live validity " + Fixtures.unique("l"), reporter, editor);
        long entry = fixtures.liveEntry(live.id, "<p>An <em>entry</em> with a <a href=\"https://example.com/\">link</a>.</p>",
                reporter, true).id;
        pages.put("/{live story}", reader.get(live.publicPath));
        pages.put("/desk/stories/{id}/live", desk.get("/desk/stories/" + live.id + "/live"));
        pages.put("/desk/stories/{id}/live/entries/{entryId}", desk.get("/desk/stories/" + live.id + "/live/entries/" + entry));
        pages.put("/desk/stories/{id}/live (a mistake)", desk.form(desk.page("/desk/stories/" + live.id + "/live"), "#entry-form")
                .set("entry", "").press("Post entry"));
        fixtures.endLive(live.id, editor);
        pages.put("/{live story, ended}", new Browser().get(live.publicPath));
        for (Map.Entry<String, Response> page : pages.entrySet()) {
            assertThat(HtmlChecker.errors(page.getValue().asString())).as(page.getKey()).isEmpty();
        }
    }
}
