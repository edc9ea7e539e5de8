package org.copydesk.web;

import java.time.ZoneId;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The newsroom's time zone (config {@code copydesk.time-zone}, default UTC): story URLs, datelines and
 * times on screen use it; the database stores UTC.
 */
public final class Newsroom {

    private static volatile ZoneId zone;

    private Newsroom() {
    }

    public static ZoneId zone() {
        ZoneId z = zone;
        if (z == null) {
            String configured = ConfigProvider.getConfig().getOptionalValue("copydesk.time-zone", String.class).orElse("UTC");
            z = zone = ZoneId.of(configured);
        }
        return z;
    }
}
