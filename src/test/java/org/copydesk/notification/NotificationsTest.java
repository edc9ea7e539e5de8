package org.copydesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.ScheduledPublisher;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryState;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.MailServer;
import org.copydesk.testing.TestClock;
import org.copydesk.web.Newsroom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Notifications through the desk as a browser uses it, and their e-mail through a real SMTP server in the JVM
 * (GreenMail, {@link MailServer}): who is told of what, the header's count, marking read, the choices per kind.
 */
@QuarkusTest
@TestProfile(MailServer.class)
class NotificationsTest {

    static final Duration SOON = Duration.ofSeconds(20);

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Inject
    ScheduledPublisher publisher;

    @Test
    void aReporterSubmittingMailsTheReviewRequestToAnEditorWhoChoseEmailAndNotToOneWhoChoseTheDesk() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount mailed = fixtures.staff(Role.EDITOR);
        StaffAccount deskOnly = fixtures.staff(Role.EDITOR);
        Browser mailedEditor = signIn(mailed);
        Browser deskEditor = signIn(deskOnly);
        String mailedAddress = mailed.username + "@Example.com";
        String deskAddress = deskOnly.username + "@example.com";
        setEmail(mailedEditor, mailedAddress);
        setEmail(deskEditor, deskAddress);
        Document saved = mailedEditor.follow(mailedEditor.form(mailedEditor.page("/desk/notifications"), "#preferences-form")
                .set("submitted", "email").press("Save preferences"));
        assertThat(saved.select(".flash").text()).startsWith("Notification preferences saved.");
        assertThat(saved.select("#submitted-email").hasAttr("checked")).as("the choice is shown as saved").isTrue();
        assertThat(saved.select("#changes-requested-desk").hasAttr("checked")).as("the others stay desk only").isTrue();

        String headline = "Reservoir levels " + Fixtures.unique("n");
        Story story = fixtures.story(headline, reporter, null);
        Browser writer = signIn(reporter);
        Document submitted = writer.follow(writer.form(writer.page("/desk/stories/" + story.id), "#story-form")
                .press("Submit for review"));
        assertThat(submitted.select(".flash").text()).isNotBlank();

        MimeMessage mail = awaitMail(mailedAddress, "Submitted for review: " + headline);
        assertThat(recipients(mail)).containsExactly(mailedAddress);
        assertThat(mail.getSubject()).isEqualTo("Submitted for review: " + headline);
        String text = plainText(mail);
        assertThat(text).contains(reporter.displayName + " submitted “" + headline + "” for review.");
        assertThat(text).containsPattern("https?://[^/\\s]+/desk/stories/" + story.id + "(\\s|$)");
        assertThat(text).as("never the story's words").doesNotContain("First paragraph of");

        assertThat(Arrays.stream(MailServer.current().getReceivedMessages()).flatMap(m -> recipients(m).stream()))
                .as("the editor who chose the desk only gets no mail").doesNotContain(deskAddress)
                .as("nor the reporter who submitted").doesNotContain(reporter.username + "@example.com");
        assertThat(emailStates(deskOnly)).containsExactly(Notification.EMAIL_NONE);
        // Recorded in the transaction that handed the mail over: committed a moment after GreenMail has it.
        long giveUp = System.currentTimeMillis() + 5000;
        while (!emailStates(mailed).equals(List.of(Notification.EMAIL_SENT)) && System.currentTimeMillis() < giveUp) {
            Thread.sleep(50);
        }
        assertThat(emailStates(mailed)).containsExactly(Notification.EMAIL_SENT);

