package org.copydesk.people;

import io.quarkus.qute.TemplateExtension;

import org.copydesk.web.DeskPaths;

/** Desk addresses for people, as templates ask for them. */
@TemplateExtension
public final class PeopleViews {

    private PeopleViews() {
    }

    public static String roleFormAction(StaffAccount account) {
        return DeskPaths.staffRoleAction(account.id);
    }

    public static String deskUrl(AuthorProfile author) {
        return DeskPaths.author(author.id);
    }

    public static String enabledFormAction(StaffAccount account) {
        return DeskPaths.staffEnabledAction(account.id);
    }

    public static String photoAction(AuthorProfile author) {
        return DeskPaths.authorPhotoAction(author.id);
    }
}
