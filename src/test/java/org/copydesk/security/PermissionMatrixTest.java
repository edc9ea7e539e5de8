package org.copydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import org.copydesk.media.Image;
import org.copydesk.media.ImageStore;
import org.copydesk.media.TestImages;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.preview.PreviewLinks;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Every route × every kind of visitor, with the answer each must get. The routes are read from the
 * application's own resource classes, so a route added without a line here fails this test.
 * Each kind of staff signs in once and keeps its session (its cookies) through the whole matrix, as a person
 * clicking around would; each check runs against fresh stories, made for it as its line asks for them.
 */
@QuarkusTest
class PermissionMatrixTest {

    /** Who asks: nobody, the story's writer, another reporter, an editor, an admin. */
    enum Who { ANONYMOUS, WRITER, OTHER_REPORTER, EDITOR, ADMIN }

    /**
     * What they must get. A: let through (any answer but a refusal, a sign-in redirect or a server
     * error: a 400 for a thin form still means the request was let in); L: sent to sign in; D: refused (403).
     */
    enum Answer { A, L, D }

    /** One line of the matrix: the expected answers in {@link Who} order, the request to make. */
    record Line(String route, String answers, Function<World, Request> request) {
        Answer expected(Who who) {
            return Answer.valueOf(answers.split(" ")[who.ordinal()]);
        }
    }

    /** A concrete request: path, form fields, and whether it goes as multipart (or, for the API's PUT, as JSON). */
    record Request(String path, Map<String, String> form, boolean multipart, boolean put) {
        Request(String path, Map<String, String> form, boolean multipart) {
            this(path, form, multipart, false);
        }

        static Request get(String path) {
            return new Request(path, null, false);
        }

        static Request post(String path, String... fields) {
            Map<String, String> form = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i += 2) {
                form.put(fields[i], fields[i + 1]);
            }
            return new Request(path, form, false);
        }

        Request asMultipart() {
            return new Request(path, form, true);
        }

