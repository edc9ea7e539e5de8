package org.copydesk.media;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the server reads uploaded images (application.properties, {@code copydesk.images.*}). */
@ConfigMapping(prefix = "copydesk.images")
public interface ImageSettings {

    /**
     * Pictures decoded at once. One decode of a big photo holds up to about 40 MB of heap (docs/operations.md),
     * so with the 96 MB production heap only one runs at a time; the others wait their turn.
     */
    @WithDefault("1")
    int decodesAtOnce();

    /** How long an upload waits for its turn before the person is told to try again (503, Retry-After). */
    @WithDefault("20s")
    Duration waitForTurn();
}
