package org.copydesk.site;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.language.Language;
import org.copydesk.language.Languages;
import org.copydesk.people.StaffAccount;
import org.copydesk.publishing.Publication;
import org.copydesk.publishing.PublicChange;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Text;

/** The site settings, checked and stored in one transaction with the public change they make. */
@ApplicationScoped
@Transactional
public class SettingsService {

    /** Date patterns made of day, month, year and weekday letters, spaces and light punctuation only. */
    static final Pattern DATE_PATTERN = Pattern.compile("[dMyE .,/-]{1,40}");

    @Inject
    Publication publication;

    public void save(SettingsForm form, StaffAccount by) {
        FormErrors errors = new FormErrors();
        String name = Text.clean(form.siteName());
        if (name == null) {
            errors.add("siteName", "Enter the site's name");
        } else if (Text.length(name) > 120 || name.contains("\n")) {
            errors.add("siteName", "The site's name must be one line of 120 characters or fewer");
        }
        errors.storable("siteName", form.siteName()).storable("agencyCredit", form.agencyCredit());
        String credit = Text.clean(form.agencyCredit());
        if (credit != null && (Text.length(credit) > 60 || credit.contains("\n"))) {
            errors.add("agencyCredit", "The credit must be one line of 60 characters or fewer");
        }
        String pattern = form.datelineFormat().strip();
        if (!DATE_PATTERN.matcher(pattern).matches()) {
            errors.add("datelineFormat", "Use the letters d (day), M (month), y (year) and E (weekday) with spaces, "
                    + "dots, commas or hyphens, such as MMM d");
        } else {
            try {
                DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(LocalDate.of(2026, 11, 11));
            } catch (IllegalArgumentException e) {
                errors.add("datelineFormat", "That date pattern cannot be used; try MMM d or d MMMM");
            }
        }
        String languages = languages(form.languages(), errors);
        String feedText = form.feedText() == null || form.feedText().isBlank() ? SettingsForm.SUMMARY : form.feedText();
        if (!feedText.equals(SettingsForm.SUMMARY) && !feedText.equals(SettingsForm.FULL)) {
            errors.add("feedText", "Choose what feeds carry: the summary or the full text");
        }
        if (errors.any()) {
            throw new FormInvalidException(errors);
        }
        SiteSettings row = SiteSettings.current();
        String before = row.siteName + " · " + row.agencyCredit + " · " + row.datelineFormat + " · " + row.languages
                + " · feeds: " + (row.feedFullText ? SettingsForm.FULL : SettingsForm.SUMMARY);
        row.siteName = name;
        row.agencyCredit = credit == null ? "" : credit;
        row.datelineFormat = pattern;
        row.languages = languages;
        row.feedFullText = feedText.equals(SettingsForm.FULL);
        publication.announce(PublicChange.ofSettings(by == null ? null : by.id, "site settings: " + before + " → "
                + row.siteName + " · " + row.agencyCredit + " · " + row.datelineFormat + " · " + row.languages
                + " · feeds: " + feedText));
    }

    /**
     * The uploaded picture becomes the newsroom's logo (stored in its widths like any image, so a phone photo of a
     * sign is scaled down and never held whole); refused with {@link org.copydesk.media.ImageRejectedException}.
     */
    public void setLogo(org.copydesk.media.Image stored, StaffAccount by) {
        SiteSettings row = SiteSettings.current();
        row.logo = stored;
        publication.announce(PublicChange.ofSettings(by == null ? null : by.id, "site logo: image " + stored.publicKey));
    }

    public void removeLogo(StaffAccount by) {
        SiteSettings row = SiteSettings.current();
        if (row.logo != null) {
            row.logo = null;
            publication.announce(PublicChange.ofSettings(by == null ? null : by.id, "site logo removed"));
        }
    }

    static final int MAX_LANGUAGES = 40;

    /** The typed list of language tags, written the standard way and separated by spaces; an error added when one is wrong. */
    static String languages(String typed, FormErrors errors) {
        java.util.Set<String> kept = new java.util.LinkedHashSet<>();
        for (String tag : Languages.split(typed)) {
            java.util.Optional<Language> language = Languages.parse(tag);
            if (language.isEmpty()) {
                errors.add("languages", "\u201c" + tag + "\u201d is not a language tag we know: use tags such as en, tr, ar, fr, de, es or pt-BR");
                return null;
            }
            kept.add(language.get().tag());
        }
        if (kept.isEmpty()) {
            errors.add("languages", "Enter at least one language, such as en");
        } else if (kept.size() > MAX_LANGUAGES) {
            errors.add("languages", "List at most " + MAX_LANGUAGES + " languages");
        }
        return String.join(" ", kept);
    }
}
