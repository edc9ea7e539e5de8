package org.copydesk.people;

import io.quarkus.qute.TemplateExtension;

/** Desk addresses for people, as templates ask for them. */
@TemplateExtension
public final class PeopleViews {

    private PeopleViews() {
    }

    public static String roleFormAction(StaffAccount account) {
        return "/desk/staff/" + account.id + "/role";
    }

    public static String deskUrl(AuthorProfile author) {
        return "/desk/authors/" + author.id;
    }

    public static String enabledFormAction(StaffAccount account) {
        return "/desk/staff/" + account.id + "/enabled";
    }

    public static String photoAction(AuthorProfile author) {
        return deskUrl(author) + "/photo";
    }
}
