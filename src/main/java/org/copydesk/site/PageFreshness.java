package org.copydesk.site;

import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;

/**
 * When what this response shows last changed, if the resource knows it exactly (a story page: its
 * last publication or correction). {@link PublicCaching} turns it into Last-Modified.
 */
@RequestScoped
public class PageFreshness {

    private Instant lastModified;

    public void lastModified(Instant instant) {
        this.lastModified = instant;
    }

    public Instant lastModified() {
        return lastModified;
    }
}
