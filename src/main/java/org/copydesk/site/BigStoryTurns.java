package org.copydesk.site;

import io.quarkus.arc.Arc;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.Hibernate;

import org.copydesk.story.Story;
import org.copydesk.web.BusyException;
import org.copydesk.web.CopydeskConfig;
import org.copydesk.web.Turns;

/**
 * Big stories take turns to be rendered. A story page being rendered holds its body several times over until
 * its bytes are written (the body with the dateline and image widths, the page as the template writes it and as
 * text, its bytes): some ten megabytes for a story of a million characters (text beyond Latin-1, and any
 * dateline with a dash, takes two bytes a character). Sixteen such stories at once ran a 96 MB heap out of
 * memory (CrowdOnABigStoryIT: 6 of 16 answered 500 without the turns). The same page is rendered once however many
 * readers ask for it at once ({@link PublicCaching}), but different big stories asked for at once (a sitemap
 * crawl through the archive, or a crowd on several long reads) are each rendered: the story text being
 * rendered at once is kept under {@code copydesk.render.memory-mb}, and past it a render waits for another to
 * be written (up to {@code copydesk.render.wait-millis}, then the reader is told the site is busy, 503).
 * Stories under {@link #SMALL_CHARS} never wait: almost every story is one, and each costs little.
 */
@ApplicationScoped
public class BigStoryTurns {

    /** Bodies up to this many characters are rendered without taking a turn. */
    static final int SMALL_CHARS = 64 * 1024;

    /** Permits are kilobytes of body text. */
    private final Turns kilobytes;

    @Inject
    BigStoryTurns(CopydeskConfig config) {
        this(config.render().memoryMb(), config.render().waitMillis());
    }

    BigStoryTurns(int megabytes, long waitMillis) {
        this.kilobytes = new Turns(Math.max(1, megabytes) * 1024, waitMillis);
        this.most = Math.max(1, megabytes) * 1024;
    }

    /** The whole budget: a render weighing more (a full-text feed of thirty long reads) waits for all of it, not forever. */
    private final int most;

    /**
     * Waits for the turn of a story whose body has {@code chars} characters, held until the response to this
     * request has been written (or the reader has gone); {@link BusyException} after waiting too long.
     */
    public void takeTurn(int chars) {
        if (chars <= SMALL_CHARS || !Arc.container().requestContext().isActive()) {
            return;
        }
        int weight = Math.min(most, (chars + 1023) / 1024);
        if (!kilobytes.take(weight)) {
            throw new BusyException("The site is very busy just now. Try again in a few seconds.");
        }
        RoutingContext request = Arc.container().instance(RoutingContext.class).get();
        request.addEndHandler(ended -> kilobytes.give(weight));
    }

    /**
     * The turn of a story's page, taken before its body is read: reading a megabyte's body takes several megabytes
     * while the driver decodes it, and sixteen read at once, before any turn, ran a 96 MB heap out of memory
     * (CrowdOnABigStoryIT). Its size comes from the database (the stored size, known without reading the text) unless
     * the body is in memory already; {@code moreChars} is what else the page holds (a live story's entries).
     */
    public void takeTurn(Story story, int moreChars) {
        takeTurn(bodySize(story) + moreChars);
    }

    private static int bodySize(Story story) {
        if (story.id == null || Hibernate.isPropertyInitialized(story, "body")) {
            return story.body == null ? 0 : story.body.length();
        }
        Number bytes = (Number) Story.getEntityManager()
                .createNativeQuery("select coalesce(octet_length(body), 0) from story where id = ?1")
                .setParameter(1, story.id).getSingleResult();
        return bytes.intValue();
    }

    /** For tests: the kilobytes free now. */
    int available() {
        return kilobytes.permits().availablePermits();
    }
}
