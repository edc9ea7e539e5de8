package org.copydesk.web;

import io.quarkus.qute.TemplateExtension;

/**
 * Every address on the desk, made in one place: the resources' {@code @Path} values are the constants here, and
 * Java and templates ask the methods for the links, form actions and redirects ({@code {desk:story(hit.id)}},
 * {@code {desk:storyHistory(story.id)}} in a template). It lives at the bottom so that every feature with a desk
 * page (people, preview, revision, media, search, site settings, audit) can use it without depending on
 * {@code desk}. {@code DeskPathsTest} lists what each one answers, and that a route answers it. The one other place
 * naming the desk is application.properties ({@code quarkus.http.auth.permission.desk.paths}: who may open it);
 * the editor's script reads its upload address from the story form's page.
 */
@TemplateExtension(namespace = "desk")
public final class DeskPaths {

    public static final String DESK = "/desk";
    public static final String STORIES = DESK + "/stories";
    /** A saved story; {@code {id}} is its number, or "new" under {@link #STORY_PREVIEW}. */
    public static final String STORY = STORIES + "/{id}";
    public static final String STORY_REVISIONS = STORY + "/revisions";
    public static final String STORY_PREVIEW = STORY + "/preview";
    /** A live story's coverage: its entries, the form to post one, the start and end of the coverage. */
    public static final String STORY_LIVE = STORY + "/live";
    /** The rich-text editor's link popover: published stories by headline, as JSON. */
    public static final String STORY_LINK_SEARCH = DESK + "/story-links";
    public static final String SECTIONS = DESK + "/sections";
    public static final String AUTHORS = DESK + "/authors";
    public static final String STAFF = DESK + "/staff";
    public static final String ACCOUNT = DESK + "/account";
    public static final String AUDIT = DESK + "/audit";
    public static final String SEARCH = DESK + "/search";
    public static final String IMAGES = DESK + "/images";
    public static final String SETTINGS = DESK + "/settings";
    public static final String SETTINGS_LOGO = SETTINGS + "/logo";
    public static final String TAGS = DESK + "/tags";
    /** Admins: API tokens (and the webhooks, linked from there). */
    public static final String INTEGRATIONS = DESK + "/integrations";
    /** WordPress import (admins): the form; {@code /{id}} an import's progress and report. */
    public static final String IMPORT = DESK + "/import";
    public static final String WEBHOOKS = INTEGRATIONS + "/webhooks";
    /** Each person's own notifications and their choices of e-mail. */
    public static final String NOTIFICATIONS = DESK + "/notifications";

    private DeskPaths() {
    }

    /** The dashboard; also where sign-in leads by default. */
    public static String home() {
        return DESK;
    }

    /**
     * Whether a request's path is the desk or a page in it ("/desktop" is not). The places that also treat
     * "/desk" followed by anything as the desk say so with {@code startsWith(DESK)} themselves.
     */
    public static boolean isDesk(String path) {
        return path.equals(DESK) || isInDesk(path);
    }

    /** Whether a request's path is a page in the desk (not the dashboard itself). */
    public static boolean isInDesk(String path) {
        return path.startsWith(DESK + "/");
    }

    // Stories

    /** Where a new story's form is posted. */
    public static String stories() {
        return STORIES;
    }

    public static String newStory() {
        return STORIES + "/new";
    }

    /** A story's form: shown by GET, saved by POST. */
    public static String story(long id) {
        return STORIES + "/" + id;
    }

    /** The story's form with this person's newer autosaved text restored into it. */
    public static String storyRestoringAutosave(long id) {
        return story(id) + "?restore=autosave";
    }

    /** The comments under the story's form. */
    public static String storyComments(long id) {
        return story(id) + "#comments";
    }

    /** The Share preview section of the story's form. */
    public static String storyPreviews(long id) {
        return story(id) + "#previews";
    }

    public static String storyHistory(long id) {
        return story(id) + "/history";
    }

    public static String storyUnpublishAction(long id) {
        return story(id) + "/unpublish";
    }

    public static String storyCancelScheduleAction(long id) {
        return story(id) + "/cancel-schedule";
    }

    /** Translate: makes a linked draft in another language. */
    public static String storyTranslateAction(long id) {
        return story(id) + "/translations";
    }

    public static String storyCorrectionAction(long id) {
        return story(id) + "/corrections";
    }

    /** A live story's coverage on the desk: post entries, correct or delete them, end it. */
    public static String storyLive(long id) {
        return story(id) + "/live";
    }

    public static String storyLiveEntriesAction(long id) {
        return storyLive(id) + "/entries";
    }

    /** One entry: its correction form (GET), where the correction is posted (POST). */
    public static String storyLiveEntry(long id, long entryId) {
        return storyLiveEntriesAction(id) + "/" + entryId;
    }

    public static String storyLiveEntryDeleteAction(long id, long entryId) {
        return storyLiveEntry(id, entryId) + "/delete";
    }

    /** An editor makes a story live coverage. */
    public static String storyLiveStartAction(long id) {
        return storyLive(id) + "/start";
    }

    /** An editor ends the live coverage. */
    public static String storyLiveEndAction(long id) {
        return storyLive(id) + "/end";
    }

