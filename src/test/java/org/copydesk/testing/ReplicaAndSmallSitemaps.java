package org.copydesk.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A read replica ({@code ops.ReadReplicaTest}: the test database itself, through connections PostgreSQL holds
 * read-only, so a desk write routed there would fail) and sitemap pages of two stories instead of 50,000
 * ({@code site.SitemapIndexTest}), in a newsroom whose time zone is not UTC's (India's, +05:30: sitemaps group
 * stories by month in the newsroom's zone, as their addresses are dated). One profile for both, so that the app
 * starts once for them; readers' pages come from the replica in both, which is what production does with one.
 */
public class ReplicaAndSmallSitemaps implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(Map.of("copydesk.sitemap.page-size", "2", "copydesk.time-zone", "Asia/Kolkata"));
        String local = System.getProperty("local-postgres.jdbc-url", "");
        if (!local.isEmpty()) {
            overrides.put("quarkus.datasource.replica.jdbc.url",
                    local + "&ApplicationName=copydesk-replica&options=-c%20default_transaction_read_only%3Don");
        }
        return overrides;
    }
}
