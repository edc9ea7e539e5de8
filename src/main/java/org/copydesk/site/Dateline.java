package org.copydesk.site;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * The dateline in house style: "MOSCOW, Nov 11 (Copydesk) –", and in the story's language: "MOSKOVA, 6 Aralık
 * (Copydesk) –". The place is set in capitals by the language's own rules (Turkish "İZMİR"), the date follows the
 * given pattern with the language's month names, the credit is left out when the settings have none.
 */
public final class Dateline {

    /** Languages written in Arabic script, whose comma is "،". */
    private static final Set<String> ARABIC_COMMA = Set.of("ar", "fa", "ur", "ps", "ckb", "sd", "ug");

    private Dateline() {
    }

    /** The comma and space between parts of a line in the language ("، " in Arabic script). */
    static String comma(Locale locale) {
        return ARABIC_COMMA.contains(locale.getLanguage()) ? "، " : ", ";
    }

    /** In English. */
    public static String render(String place, LocalDate date, String datePattern, String credit) {
        return render(place, date, datePattern, Locale.ENGLISH, credit);
    }

    public static String render(String place, LocalDate date, String datePattern, Locale locale, String credit) {
        if (place == null || place.isBlank()) {
            return null;
        }
        StringBuilder line = new StringBuilder(place.strip().toUpperCase(locale));
        if (date != null) {
            line.append(comma(locale))
                    .append(DateTimeFormatter.ofPattern(datePattern, locale).format(date));
        }
        if (credit != null && !credit.isBlank()) {
            line.append(" (").append(credit.strip()).append(')');
        }
        return line.append(" –").toString();
    }
}
