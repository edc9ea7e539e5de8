package org.copydesk.site;

/** The settings form as typed; {@code feedText} is "summary" or "full" (what feeds carry). */
public record SettingsForm(String siteName, String agencyCredit, String datelineFormat, String languages, String feedText) {

    public static final String SUMMARY = "summary";
    public static final String FULL = "full";
}
