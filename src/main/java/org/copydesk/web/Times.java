package org.copydesk.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Times on screen, always in the newsroom's time zone. */
@TemplateExtension
public final class Times {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private Times() {
    }

    /** "28 Nov 2026, 09:15 UTC" */
    public static String display(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant.atZone(Newsroom.zone()));
    }

    /** For {@code <time datetime>} and structured data: ISO-8601 with the offset. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).atZone(Newsroom.zone()).toOffsetDateTime().toString();
    }

    public static String display(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }
}
