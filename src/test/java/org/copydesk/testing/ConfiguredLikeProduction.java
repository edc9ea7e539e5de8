package org.copydesk.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Two settings the default tests leave as production would not have them, set as production has them: the
 * site's public address ({@code web.PublicAddressTest}) and the real limit of failed sign-ins per client
 * address ({@code people.SignInThrottleTest}; the other tests sign in from 127.0.0.1 so often that they raise
 * it). One profile for both, so that the app starts once for them (each profile is an app start, with the
 * schema cleaned and migrated again); neither test leans on the other's setting.
 */
public class ConfiguredLikeProduction implements QuarkusTestProfile {

    /** The site's address as readers know it. */
    public static final String PUBLIC_URL = "https://news.example.com";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("copydesk.public-url", PUBLIC_URL + "/", "copydesk.sign-in.failures-per-address", "20");
    }
}
