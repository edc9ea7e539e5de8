package org.copydesk.live;

import java.time.Instant;

import org.copydesk.media.Image;
import org.copydesk.story.BodyHtml;

/**
 * An entry as readers see it, read out of its transaction: what the page, the stream and the feed render.
 *
 * @param summary the first words of its text, for the key events list and the structured data's headline
 */
public record LiveEntryView(long id, long seq, Instant postedAt, boolean keyEvent, String bodyHtml, String summary,
                            String authorName, String authorUrl, Image image, String imageAlt, String imageCaption,
                            String imageCredit, Instant correctedAt, String correction, boolean deleted) {

    /** Words of an entry's text shown as its summary. */
    static final int SUMMARY_MAX = 120;

    static LiveEntryView of(LiveEntry entry) {
        String text = BodyHtml.toPlainText(entry.body).strip();
        return new LiveEntryView(entry.id, entry.changeSeq, entry.postedAt, entry.keyEvent,
                BodyHtml.withResponsiveImages(entry.body), shortened(text),
                entry.author == null ? null : entry.author.name, entry.author == null ? null : entry.author.url(),
                entry.image, entry.imageAlt, entry.imageCaption, entry.imageCredit, entry.correctedAt, entry.correction,
                entry.isDeleted());
    }

    public boolean isCorrected() {
        return correctedAt != null;
    }

    /** The address of the entry on its story's page. */
    public String anchor() {
        return "entry-" + id;
    }

    /** When it last changed for readers. */
    public Instant changedAt() {
        return correctedAt != null && correctedAt.isAfter(postedAt) ? correctedAt : postedAt;
    }

    static String shortened(String text) {
        if (text.length() <= SUMMARY_MAX) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUMMARY_MAX);
        return text.substring(0, cut > SUMMARY_MAX / 2 ? cut : SUMMARY_MAX).strip() + "…";
    }
}
