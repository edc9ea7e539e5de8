package org.copydesk.distribution;

/** The read and write API's addresses, made in one place (docs/api.md lists them). */
public final class ApiPaths {

    public static final String BASE = "/api/v1";

    private ApiPaths() {
    }

    public static String stories() {
        return BASE + "/stories";
    }

    public static String story(long id) {
        return stories() + "/" + id;
    }

    public static String sections() {
        return BASE + "/sections";
    }

    public static String authors() {
        return BASE + "/authors";
    }

    public static String author(String slug) {
        return authors() + "/" + slug;
    }

    public static String drafts() {
        return BASE + "/drafts";
    }

    public static String draft(long id) {
        return drafts() + "/" + id;
    }
}
