package org.copydesk.web;

import io.vertx.ext.web.RoutingContext;

/**
 * Which requests are for public pages, the same for everyone: what site.PublicCaching keeps in memory and
 * ops.ReadRouting may send to a read replica. Here, below both, since it reads nothing but the request.
 */
public final class PublicRequests {

    private PublicRequests() {
    }

    /**
     * GET or HEAD: a request that reads a page. HEAD is answered with exactly the headers GET would carry (the
     * ETag, Last-Modified, Cache-Control and Content-Type; no cookie), so it goes where GET goes, kept pages included.
     */
    public static boolean readsPage(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /**
     * Pages, feeds and search results anyone may see, the same for everyone: kept in memory and shared
     * caches. Not the desk, sign-in, previews, the operations endpoints, files and
     * images (their bytes have caches of their own), nor a page carrying a one-off message for this browser.
     */
    public static boolean cacheable(RoutingContext request) {
        String path = request.normalizedPath();
        return isPublic(request) && !path.startsWith("/q/") && !path.startsWith("/static/")
                && !path.startsWith("/images/") && !path.startsWith("/bundle/");
    }

    /**
     * Where the API answers a token with drafts (distribution.ApiPaths#drafts): what it reads is for it alone. The
     * API's other answers are the same for everyone, token or none, and kept like pages (a token sent along to them
     * changes nothing, so it cannot be used to have every request rendered afresh).
     */
    public static final String API_DRAFTS = "/api/v1/drafts";

    /**
     * Where readers' pages follow live stories (live.LivePaths#EVENTS): a stream open for minutes, one per reader, never
     * kept (a kept page is answered once, and only one request at a time renders a page: every reader but the first
     * would wait), and read from the primary database, which the stream's changes come from.
     */
    public static final String LIVE_EVENTS = "/live/";

    /**
     * Not the desk, sign-in, previews, the API's drafts or live streams, nor a page carrying a one-off message for this
     * browser.
     */
    public static boolean isPublic(RoutingContext request) {
        String path = request.normalizedPath();
        if (path.startsWith(DeskPaths.DESK) || path.startsWith("/login") || path.startsWith("/logout")
                || path.startsWith("/preview") || path.startsWith(API_DRAFTS) || path.startsWith(LIVE_EVENTS)) {
            return false;
        }
        return request.request().getCookie(Flash.COOKIE) == null;
    }
}
