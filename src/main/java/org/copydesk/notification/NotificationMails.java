package org.copydesk.notification;

import io.quarkus.mailer.Mail;

/**
 * The mail of a notification: the line the desk shows, the link back to the story on the desk and where the choice
 * is changed. Never the story's text: a draft's words stay on the desk.
 */
final class NotificationMails {

    private NotificationMails() {
    }

    static Mail of(NotificationKind kind, String headline, String text, String to, String storyLink, String preferencesLink) {
        String subject = kind.label() + ": " + headline.replaceAll("\\s+", " ");
        String plain = text + "\n\nOpen the story on the desk:\n" + storyLink + "\n\n"
                + "You get this e-mail because you chose \"Desk and e-mail\" for \"" + kind.label() + "\". "
                + "To change that: " + preferencesLink + "\n";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(subject)
                + "</title></head><body><p>" + escape(text) + "</p><p><a href=\"" + escape(storyLink)
                + "\">Open the story on the desk</a></p><p>You get this e-mail because you chose “Desk and e-mail” for “"
                + escape(kind.label()) + "”. <a href=\"" + escape(preferencesLink) + "\">Change that</a>.</p></body></html>";
        return Mail.withText(to, subject, plain).setHtml(html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