        // Both editors see it on the desk; the reporter who did it is not told.
        assertThat(headerLink(deskEditor.page("/desk"))).isEqualTo("Notifications (1 unread)");
        Document list = deskEditor.page("/desk/notifications");
        assertThat(list.select("#notifications li.unread a").text()).isEqualTo("Submitted for review: " + headline);
        assertThat(headerLink(writer.page("/desk"))).isEqualTo("Notifications (0 unread)");
    }

    @Test
    void writersAreToldOfChangesRequestedAndCommentsAndOpeningOneMarksItRead() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String headline = "Harbour dredging " + Fixtures.unique("n");
        Story story = fixtures.story(headline, reporter, editor, StoryAction.SUBMIT);
        Browser desk = signIn(editor);
        Document sentBack = desk.follow(desk.form(desk.page("/desk/stories/" + story.id), "#story-form")
                .set("comment", "Attribute the second quote.").press("Request changes"));
        assertThat(sentBack.select(".flash").text()).startsWith("Changes requested");
        desk.follow(desk.form(desk.page("/desk/stories/" + story.id), "form[action$=/comments]")
                .set("staffComment", "The port authority called back.").press("Add comment"));

        Browser writer = signIn(reporter);
        assertThat(headerLink(writer.page("/desk"))).isEqualTo("Notifications (2 unread)");
        Document list = writer.page("/desk/notifications");
        assertThat(list.select("#notifications li a").eachText()).containsExactly("New comment: " + headline,
                "Changes requested: " + headline);
        assertThat(list.select("#notifications li").text()).contains(editor.displayName
                + " requested changes to “" + headline + "”: Attribute the second quote.")
                .contains(editor.displayName + " commented on “" + headline + "”: The port authority called back.");
        assertThat(list.select("#notifications li.unread")).hasSize(2);

        Response opened = writer.get(list.select("#notifications li a").first().attr("href"));
        assertEquals(303, opened.statusCode());
        assertThat(Browser.pathOf(opened.header("Location"))).isEqualTo("/desk/stories/" + story.id);
        assertThat(headerLink(writer.page("/desk"))).isEqualTo("Notifications (1 unread)");
        assertThat(writer.page("/desk/notifications").select("#notifications li.unread a").text())
                .isEqualTo("Changes requested: " + headline);

        // The editor was told of the submission only, not of their own acts; another's notification is not theirs.
        assertThat(headerLink(desk.page("/desk"))).isEqualTo("Notifications (1 unread)");
        assertThat(desk.page("/desk/notifications").select("#notifications li a").eachText())
                .containsExactly("Submitted for review: " + headline);
        assertEquals(404, desk.get(list.select("#notifications li a").last().attr("href")).statusCode());

        Document allRead = writer.follow(writer.form(writer.page("/desk/notifications"), "form[action=/desk/notifications/read]")
                .press("Mark all as read"));
        assertThat(allRead.select(".flash").text()).isEqualTo("All notifications marked as read.");
        assertThat(headerLink(allRead)).isEqualTo("Notifications (0 unread)");
        assertThat(allRead.select("#notifications li.unread")).isEmpty();
        assertThat(allRead.select("#notifications li")).hasSize(2);
    }

    @Test
    void bylinedAuthorsAreToldWhenTheirStoryIsScheduledPublishedAndUnpublished() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser writer = mailed(reporter, "published", "scheduled");
        String address = reporter.username + "@example.com";
        assertThat(writer.page("/desk/notifications").select("#kind-submitted")).as("editors' kinds are not offered").isEmpty();

        String headline = "Embargoed figures " + Fixtures.unique("n");
        Story story = fixtures.story(headline, reporter, editor, StoryAction.SUBMIT);
        Browser desk = signIn(editor);
        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant due = start.plus(Duration.ofMinutes(10));
        try {
            clock.stopAt(start);
            String at = LocalDateTime.ofInstant(due, Newsroom.zone()).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            desk.follow(desk.form(desk.page("/desk/stories/" + story.id), "#story-form").set("publishAt", at)
                    .pressThroughCheck("Schedule"));
            clock.stopAt(due);
            publisher.publishDue();
        } finally {
            clock.resume();
        }
        assertEquals(StoryState.PUBLISHED, fixtures.settled(story.id).state);
        desk.follow(desk.form(desk.page("/desk/stories/" + story.id), "form[action$=/unpublish]")
                .set("reason", "Legal asked us to hold it.").press("Unpublish"));

        Document list = writer.page("/desk/notifications");
        assertThat(list.select("#notifications li a").eachText()).containsExactly("Unpublished: " + headline,
                "Published: " + headline, "Scheduled: " + headline);
        assertThat(list.select("#notifications li").text())
                .contains(editor.displayName + " scheduled “" + headline + "” for")
                .contains("“" + headline + "” was published at its scheduled time.")
                .contains(editor.displayName + " unpublished “" + headline + "”: Legal asked us to hold it.");
        assertThat(awaitMail(address, "Scheduled: " + headline).getSubject()).isEqualTo("Scheduled: " + headline);
        assertThat(plainText(awaitMail(address, "Published: " + headline))).contains("/desk/stories/" + story.id);
        assertThat(emailStates(reporter)).as("unpublished was left desk only").contains(Notification.EMAIL_NONE);
        assertThat(desk.page("/desk/notifications").select("#notifications li a").eachText())
                .as("the editor who did it all was told of the submission only")
                .containsExactly("Submitted for review: " + headline);
    }

    @Test
    void aScheduledPublicationThatFailsGoesBackToReviewWithoutStoppingTheOthersAndTheEditorsAreTold() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser desk = mailed(editor, "publication-failed");
        String address = editor.username + "@example.com";
        Instant due = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        String failing = "Blocked address " + Fixtures.unique("n");
        Story blocked = fixtures.story(failing, reporter, editor, StoryAction.SUBMIT);
        Story fine = fixtures.story("Goes live " + Fixtures.unique("n"), reporter, editor, StoryAction.SUBMIT);
        // An unpublished story still holds the address the scheduled one is to take (as an old slug's may): the
        // database refuses the publication, for real.
        Story holder = fixtures.published("Old holder " + Fixtures.unique("n"), reporter, editor);
        QuarkusTransaction.requiringNew().run(() -> {
            Story held = Story.findById(holder.id);
            held.state = StoryState.UNPUBLISHED;
            Story.getEntityManager().createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
        });
        LocalDate day = due.atZone(Newsroom.zone()).toLocalDate();
        String path = String.format("/world/%04d/%02d/%02d/%s", day.getYear(), day.getMonthValue(), day.getDayOfMonth(),
                fixtures.reload(blocked.id).slug);
        QuarkusTransaction.requiringNew().run(() -> Story.getEntityManager()
                .createNativeQuery("update story set public_path = ?1 where id = ?2").setParameter(1, path)
                .setParameter(2, holder.id).executeUpdate());
        fixtures.scheduleAt(blocked.id, due, editor);
        fixtures.scheduleAt(fine.id, due.plusSeconds(1), editor);

        publisher.publishDue();

        assertEquals(StoryState.PUBLISHED, fixtures.settled(fine.id).state, "the other story went live");
        Story back = fixtures.settled(blocked.id);
        assertEquals(StoryState.IN_REVIEW, back.state, "the one that failed is back in review");
        assertThat(back.scheduledAt).isNull();
        assertEquals(1, fixtures.count("CANCEL_SCHEDULE", blocked.id), "its history says so");

        Document list = desk.page("/desk/notifications");
        assertThat(list.select("#notifications li.unread a").eachText()).contains("Scheduled publication failed: " + failing);
        assertThat(list.select("#notifications li").text()).contains("“" + failing
                + "” could not be published at its scheduled time");
        MimeMessage mail = awaitMail(address, "Scheduled publication failed: " + failing);
        assertThat(plainText(mail)).contains("/desk/stories/" + blocked.id);
        assertThat(signIn(reporter).page("/desk/notifications").select("#notifications li a").eachText())
                .as("writers are not told of the failure").doesNotContain("Scheduled publication failed: " + failing)
                .as("nor of the publication that was rolled back").doesNotContain("Published: " + failing)
                .as("but of the one that went live").contains("Published: " + fine.headline);
    }

    @Test
    void anEmailAddressIsCheckedBesideItsFieldAndKeptAsTyped() {
        StaffAccount one = fixtures.staff(Role.REPORTER);
        StaffAccount other = fixtures.staff(Role.REPORTER);
        Browser first = signIn(one);
        setEmail(first, one.username + "@example.com");
        Browser second = signIn(other);
        Response bad = second.form(second.page("/desk/account"), "#email-form").set("email", "not an address")
                .press("Save e-mail");
        assertEquals(400, bad.statusCode());
        Document page = Jsoup.parse(bad.asString());
        assertThat(page.select("#email-error").text()).contains("Enter an e-mail address like name@example.com");
        assertThat(page.select("#email").val()).isEqualTo("not an address");
        Response taken = second.form(second.page("/desk/account"), "#email-form")
                .set("email", one.username.toUpperCase() + "@EXAMPLE.COM").press("Save e-mail");
        assertEquals(400, taken.statusCode());
        assertThat(Jsoup.parse(taken.asString()).select("#email-error").text())
                .contains("Another account already uses this e-mail address");

        Browser admin = new Browser().signIn("admin", "test-admin-password");
        String username = Fixtures.unique("mailed");
        Response created = admin.form(admin.page("/desk/staff"), "form[action=/desk/staff]").set("username", username)
                .set("password", "a long enough password here").set("displayName", "Mailed Person")
                .set("email", "nope@").press("Create account");
        assertEquals(400, created.statusCode());
        Document form = Jsoup.parse(created.asString());
        assertThat(form.select("label[for=email]").text()).isEqualTo("E-mail");
        assertThat(form.select("#email-error").text()).contains("Enter an e-mail address");
        assertThat(form.select("#username").val()).isEqualTo(username);
        Response ok = admin.form(admin.page("/desk/staff"), "form[action=/desk/staff]").set("username", username)
                .set("password", "a long enough password here").set("displayName", "Mailed Person")
                .set("email", username + "@example.com").press("Create account");
        assertEquals(303, ok.statusCode(), ok.asString());
        assertThat(QuarkusTransaction.requiringNew().call(() -> StaffAccount.findByUsername(username).orElseThrow().email))
                .isEqualTo(username + "@example.com");
    }

    private static Browser signIn(StaffAccount account) {
        return new Browser().signIn(account.username, Fixtures.PASSWORD);
    }

    /** Signed in, with the address {@code username@example.com} and e-mail chosen for these kinds. */
    private static Browser mailed(StaffAccount account, String... kinds) {
        Browser browser = signIn(account);
        setEmail(browser, account.username + "@example.com");
        Browser.Form form = browser.form(browser.page("/desk/notifications"), "#preferences-form");
        for (String kind : kinds) {
            form.set(kind, "email");
        }
        assertEquals(303, form.press("Save preferences").statusCode());
        return browser;
    }

    private static void setEmail(Browser browser, String email) {
        Document saved = browser.follow(browser.form(browser.page("/desk/account"), "#email-form").set("email", email)
                .press("Save e-mail"));
        assertThat(saved.select(".flash").text()).isEqualTo("E-mail address saved.");
        assertThat(saved.select("#email").val()).isEqualTo(email);
    }

    private static String headerLink(Document page) {
        return page.select("header.desk-header #notifications-link").text();
    }

    private static List<String> emailStates(StaffAccount account) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list("recipientId = ?1 order by id",
                account.id).stream().map(n -> n.emailState).toList());
    }

    private static MimeMessage awaitMail(String to, String subject) throws Exception {
        long giveUp = System.currentTimeMillis() + SOON.toMillis();
        while (System.currentTimeMillis() < giveUp) {
            for (MimeMessage message : MailServer.current().getReceivedMessages()) {
                if (subject.equals(message.getSubject()) && recipients(message).contains(to)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + to + " with the subject " + subject);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainText(MimeMessage message) throws Exception {
        return plainText(message.getContent());
    }

    private static String plainText(Object content) throws Exception {
        if (content instanceof String text) {
            return text;
        }
        Multipart parts = (Multipart) content;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart nested) {
                return plainText(nested);
            }
        }
        throw new AssertionError("no plain text in the mail");
    }
}
