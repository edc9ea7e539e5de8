package org.copydesk.site;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The dateline in house style: "MOSCOW, Nov 11 (Copydesk) –". The place is set in capitals, the date
 * follows the admin's pattern, the credit is left out when the settings have none.
 */
public final class Dateline {

    private Dateline() {
    }

    public static String render(String place, LocalDate date, String datePattern, String credit) {
        if (place == null || place.isBlank()) {
            return null;
        }
        StringBuilder line = new StringBuilder(place.strip().toUpperCase(Locale.ROOT));
        if (date != null) {
            line.append(", ").append(DateTimeFormatter.ofPattern(datePattern, Locale.ENGLISH).format(date));
        }
        if (credit != null && !credit.isBlank()) {
            line.append(" (").append(credit.strip()).append(')');
        }
        return line.append(" –").toString();
    }
}
