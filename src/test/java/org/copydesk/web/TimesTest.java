package org.copydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Machine-readable times (pages, feeds, sitemaps, structured data) are RFC 3339 to the second. */
class TimesTest {

    @Test
    void aTimeOnAWholeMinuteKeepsItsSeconds() {
        // OffsetDateTime.toString() wrote "2026-12-07T01:16Z", which Atom and Google News refuse.
        assertThat(Times.iso(Instant.parse("2026-12-07T01:16:00Z"))).matches("2026-12-07T\\d\\d:16:00(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(Times.iso(Instant.parse("2026-12-07T01:16:45.123Z"))).matches("2026-12-07T\\d\\d:16:45(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(Times.iso(null)).isEmpty();
    }
}
