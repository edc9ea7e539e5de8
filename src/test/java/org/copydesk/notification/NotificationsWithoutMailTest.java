package org.copydesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * With no SMTP server configured (the tests' default, as a server without QUARKUS_MAILER_HOST): notifications reach
 * the desk, the page says e-mail is off, and a choice of e-mail leaves no row waiting to be mailed for ever.
 */
@QuarkusTest
class NotificationsWithoutMailTest {

    @Inject
    Fixtures fixtures;

    @Test
    void withoutAMailServerTheDeskIsToldAndNothingWaitsToBeMailed() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Browser writer = new Browser().signIn(reporter.username, Fixtures.PASSWORD);
        writer.follow(writer.form(writer.page("/desk/account"), "#email-form").set("email", reporter.username + "@example.com")
                .press("Save e-mail"));
        Document page = writer.page("/desk/notifications");
        assertThat(page.select("#mail-off").text()).contains("E-mail is off on this server");
        Document saved = writer.follow(writer.form(page, "#preferences-form").set("published", "email").press("Save preferences"));
        assertThat(saved.select(".flash").text()).isEqualTo("Notification preferences saved. E-mail is off on this server "
                + "for now: notifications reach the desk only.");

        String headline = "Quiet desk " + Fixtures.unique("n");
        Story story = fixtures.published(headline, reporter, editor);

        Document list = writer.page("/desk/notifications");
        assertThat(list.select("#notifications li a").eachText()).containsExactly("Published: " + headline);
        assertThat(list.select("#notifications li").text()).contains(editor.displayName + " published “" + headline + "”.");
        assertThat(list.select("#notifications li a").attr("href")).startsWith("/desk/notifications/");
        List<String> states = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list(
                "recipientId = ?1 and storyId = ?2", reporter.id, story.id).stream().map(n -> n.emailState).toList());
        assertThat(states).containsExactly(Notification.EMAIL_OFF);
    }
}
