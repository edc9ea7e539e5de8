package org.copydesk.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;


/**
 * Times on screen, always in the newsroom's time zone. In templates a time shows in the page's language
 * (site.PageTimes); the desk's pages and Java's messages are English.
 */
public final class Times {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** RFC 3339 to the second, always with the seconds (OffsetDateTime.toString leaves ":00" out). */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private Times() {
    }

    /** "28 Nov 2026, 09:15 UTC" */
    public static String display(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant.atZone(Newsroom.zone()));
    }

    /** For {@code <time datetime>}, feeds, sitemaps and structured data: RFC 3339 to the second, with the offset. */
    @TemplateExtension
    public static String iso(Instant instant) {
        return instant == null ? "" : RFC_3339.format(instant.atZone(Newsroom.zone()));
    }

    /**
     * A {@code timestamptz} read by a native query, as the driver hands it (Instant, OffsetDateTime or Timestamp, by
     * Hibernate's version); null stays null.
     */
    public static Instant fromColumn(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        throw new IllegalStateException("Not a time: " + value.getClass());
    }

    public static String display(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }
}
