package org.copydesk.web;

import jakarta.ws.rs.core.UriInfo;

/** Small readings of the request shared by the public resources. */
public final class RequestValues {

    private RequestValues() {
    }

    /** A ?page= value: 1 when absent or not a number, clamped to 1..max. */
    public static int pageNumber(String value, int max) {
        try {
            int page = value == null ? 1 : Integer.parseInt(value.strip());
            return Math.max(1, Math.min(page, max));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The site's absolute base address as this request reached it, without a trailing slash. */
    public static String baseUrl(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