    public static String storyCommentAction(long id) {
        return story(id) + "/comments";
    }

    /** Where the form's script sends the typed text now and then. */
    public static String storyAutosave(long id) {
        return story(id) + "/autosave";
    }

    public static String storyDiscardAutosaveAction(long id) {
        return storyAutosave(id) + "/discard";
    }

    /**
     * Where the form's script renews its "Being edited by" lease, and learns who else has the story open and
     * whether it was saved since.
     */
    public static String storyLease(long id) {
        return story(id) + "/lease";
    }

    /** Where the form's script gives its lease back when the page is closed. */
    public static String storyLeaseRelease(long id) {
        return storyLease(id) + "/release";
    }

    /** The saved story as readers would see it (GET); the form as typed (POST). */
    public static String storyPreview(long id) {
        return story(id) + "/preview";
    }

    /** A story not saved yet, previewed as typed. */
    public static String newStoryPreview() {
        return newStory() + "/preview";
    }

    public static String storyShareAction(long id) {
        return storyPreview(id) + "/links";
    }

    public static String storyRevokeAction(long id, long linkId) {
        return storyShareAction(id) + "/" + linkId + "/revoke";
    }

    /** The comparison of the latest revision with the one before, or any two chosen on the page. */
    public static String revisionsCompare(long storyId) {
        return story(storyId) + "/revisions/compare";
    }

    public static String revisionsCompare(long storyId, int from, int to) {
        return revisionsCompare(storyId) + "?from=" + from + "&to=" + to;
    }

    public static String revisionRestoreAction(long storyId, int number) {
        return story(storyId) + "/revisions/" + number + "/restore";
    }

    // The rest of the desk

    public static String sections() {
        return SECTIONS;
    }

    /** Sets a section's own language. */
    public static String sectionLanguageAction(long id) {
        return SECTIONS + "/" + id + "/language";
    }

    public static String authors() {
        return AUTHORS;
    }

    /** An author profile's form: shown by GET, saved by POST. */
    public static String author(long id) {
        return AUTHORS + "/" + id;
    }

    public static String authorPhotoAction(long id) {
        return author(id) + "/photo";
    }

    public static String staff() {
        return STAFF;
    }

    public static String staffRoleAction(long accountId) {
        return STAFF + "/" + accountId + "/role";
    }

    public static String staffEnabledAction(long accountId) {
        return STAFF + "/" + accountId + "/enabled";
    }

    /** Change password. */
    public static String account() {
        return ACCOUNT;
    }

    /** Sets one's own e-mail address (for notifications). */
    public static String accountEmailAction() {
        return ACCOUNT + "/email";
    }

    public static String audit() {
        return AUDIT;
    }

    public static String search() {
        return SEARCH;
    }

    /** Where the rich-text editor's link popover finds published stories by headline ({@code ?q=}). */
    public static String storyLinkSearch() {
        return STORY_LINK_SEARCH;
    }

    /** Where the rich-text editor uploads a picture for the body. */
    public static String images() {
        return IMAGES;
    }

    public static String settings() {
        return SETTINGS;
    }

    /** Where the Settings page uploads the newsroom's logo. */
    public static String settingsLogoAction() {
        return SETTINGS_LOGO;
    }

    /** Existing tags starting with what is typed (JSON), for the Tags field's suggestions. */
    public static String tagSuggestions() {
        return TAGS;
    }

    /** The integrations page: API tokens made, listed and revoked. */
    public static String integrations() {
        return INTEGRATIONS;
    }

    public static String integrationTokensAction() {
        return INTEGRATIONS + "/tokens";
    }

    public static String integrationTokenRevokeAction(long tokenId) {
        return INTEGRATIONS + "/tokens/" + tokenId + "/revoke";
    }

    /** WordPress import: the form (GET) and where it is posted. */
    public static String imports() {
        return IMPORT;
    }

    /** An import's progress page, then its report. */
    public static String importRun(long id) {
        return IMPORT + "/" + id;
    }

    /** The webhooks: the endpoints, the form that adds one (POST), the recent deliveries. */
    public static String webhooks() {
        return WEBHOOKS;
    }

    /** Disables or enables an endpoint. */
    public static String webhookEnabledAction(long id) {
        return WEBHOOKS + "/" + id + "/enabled";
    }

    /** Deletes an endpoint and its deliveries. */
    public static String webhookDeleteAction(long id) {
        return WEBHOOKS + "/" + id + "/delete";
    }

    /** The signed-in person's notifications, newest first, with their choices of e-mail. */
    public static String notifications() {
        return NOTIFICATIONS;
    }

    /** A page of older notifications (1 is the newest). */
    public static String notificationsPage(int page) {
        return page <= 1 ? NOTIFICATIONS : NOTIFICATIONS + "?page=" + page;
    }

    /** Opens a notification: marks it read, then on to its story on the desk. */
    public static String notification(long id) {
        return NOTIFICATIONS + "/" + id;
    }

    public static String notificationsReadAction() {
        return NOTIFICATIONS + "/read";
    }

    public static String notificationPreferencesAction() {
        return NOTIFICATIONS + "/preferences";
    }
}
