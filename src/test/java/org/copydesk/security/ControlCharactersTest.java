package org.copydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.web.Text;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: control characters are refused everywhere text is typed, as the story fields refused them: one
 * vertical tab in an author name made /feed.xml and two other feeds not well-formed XML. Each form comes
 * back with a message beside the field and what was typed, and nothing is stored.
 */
@QuarkusTest
class ControlCharactersTest {

    static final String VERTICAL_TAB = "\u000B";

    @Inject
    Fixtures fixtures;

    @Test
    void authorNamesWithControlCharactersAreRefusedEverywhereAndTheFeedsStayWellFormed() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("Feeds stay readable " + Fixtures.unique("f"), reporter, editor);
        AuthorProfile author = QuarkusTransaction.requiringNew().call(() -> AuthorProfile.findByStaffAccount(reporter).orElseThrow());
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        String mark = Fixtures.unique("Amina");

        // A new profile on the authors page.
        Response created = desk.form(desk.page("/desk/authors"), "form.narrow-form")
                .set("name", mark + VERTICAL_TAB + "Traoré").press("Create profile");
        assertRefused(created, "#name-error", Text.CONTROL_CHARACTERS_MESSAGE);
        assertThat(Jsoup.parse(created.asString()).select("#name").val()).isEqualTo(mark + VERTICAL_TAB + "Traoré");

        // The name and bio of a profile already on a published byline (the one the feeds show).
        for (String[] change : List.of(new String[] {"name", "Amina" + VERTICAL_TAB + author.name},
                new String[] {"name", author.name + "\uFFFF"}, new String[] {"name", "Amina\u0085" + author.name},
                new String[] {"name", author.name + "\nSecond line"}, new String[] {"bio", "Bio with a bell \u0007"})) {
            Response edited = desk.form(desk.page("/desk/authors/" + author.id), "form.narrow-form")
                    .set(change[0], change[1]).press("Save profile");
            assertRefused(edited, "#" + change[0] + "-error", change[1].contains("\n") ? "single line" : "control character");
        }

        // A byline typed on the story form, which would create the profile on save.
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        Response byline = writer.form(writer.page("/desk/stories/new"), "#story-form").set("headline", "Byline " + mark)
                .set("newAuthorName", mark + VERTICAL_TAB + "Kone").press("Save draft");
        assertThat(byline.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(byline.asString()).select("#bylines .error-message").text()).contains("control character");

