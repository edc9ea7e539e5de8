package org.copydesk.web;

import io.vertx.ext.web.RoutingContext;

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

    /**
     * Whether the browser reached us over https, directly or through a trusted proxy that says so
     * (X-Forwarded-Proto, believed only from COPYDESK_TRUSTED_PROXIES): cookies are then Secure.
     */
    public static boolean overHttps(RoutingContext context) {
        return context.request().isSSL() || "https".equalsIgnoreCase(context.request().scheme());
    }
}
