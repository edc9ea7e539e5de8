package org.copydesk.site;

/** The settings form as typed. */
public record SettingsForm(String siteName, String agencyCredit, String datelineFormat, String languages) {
}