        assertThat(QuarkusTransaction.requiringNew().call(() -> AuthorProfile.count("name like ?1", "%" + mark + "%")))
                .isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuthorProfile.<AuthorProfile>findById(author.id).name))
                .isEqualTo(author.name);
        Browser reader = new Browser();
        for (String path : List.of("/feed.xml", "/world/feed.xml", "/authors/" + author.slug + "/feed.xml", "/sitemap-news.xml")) {
            HostileInputTest.assertWellFormedXml(reader.get(path), "a vertical tab in an author name", path);
        }
        assertThat(reader.get("/feed.xml").asString()).contains(author.name).contains(live.headline);
    }

    @Test
    void sectionNamesStaffDisplayNamesAndStoryFieldsRefuseThemToo() {
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        String mark = Fixtures.unique("Sport");
        Response section = desk.form(desk.page("/desk/sections"), "form[action=/desk/sections]")
                .set("name", mark + VERTICAL_TAB + "News").press("Add section");
        assertRefused(section, "#name-error", "control character");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Section.count("name like ?1", mark + "%"))).isZero();

        Browser admin = new Browser().signIn("admin", "test-admin-password");
        String username = Fixtures.unique("vt");
        Response account = admin.form(admin.page("/desk/staff"), "form[action=/desk/staff]").set("username", username)
                .set("password", "quartz wombat ladder sunrise").set("displayName", "Staff" + VERTICAL_TAB + "Member")
                .set("role", "REPORTER").press("Create account");
        assertRefused(account, "#displayName-error", "control character");
        assertThat(Jsoup.parse(account.asString()).select("#displayName").val()).isEqualTo("Staff" + VERTICAL_TAB + "Member");
        assertThat(QuarkusTransaction.requiringNew().call(() -> StaffAccount.count("username", username))).isZero();

        // U+FFFF passed the story form's check (only ISO controls were refused) and is not allowed in XML either.
        Response story = desk.form(desk.page("/desk/stories/new"), "#story-form").set("headline", "Not a character \uFFFF")
                .press("Save draft");
        assertRefused(story, "#headline-error", "control character");
    }

    @Test
    void correctionsCommentsAndUnpublishReasonsRefuseThem() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("Corrected " + Fixtures.unique("c"), reporter, editor);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);

        Response correction = desk.form(desk.page("/desk/stories/" + live.id), "form[action$=/corrections]")
                .set("correction", "The minister's name" + VERTICAL_TAB + "was misspelt.").press("Add correction");
        assertRefused(correction, "#correction-error", "control character");
        assertThat(Jsoup.parse(correction.asString()).select("#correction").val()).startsWith("The minister's name");
        assertThat(fixtures.reload(live.id).corrections).isEmpty();

        Response comment = desk.form(desk.page("/desk/stories/" + live.id), "form[action$=/comments]")
                .set("staffComment", "Check this \u007F").press("Add comment");
        assertRefused(comment, "#staffComment-error", "control character");

        Response unpublish = desk.form(desk.page("/desk/stories/" + live.id), "form[action$=/unpublish]")
                .set("reason", "Legal" + VERTICAL_TAB + "advice").press("Unpublish");
        assertRefused(unpublish, "#reason-error", "control character");
        assertThat(fixtures.reload(live.id).isPublished()).isTrue();

        HostileInputTest.assertWellFormedXml(new Browser().get("/feed.xml"), "a refused correction", "/feed.xml");
    }

    /** What earlier releases stored is cleaned by V21, so the feeds are well-formed again without anyone retyping it. */
    @Test
    void controlCharactersStoredBeforeAreCleanedByTheMigration() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story live = fixtures.published("Stored before " + Fixtures.unique("m"), reporter, editor);
        String mark = Fixtures.unique("Amina");
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Story.getEntityManager();
            em.createNativeQuery("update author set name = ?1, bio = ?2 where staff_account_id = ?3")
                    .setParameter(1, mark + VERTICAL_TAB + "Traoré\uFFFF").setParameter(2, "Line one\nline\u0007 two")
                    .setParameter(3, reporter.id).executeUpdate();
            em.createNativeQuery("update staff_account set display_name = ?1 where id = ?2")
                    .setParameter(1, "Desk\u0085Editor").setParameter(2, editor.id).executeUpdate();
            em.createNativeQuery("insert into story_correction (id, story_id, text, created_at, created_by) "
                    + "values (nextval('story_correction_seq'), ?1, ?2, now(), ?3)")
                    .setParameter(1, live.id).setParameter(2, "Name" + VERTICAL_TAB + "misspelt.").setParameter(3, editor.id)
                    .executeUpdate();
            // Public rows written by SQL: the version is raised with them, or the database refuses them (V23).
            em.createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
        });
        String migration = java.nio.file.Files.readString(java.nio.file.Path.of("db-migrations/V21__control_characters_out.sql"));
        // Run again today, a migration changing public rows raises the version with them (V23).
        QuarkusTransaction.requiringNew().run(() -> Story.getEntityManager()
                .createNativeQuery(migration + "\nupdate public_version set value = value + 1 where id = 1;").executeUpdate());

        AuthorProfile author = QuarkusTransaction.requiringNew().call(() -> AuthorProfile.findByStaffAccount(reporter).orElseThrow());
        assertThat(author.name).isEqualTo(mark + " Traoré");
        assertThat(author.bio).isEqualTo("Line one\nline two");
        assertThat(QuarkusTransaction.requiringNew().call(() -> StaffAccount.<StaffAccount>findById(editor.id).displayName))
                .isEqualTo("Desk Editor");
        assertThat(fixtures.reload(live.id).corrections).extracting(c -> c.text).containsExactly("Name misspelt.");
        Browser reader = new Browser();
        for (String path : List.of("/feed.xml", "/authors/" + author.slug + "/feed.xml", "/sitemap-news.xml")) {
            HostileInputTest.assertWellFormedXml(reader.get(path), "a name stored before V21", path);
        }
        assertThat(reader.get("/authors/" + author.slug + "/feed.xml").asString()).contains(mark + " Traoré");
    }

    private static void assertRefused(Response response, String errorSelector, String message) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select(errorSelector).text()).as(errorSelector).contains(message);
    }
}
