package org.copydesk.site;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.copydesk.audit.AuditEvent;

/**
 * When what this response shows last changed, if the resource knows it exactly (a story page: its
 * last publication or correction). {@link PublicCaching} turns it into Last-Modified.
 */
@RequestScoped
public class PageFreshness {

    /** The acts that change what lists, feeds and sitemaps show. */
    static final List<String> PUBLIC_CHANGES = java.util.Arrays.stream(org.copydesk.audit.AuditAction.values())
            .filter(org.copydesk.audit.AuditAction::changesPublicPages).map(Enum::name).toList();

    @Inject
    SiteInfo site;

    private Instant lastModified;

    /**
     * For lists, feeds and sitemaps: the last publication, update, correction or unpublication anywhere
     * (an unpublished story leaves a list with no newer story time, so story times alone would not do),
     * or the last change to sections and settings, whichever is later.
     */
    public void sinceLastPublicChange() {
        Instant changed = AuditEvent.getEntityManager()
                .createQuery("select max(e.at) from AuditEvent e where e.action in :actions", Instant.class)
                .setParameter("actions", PUBLIC_CHANGES).getSingleResult();
        Instant settings = site.loadedAt();
        lastModified = changed == null || settings.isAfter(changed) ? settings : changed;
    }

    public void lastModified(Instant instant) {
        this.lastModified = instant;
    }

    /**
     * The page also shows something of {@code instant} (a story page's More in its section): its time moves to it when
     * later. Nothing when the page has no time of its own.
     */
    public void notBefore(Instant instant) {
        if (lastModified != null && instant != null && instant.isAfter(lastModified)) {
            lastModified = instant;
        }
    }

    public Instant lastModified() {
        return lastModified;
    }
}
