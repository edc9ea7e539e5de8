package org.copydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.people.StaffService;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.copydesk.web.Newsroom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * A reader crawls the whole public site (pages, feeds, sitemaps, search, related links) while the
 * newsroom holds stories in every unpublished state, notes and comments: none of it may show.
 */
@QuarkusTest
class NoLeaksTest {

    @Inject
    Fixtures fixtures;

    @Inject
    StoryService stories;

    @Inject
    StaffService staff;

    @Test
    void nothingUnpublishedReachesAReader() {
        StaffAccount writer = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String tag = "Leakcheck " + Fixtures.unique("t").replace("-", "");
        List<String> secrets = new ArrayList<>();

        Story live = fixtures.published("Live leak check " + Fixtures.unique("live"), writer, editor);
        Story otherLive = fixtures.published("Second live leak check " + Fixtures.unique("live"), writer, editor);
        Story draft = fixtures.story(secret(secrets, "Wombatdraft"), writer, null);
        // An author profile that exists only as a byline typed on a draft, and a staff member with nothing
        // published: neither is public (the search form's author list once listed every profile).
        String bylineOnDraft = secret(secrets, "Wombatbyline");
        QuarkusTransaction.requiringNew().run(() -> {
            StoryForm.Builder form = StoryForm.fromStory(Story.findById(draft.id), Newsroom.zone()).toBuilder();
            form.bylines.add(new StoryForm.BylineRow(null, bylineOnDraft, "", true));
            stories.save(draft.id, form.build(), writer, null);
        });
        String staffName = secret(secrets, "Wombatstaff");
        QuarkusTransaction.requiringNew().run(() -> staff.createAccount(Fixtures.unique("quiet"), Fixtures.PASSWORD, staffName,
                Role.REPORTER, null));
        Story inReview = fixtures.story(secret(secrets, "Wombatreview"), writer, editor, StoryAction.SUBMIT);
        Story changes = fixtures.story(secret(secrets, "Wombatchanges"), writer, editor, StoryAction.SUBMIT,
                StoryAction.REQUEST_CHANGES);
        Story scheduled = fixtures.story(secret(secrets, "Wombatscheduled"), writer, editor, StoryAction.SUBMIT);
        fixtures.scheduleAt(scheduled.id, Instant.now().plus(Duration.ofDays(3)), editor);
        Story unpublished = fixtures.published(secret(secrets, "Wombatunpublished"), writer, editor);
        QuarkusTransaction.requiringNew().run(() -> stories.act(unpublished.id, StoryAction.UNPUBLISH, editor, "Legal"));
        String updateHeadline = secret(secrets, "Wombatupdate");
        QuarkusTransaction.requiringNew().run(() -> {
            StoryForm.Builder form = StoryForm.fromStory(Story.findById(otherLive.id), Newsroom.zone()).toBuilder();
            form.headline = updateHeadline;
            form.body = "Wombatupdatebody " + form.body;
            stories.save(otherLive.id, form.build(), writer, null);
        });
        String note = secret(secrets, "Wombatnote");
        String comment = secret(secrets, "Wombatcomment");
        QuarkusTransaction.requiringNew().run(() -> {
            Story story = Story.findById(live.id);
            story.notesToEditor = note;
            story.related.addAll(List.of(Story.findById(draft.id), Story.findById(inReview.id), Story.findById(changes.id),
                    Story.findById(scheduled.id), Story.findById(unpublished.id), Story.findById(otherLive.id)));
            // A published story written directly raises the public version with it, or the database refuses it (V23).
            Story.getEntityManager().createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> stories.addComment(live.id, comment, editor));
        for (Story story : List.of(live, otherLive, draft, inReview, changes, scheduled, unpublished)) {
            fixtures.tag(story.id, tag);
        }
        assertThat(secrets).hasSize(10);

        Set<String> visited = crawl(List.of("/", "/feed.xml", "/sitemap.xml", "/sitemap-news.xml", "/robots.txt",
                "/world", "/world/feed.xml", "/tags/" + org.copydesk.web.Slugs.of(tag, 90),
                fixtures.reload(live.id).publicPath, "/search?q=Wombat*", "/search?q=wombat"), secrets);
        assertThat(visited).as("the crawl reached the live story and its related link")
                .contains(fixtures.reload(live.id).publicPath, fixtures.reload(otherLive.id).publicPath);
        assertThat(new Browser().page("/search").select("select[name=author] option").eachText())
                .as("the search form's authors: only those with something published").contains(writer.displayName)
                .noneMatch(name -> name.toLowerCase(Locale.ROOT).contains("wombat"));
        for (String word : List.of("Wombatdraft", "Wombatreview", "Wombatchanges", "Wombatscheduled", "Wombatunpublished",
                "Wombatupdate", "Wombatupdatebody", "Wombatnote", "Wombatcomment")) {
            String results = new Browser().get("/search?q=" + word).asString();
            assertThat(Jsoup.parse(results).select(".search-results li, ol.results li")).as(word).isEmpty();
        }
    }

    /** A headline (or text) that must never reach a reader; its slug is covered by the lower-case check. */
    private static String secret(List<String> secrets, String word) {
        String text = word + Fixtures.unique("").replace("-", "");
        secrets.add(text);
        return text;
    }

    /** Every same-site page reachable from the starts, each checked for the secrets; returns the paths seen. */
    private static Set<String> crawl(List<String> starts, List<String> secrets) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(starts);
        Browser reader = new Browser();
        while (!queue.isEmpty() && seen.size() < 600) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            Response response = reader.get(path);
            String body = response.asString();
            String lower = body.toLowerCase(Locale.ROOT);
            for (String secret : secrets) {
                assertThat(lower).as("%s shows %s", path, secret).doesNotContain(secret.toLowerCase(Locale.ROOT));
            }
            if (!path.startsWith("/search")) { // a search page repeats the words searched for
                assertThat(lower).as(path).doesNotContain("wombat");
            }
            if (response.statusCode() != 200) {
                continue;
            }
            String type = response.contentType() == null ? "" : response.contentType();
            Document doc = type.contains("xml") ? Jsoup.parse(body, "", Parser.xmlParser()) : Jsoup.parse(body);
            List<String> links = new ArrayList<>();
            for (Element a : doc.select("a[href], link[href]")) {
                links.add(a.attr("href"));
            }
            for (Element loc : doc.select("loc")) {
                links.add(loc.text());
            }
            for (String link : links) {
                String local = local(link);
                if (local != null && !seen.contains(local)) {
                    queue.add(local);
                }
            }
        }
        return seen;
    }

    /** A link on this site worth reading as a reader (not the desk, sign-in or static files). */
    private static String local(String link) {
        String path = link;
        if (link.startsWith("http://") || link.startsWith("https://")) {
            java.net.URI uri = java.net.URI.create(link);
            if (!"localhost".equals(uri.getHost())) {
                return null;
            }
            path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/desk") || path.startsWith("/login")
                || path.startsWith("/logout") || path.startsWith("/static") || path.startsWith("/images")
                || path.startsWith("/bundle")) {
            return null;
        }
        int hash = path.indexOf('#');
        return hash >= 0 ? path.substring(0, hash) : path;
    }
}