        /** A PUT (the API's), sent as its JSON would be, with a session's cookies. */
        static Request put(String path) {
            return new Request(path, Map.of(), false, true);
        }
    }

    /**
     * Signing out ends every session of the account, the kept one too: after these lines that kind of staff
     * signs in again.
     */
    static final java.util.Set<String> ENDS_THE_SESSION = java.util.Set.of("POST /logout");

    static final List<Line> MATRIX = List.of(
            // The public site: the same for everyone.
            new Line("GET /", "A A A A A", w -> Request.get("/")),
            new Line("GET /{section}", "A A A A A", w -> Request.get("/world")),
            new Line("GET /{section}/{yyyy}/{mm}/{dd}/{slug}", "A A A A A", w -> Request.get(w.published().publicPath)),
            new Line("GET /{section}/feed.xml", "A A A A A", w -> Request.get("/world/feed.xml")),
            new Line("GET /tags/{slug}", "A A A A A", w -> Request.get(w.tagPath())),
            new Line("GET /tags/{slug}/feed.xml", "A A A A A", w -> Request.get(w.tagPath() + "/feed.xml")),
            new Line("GET /authors/{slug}", "A A A A A", w -> Request.get("/authors/" + w.authorSlug())),
            new Line("GET /authors/{slug}/feed.xml", "A A A A A", w -> Request.get("/authors/" + w.authorSlug() + "/feed.xml")),
            new Line("GET /feed.xml", "A A A A A", w -> Request.get("/feed.xml")),
            new Line("GET /sitemap.xml", "A A A A A", w -> Request.get("/sitemap.xml")),
            new Line("GET /sitemaps/{name}.xml", "A A A A A", w -> Request.get("/sitemaps/sections.xml")),
            new Line("GET /sitemap-news.xml", "A A A A A", w -> Request.get("/sitemap-news.xml")),
            new Line("GET /robots.txt", "A A A A A", w -> Request.get("/robots.txt")),
            new Line("GET /search", "A A A A A", w -> Request.get("/search?q=matrix")),
            new Line("GET /images/{key}/{width}.{ext}", "A A A A A", w -> Request.get(w.imagePath())),
            new Line("GET /preview/{token}", "A A A A A", w -> Request.get("/preview/" + w.previewToken())),
            new Line("GET /static/{hash}/{name}", "A A A A A", w -> Request.get(stylesheet())),
            // Live coverage: its feed, and the stream (a story that is not live answers 404 at once; a live one stays open).
            new Line("GET /{section}/{yyyy}/{mm}/{dd}/{slug}/feed.xml", "A A A A A", w -> Request.get(w.live().publicPath + "/feed.xml")),
            new Line("GET /live/{id}/events", "A A A A A", w -> Request.get("/live/" + w.published().id + "/events")),
            // The read API: published stories for anyone (ApiTokenMatrixTest has the token-only routes by scope).
            new Line("GET /api/v1/stories", "A A A A A", w -> Request.get("/api/v1/stories")),
            new Line("GET /api/v1/stories/{id}", "A A A A A", w -> Request.get("/api/v1/stories/" + w.published().id)),
            new Line("GET /api/v1/sections", "A A A A A", w -> Request.get("/api/v1/sections")),
            new Line("GET /api/v1/authors", "A A A A A", w -> Request.get("/api/v1/authors")),
            new Line("GET /api/v1/authors/{slug}", "A A A A A", w -> Request.get("/api/v1/authors/" + w.authorSlug())),
            // Drafts through the API take a token, never a session (ApiTokenMatrixTest has them by token).
            new Line("GET /api/v1/drafts", "L L L L L", w -> Request.get("/api/v1/drafts")),
            new Line("GET /api/v1/drafts/{id}", "L L L L L", w -> Request.get("/api/v1/drafts/" + w.draft().id)),
            new Line("POST /api/v1/drafts", "L L L L L", w -> Request.post("/api/v1/drafts", "headline", "Matrix")),
            new Line("PUT /api/v1/drafts/{id}", "L L L L L", w -> Request.put("/api/v1/drafts/" + w.draft().id)),
            new Line("GET /login", "A A A A A", w -> Request.get("/login")),
            // A wrong password gets the sign-in page again (401); signing out lands on it.
            new Line("POST /login", "L L L L L", w -> Request.post("/login", "username", "nobody", "password", "wrong-password-1")),
            new Line("GET /logout", "A A A A A", w -> Request.get("/logout")),
            new Line("POST /logout", "L L L L L", w -> Request.post("/logout")),
            // The desk: signed-in staff, by rank and by ownership.
            new Line("GET /desk", "L A A A A", w -> Request.get("/desk")),
            new Line("GET /desk/search", "L A A A A", w -> Request.get("/desk/search?q=matrix")),
            new Line("GET /desk/stories/new", "L A A A A", w -> Request.get("/desk/stories/new")),
            new Line("POST /desk/stories", "L A A A A", w -> Request.post("/desk/stories", "headline", "Matrix new",
                    "section", "1")),
            new Line("GET /desk/stories/{id}", "L A A A A", w -> Request.get("/desk/stories/" + w.draft().id)),
            new Line("POST /desk/stories/{id}", "L A D A A", w -> Request.post("/desk/stories/" + w.draft().id,
                    "headline", "Matrix changed", "section", "1", "version", String.valueOf(w.draft().version))),
            new Line("GET /desk/stories/{id}/history", "L A A A A", w -> Request.get("/desk/stories/" + w.draft().id + "/history")),
            // Anyone on the desk may start a translation (a new draft of their own); a second one in a language is refused (400).
            new Line("POST /desk/stories/{id}/translations", "L A A A A", w -> Request.post("/desk/stories/" + w.draft().id
                    + "/translations", "translateTo", "fr")),
            new Line("POST /desk/stories/{id}/comments", "L A A A A", w -> Request.post("/desk/stories/" + w.draft().id
                    + "/comments", "staffComment", "A comment")),
            new Line("POST /desk/stories/{id}/lease", "L A D A A", w -> Request.post("/desk/stories/" + w.draft().id + "/lease")),
            // Giving back one's own lease (none held: nothing to give back) is anyone's on the desk.
            new Line("POST /desk/stories/{id}/lease/release", "L A A A A", w -> Request.post("/desk/stories/" + w.draft().id
                    + "/lease/release")),
            new Line("POST /desk/stories/{id}/autosave", "L A D A A", w -> Request.post("/desk/stories/" + w.draft().id
                    + "/autosave", "headline", "Typed")),
            new Line("POST /desk/stories/{id}/autosave/discard", "L A A A A", w -> Request.post("/desk/stories/"
                    + w.draft().id + "/autosave/discard")),
            new Line("GET /desk/stories/{id}/revisions/compare", "L A A A A", w -> Request.get("/desk/stories/"
                    + w.draft().id + "/revisions/compare?from=1&to=1")),
            new Line("POST /desk/stories/{id}/revisions/{number}/restore", "L A D A A", w -> Request.post("/desk/stories/"
                    + w.draft().id + "/revisions/1/restore")),
            new Line("GET /desk/stories/{id}/preview", "L A A A A", w -> Request.get("/desk/stories/" + w.draft().id + "/preview")),
            new Line("POST /desk/stories/{id}/preview", "L A A A A", w -> Request.post("/desk/stories/" + w.draft().id
                    + "/preview", "headline", "Previewed", "section", "1")),
            new Line("POST /desk/stories/{id}/preview/links", "L A D A A", w -> Request.post("/desk/stories/"
                    + w.draft().id + "/preview/links", "lifetimeHours", "24")),
            new Line("POST /desk/stories/{id}/preview/links/{linkId}/revoke", "L A D A A", w -> Request.post(
                    "/desk/stories/" + w.draft().id + "/preview/links/" + w.previewLinkId() + "/revoke")),
            new Line("POST /desk/stories/{id}/unpublish", "L D D A A", w -> Request.post("/desk/stories/"
                    + w.published().id + "/unpublish", "reason", "Matrix")),
            new Line("POST /desk/stories/{id}/corrections", "L D D A A", w -> Request.post("/desk/stories/"
                    + w.published().id + "/corrections", "correction", "A correction")),
            // Any staff posts entries; the entry's poster (the writer here) or an editor corrects and deletes it; editors
            // start and end the coverage.
            new Line("GET /desk/stories/{id}/live", "L A A A A", w -> Request.get("/desk/stories/" + w.live().id + "/live")),
            new Line("POST /desk/stories/{id}/live/entries", "L A A A A", w -> Request.post("/desk/stories/" + w.live().id
                    + "/live/entries", "entry", "Matrix entry")),
            new Line("GET /desk/stories/{id}/live/entries/{entryId}", "L A A A A", w -> Request.get("/desk/stories/"
                    + w.live().id + "/live/entries/" + w.liveEntryId())),
            new Line("POST /desk/stories/{id}/live/entries/{entryId}", "L A D A A", w -> Request.post("/desk/stories/"
                    + w.live().id + "/live/entries/" + w.liveEntryId(), "entry", "Matrix entry, corrected")),
            new Line("POST /desk/stories/{id}/live/entries/{entryId}/delete", "L A D A A", w -> Request.post("/desk/stories/"
                    + w.live().id + "/live/entries/" + w.liveEntryId() + "/delete")),
            new Line("POST /desk/stories/{id}/live/start", "L D D A A", w -> Request.post("/desk/stories/"
                    + w.published().id + "/live/start")),
            new Line("POST /desk/stories/{id}/live/end", "L D D A A", w -> Request.post("/desk/stories/"
                    + w.live().id + "/live/end")),
            new Line("POST /desk/stories/{id}/cancel-schedule", "L D D A A", w -> Request.post("/desk/stories/"
                    + w.scheduled().id + "/cancel-schedule")),
            new Line("POST /desk/images", "L A A A A", w -> Request.post("/desk/images").asMultipart()),
            new Line("GET /desk/tags", "L A A A A", w -> Request.get("/desk/tags?q=ma")),
            new Line("GET /desk/story-links", "L A A A A", w -> Request.get("/desk/story-links?q=matrix")),
            new Line("GET /desk/sections", "L D D A A", w -> Request.get("/desk/sections")),
            new Line("POST /desk/sections", "L D D A A", w -> Request.post("/desk/sections", "name", Fixtures.unique("Sec"))),
            new Line("POST /desk/sections/{id}/language", "L D D A A", w -> Request.post("/desk/sections/1/language", "language", "")),
            new Line("GET /desk/authors", "L D D A A", w -> Request.get("/desk/authors")),
            new Line("POST /desk/authors", "L D D A A", w -> Request.post("/desk/authors", "name", Fixtures.unique("Author"))),
            new Line("GET /desk/authors/{id}", "L D D A A", w -> Request.get("/desk/authors/" + w.authorId())),
            new Line("POST /desk/authors/{id}", "L D D A A", w -> Request.post("/desk/authors/" + w.authorId(),
                    "name", "Matrix Author", "bio", "Bio")),
            new Line("POST /desk/authors/{id}/photo", "L D D A A", w -> Request.post("/desk/authors/" + w.authorId()
                    + "/photo").asMultipart()),
            new Line("GET /desk/staff", "L D D D A", w -> Request.get("/desk/staff")),
            new Line("POST /desk/staff", "L D D D A", w -> Request.post("/desk/staff", "username", Fixtures.unique("m"),
                    "password", "a-long-enough-password", "displayName", "Matrix Person", "role", "REPORTER")),
            new Line("POST /desk/staff/{id}/role", "L D D D A", w -> Request.post("/desk/staff/" + w.throwawayStaffId()
                    + "/role", "role", "EDITOR")),
            new Line("POST /desk/staff/{id}/enabled", "L D D D A", w -> Request.post("/desk/staff/" + w.throwawayStaffId()
                    + "/enabled", "enabled", "false")),
            new Line("GET /desk/account", "L A A A A", w -> Request.get("/desk/account")),
            new Line("POST /desk/account", "L A A A A", w -> Request.post("/desk/account", "currentPassword", "wrong")),
            new Line("POST /desk/account/email", "L A A A A", w -> Request.post("/desk/account/email", "email", "not an address")),
            // Notifications are each person's own: a notification not theirs (or not there) is a 404.
            new Line("GET /desk/notifications", "L A A A A", w -> Request.get("/desk/notifications")),
            new Line("GET /desk/notifications/{id}", "L A A A A", w -> Request.get("/desk/notifications/0")),
            new Line("POST /desk/notifications/read", "L A A A A", w -> Request.post("/desk/notifications/read")),
            new Line("POST /desk/notifications/preferences", "L A A A A", w -> Request.post("/desk/notifications/preferences")),
            new Line("GET /desk/settings", "L D D D A", w -> Request.get("/desk/settings")),
            new Line("POST /desk/settings", "L D D D A", w -> Request.post("/desk/settings", "siteName", "")),
            new Line("POST /desk/settings/logo", "L D D D A", w -> Request.post("/desk/settings/logo").asMultipart()),
            new Line("GET /desk/audit", "L D D D A", w -> Request.get("/desk/audit")),
            new Line("GET /desk/integrations", "L D D D A", w -> Request.get("/desk/integrations")),
            new Line("POST /desk/integrations/tokens", "L D D D A", w -> Request.post("/desk/integrations/tokens", "name", "")),
            new Line("POST /desk/integrations/tokens/{id}/revoke", "L D D D A", w -> Request.post("/desk/integrations/tokens/"
                    + w.tokenId() + "/revoke")),
            // WordPress import: an empty form gets the form back with its message; an import that is not there, a 404.
            new Line("GET /desk/import", "L D D D A", w -> Request.get("/desk/import")),
            new Line("POST /desk/import", "L D D D A", w -> Request.post("/desk/import").asMultipart()),
            new Line("GET /desk/import/{id}", "L D D D A", w -> Request.get("/desk/import/1")),
            // Webhooks are the admin's (an empty form is answered 400 with its errors; a missing endpoint 404).
            new Line("GET /desk/integrations/webhooks", "L D D D A", w -> Request.get("/desk/integrations/webhooks")),
            new Line("POST /desk/integrations/webhooks", "L D D D A", w -> Request.post("/desk/integrations/webhooks",
                    "url", "")),
            new Line("POST /desk/integrations/webhooks/{id}/enabled", "L D D D A", w -> Request.post(
                    "/desk/integrations/webhooks/0/enabled", "enabled", "false")),
            new Line("POST /desk/integrations/webhooks/{id}/delete", "L D D D A", w -> Request.post(
                    "/desk/integrations/webhooks/0/delete")));

    @Inject
    Fixtures fixtures;

    @Inject
    PreviewLinks previews;

    @Inject
    ImageStore images;

    @Inject
    org.copydesk.distribution.IntegrationTokens tokens;

    @Test
    void everyRouteOfTheAppHasALineInTheMatrix() throws Exception {
        TreeSet<String> declared = new TreeSet<>(MATRIX.stream().map(Line::route).toList());
        assertThat(declared).as("routes listed twice").hasSize(MATRIX.size());
        assertThat(declared).isEqualTo(new TreeSet<>(appRoutes()));
    }

    @Test
    void everyoneGetsTheAnswerTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        StaffAccount writer = fixtures.staff(Role.REPORTER);
        StaffAccount other = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        StaffAccount admin = fixtures.staff(Role.ADMIN);
        Map<Who, StaffAccount> accounts = Map.of(Who.WRITER, writer, Who.OTHER_REPORTER, other, Who.EDITOR, editor,
                Who.ADMIN, admin);
        Map<Who, Browser> sessions = new java.util.EnumMap<>(Who.class);
        accounts.forEach((who, account) -> sessions.put(who, new Browser().signIn(account.username, Fixtures.PASSWORD)));
        for (Line line : MATRIX) {
            for (Who who : Who.values()) {
                World world = new World(writer, editor);
                Browser browser = who == Who.ANONYMOUS ? new Browser() : sessions.get(who);
                Response response = send(browser, line.request().apply(world));
                Answer got = answerOf(response);
                if (got != line.expected(who) || response.statusCode() >= 500) {
                    wrong.add(line.route() + " as " + who + ": expected " + line.expected(who) + ", got "
                            + response.statusCode() + " " + got);
                }
                if (who != Who.ANONYMOUS && ENDS_THE_SESSION.contains(line.route())) {
                    sessions.put(who, new Browser().signIn(accounts.get(who).username, Fixtures.PASSWORD));
                }
            }
        }
        assertThat(wrong).isEmpty();
        sessions.forEach((who, browser) -> assertThat(browser.get("/desk").statusCode())
                .as(who + "'s session, kept through the matrix").isEqualTo(200));
    }

    /** Fresh things to point the routes at, made for one check the first time its line asks for them. */
    final class World {
        private final StaffAccount writer;
        private final StaffAccount editor;
        private Story draft;
        private Story published;
        private Story scheduled;
        private PreviewLinks.Created link;
        private Long linkId;
        private String imagePath;
        private AuthorProfile author;
        private Long throwawayStaffId;

        World(StaffAccount writer, StaffAccount editor) {
            this.writer = writer;
            this.editor = editor;
        }

        Story draft() {
            if (draft == null) {
                draft = fixtures.reload(fixtures.story("Matrix draft " + Fixtures.unique("d"), writer, null).id);
            }
            return draft;
        }

        Story published() {
            if (published == null) {
                Story story = fixtures.published("Matrix live " + Fixtures.unique("p"), writer, editor);
                fixtures.tag(story.id, "Matrix");
                published = fixtures.reload(story.id);
            }
            return published;
        }

        private Story live;
        private Long liveEntryId;

        /** A published live story, with an entry the writer posted. */
        Story live() {
            if (live == null) {
                live = fixtures.liveStory("Matrix live coverage " + Fixtures.unique("l"), writer, editor);
                liveEntryId = fixtures.liveEntry(live.id, "The first matrix entry.", writer, false).id;
            }
            return live;
        }

        long liveEntryId() {
            live();
            return liveEntryId;
        }

        /** The page of the tag its published story carries. */
        String tagPath() {
            published();
            return "/tags/matrix";
        }

        Story scheduled() {
            if (scheduled == null) {
                scheduled = fixtures.story("Matrix scheduled " + Fixtures.unique("s"), writer, editor, StoryAction.SUBMIT);
                fixtures.scheduleAt(scheduled.id, java.time.Instant.now().plus(Duration.ofDays(2)), editor);
            }
            return scheduled;
        }

        String previewToken() {
            return link().token();
        }

        long previewLinkId() {
            link();
            return linkId;
        }

        private PreviewLinks.Created link() {
            if (link == null) {
                long draftId = draft().id;
                link = previews.create(draftId, writer, Duration.ofHours(1));
                linkId = QuarkusTransaction.requiringNew().call(() -> org.copydesk.preview.PreviewLink
                        .<org.copydesk.preview.PreviewLink>find("story.id = ?1", draftId).firstResult().id);
            }
            return link;
        }

        String imagePath() {
            if (imagePath == null) {
                Image image = images.store(TestImages.jpeg(40, 30), writer.id);
                imagePath = image.url(40);
            }
            return imagePath;
        }

        long authorId() {
            return author().id;
        }

        String authorSlug() {
            return author().slug;
        }

        private AuthorProfile author() {
            if (author == null) {
                author = QuarkusTransaction.requiringNew().call(() -> AuthorProfile.findByStaffAccount(writer).orElseThrow());
            }
            return author;
        }

        long tokenId() {
            return tokens.create("Matrix " + Fixtures.unique("t"), java.util.Set.of(), null, editor).token().id;
        }

        long throwawayStaffId() {
            if (throwawayStaffId == null) {
                throwawayStaffId = fixtures.staff(Role.REPORTER).id;
            }
            return throwawayStaffId;
        }
    }

    private static Response send(Browser browser, Request request) {
        if (request.form() == null) {
            return browser.get(request.path());
        }
        if (request.put()) {
            return io.restassured.RestAssured.given().redirects().follow(false).cookies(browser.cookies())
                    .contentType("application/json").body("{}").put(request.path());
        }
        String token = Jsoup.parse(browser.get("/login").asString()).select("input[name=csrf-token]").val();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("csrf-token", List.of(token));
        request.form().forEach((k, v) -> fields.put(k, List.of(v)));
        return request.multipart() ? browser.postMultipart(request.path(), fields, Map.of()) : browser.post(request.path(), fields);
    }

    private static Answer answerOf(Response response) {
        int status = response.statusCode();
        String location = response.header("Location");
        if ((status == 302 || status == 303) && location != null && Browser.pathOf(location).startsWith("/login")) {
            return Answer.L;
        }
        if (status == 401) {
            return Answer.L;
        }
        return status == 403 ? Answer.D : Answer.A;
    }

    private static String stylesheet() {
        return Jsoup.parse(io.restassured.RestAssured.given().get("/").asString()).select("link[rel=stylesheet]").attr("href");
    }

    /** Every method × path the application's resource classes declare, path parameters without their patterns. */
    static List<String> appRoutes() throws IOException, ClassNotFoundException {
        List<String> routes = new ArrayList<>();
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes.resolve("org/copydesk"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, PermissionMatrixTest.class.getClassLoader());
                jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                            : method.isAnnotationPresent(jakarta.ws.rs.PUT.class) ? "PUT"
                            : method.isAnnotationPresent(jakarta.ws.rs.DELETE.class) ? "DELETE" : null;
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = ("/" + base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                    path = path.replaceAll("\\{(\\w+)\\s*:[^{}]*(?:\\{[^{}]*}[^{}]*)*}", "{$1}");
                    if (path.length() > 1 && path.endsWith("/")) {
                        path = path.substring(0, path.length() - 1);
                    }
                    String route = verb + " " + path;
                    if (!routes.contains(route)) {
                        routes.add(route);
                    }
                }
            }
        }
        return routes;
    }
}
