package org.copydesk.web;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** How long an outbox (webhook deliveries, notification e-mail) waits before trying a failed sending again. */
public final class BackOff {

    private BackOff() {
    }

    /**
     * The wait after the attempt numbered {@code attempts} failed: base × 2^(attempts-1), at most {@code max}, ±20 %
     * (so that many sendings failing together do not all come back at the same moment).
     */
    public static Duration after(int attempts, Duration base, Duration max) {
        long baseMillis = base.toMillis();
        long maxMillis = max.toMillis();
        long wait = attempts > 40 ? maxMillis : Math.min(maxMillis, baseMillis << Math.max(0, attempts - 1));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (wait * jitter)));
    }
}
