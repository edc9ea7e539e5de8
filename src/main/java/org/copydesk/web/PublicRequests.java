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
     * Not the desk, sign-in or previews, nor a page carrying a one-off message for this browser, nor a request with
     * credentials (an API token may read drafts: what it is answered is for it alone).
     */
    public static boolean isPublic(RoutingContext request) {
        String path = request.normalizedPath();
        if (path.startsWith(DeskPaths.DESK) || path.startsWith("/login") || path.startsWith("/logout")
                || path.startsWith("/preview") || request.request().getHeader("Authorization") != null) {
            return false;
        }
        return request.request().getCookie(Flash.COOKIE) == null;
    }
}
