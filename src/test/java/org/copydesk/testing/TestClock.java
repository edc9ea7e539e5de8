package org.copydesk.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The app's clock in the tests (it takes the place of {@code web.Clocks}' system clock): the real time, unless
 * a test stops it at an instant of its choosing, so that "when its time comes" is a step of the test, not a
 * wait. Every test that stops it resumes it ({@link #resume()}, in an {@code @AfterEach}); the tests share one
 * app, so the time is never left standing.
 * <p>
 * Stop it in the past, or at most a second or two ahead: what the app stamps while it stands stays in the
 * database for the tests after, and a time ahead of the real one would make their changes look older. After a
 * stop ahead of the real time, the clock shows that instant until the real time passes it, so it never runs
 * backwards from what the app last saw.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Instant stoppedAt;
    private volatile Instant notBefore = Instant.MIN;

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt;
        if (stopped != null) {
            return stopped;
        }
        Instant now = Instant.now();
        Instant floor = notBefore;
        return now.isBefore(floor) ? floor : now;
    }

    /** The time stands at {@code at} until {@link #resume()} or the next stop. */
    public void stopAt(Instant at) {
        // A time far ahead would stand still for the tests after (see above): the webhook retries, due "a second
        // later", would wait for the real time to catch up.
        if (at.isAfter(Instant.now().plusSeconds(5))) {
            throw new IllegalArgumentException("Stop the test clock in the past or at most a few seconds ahead, not at " + at);
        }
        stoppedAt = at;
    }

    /** The time stands at {@code at}, or at the present time if that is later: for "a little later" in a test. */
    public void stopAtOrAfter(Instant at) {
        Instant now = instant();
        stopAt(at.isAfter(now) ? at : now);
    }

    /** The real time again (held at the stopped instant until the real time passes it). */
    public void resume() {
        Instant stopped = stoppedAt;
        if (stopped != null && stopped.isAfter(notBefore)) {
            notBefore = stopped;
        }
        stoppedAt = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}
