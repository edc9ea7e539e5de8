package org.copydesk.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Fixtures;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * No N+1: a public page issues the same small number of SQL statements whether a story has one
 * byline, tag and related story or many, and whether a list shows one story or thirty.
 */
@QuarkusTest
class QueryBoundsTest {

    /** The most statements any public page may take. */
    static final int LIMIT = 12;

    @Inject
    Fixtures fixtures;

    @Inject
    SessionFactory sessions;

    @Inject
    org.copydesk.publishing.PublicVersion versions;

    @Inject
    SettingsService settings;

    @Inject
    SiteInfo site;

    @Test
    void aStoryPageCostsTheSameWithOneOrManyBylinesTagsAndRelatedStories() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story small = rich(1, reporter, editor);
        Story large = rich(8, reporter, editor);
        long smallCount = statements(fixtures.reload(small.id).publicPath);
        long largeCount = statements(fixtures.reload(large.id).publicPath);
        assertThat(largeCount).as("statements for 8 bylines, tags and related vs 1").isEqualTo(smallCount);
        assertThat(largeCount).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void listsAndFeedsCostTheSameForOneStoryOrAFullPage() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        for (int i = 0; i < 35; i++) {
            rich(2, reporter, editor);
        }
        String authorSlug = org.copydesk.web.Slugs.of(reporter.displayName, 120);
        Map<String, Long> counts = new LinkedHashMap<>();
        String month = "/sitemaps/stories-" + java.time.YearMonth.now(org.copydesk.web.Newsroom.zone()) + ".xml";
        for (String path : new String[] {"/", "/world", "/world?page=2", "/tags/bounded-0", "/authors/" + authorSlug,
                "/feed.xml", "/world/feed.xml", "/tags/bounded-0/feed.xml", "/authors/" + authorSlug + "/feed.xml",
                "/sitemap.xml", month, "/sitemaps/sections.xml", "/sitemaps/tags.xml", "/sitemaps/authors.xml",
                "/sitemap-news.xml", "/search?q=bounded"}) {
            counts.put(path, statements(path));
        }
        assertThat(counts.values()).as(counts.toString()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(LIMIT));

        feedsCarry(SettingsForm.FULL); // the bodies of a full-text feed's thirty stories: one query, not one each
        try {
            for (String feed : new String[] {"/feed.xml", "/world/feed.xml", "/tags/bounded-0/feed.xml"}) {
                assertThat(statements(feed)).as(feed + " with full text").isLessThanOrEqualTo(counts.get(feed) + 1);
            }
        } finally {
            feedsCarry(SettingsForm.SUMMARY);
        }
    }

    private void feedsCarry(String feedText) {
        SiteInfo.Settings now = site.settings();
        settings.save(new SettingsForm(now.siteName(), now.agencyCredit(), now.datelineFormat(),
                String.join(" ", now.languages().stream().map(org.copydesk.language.Language::tag).toList()), feedText), null);
        site.reload();
    }

    /**
     * Waits until this node has heard of every public change made so far: hearing one reloads the settings and
     * sections (site.SiteInfo), statements of its own that would otherwise be counted with a page's when they fell
     * within its request.
     */
    private void publicChangesHeard() {
        long written = QuarkusTransaction.requiringNew().call(() -> ((Number) Story.getEntityManager()
                .createNativeQuery("select value from public_version where id = 1").getSingleResult()).longValue());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (versions.known() < written && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A published story with {@code n} bylines, tags and related stories. */
    private Story rich(int n, StaffAccount reporter, StaffAccount editor) {
        Story story = fixtures.published("Bounded " + Fixtures.unique("q"), reporter, editor);
        for (int i = 0; i < n; i++) {
            fixtures.tag(story.id, "Bounded " + i);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Story s = Story.findById(story.id);
            for (int i = 1; i < n; i++) {
                org.copydesk.people.AuthorProfile author = new org.copydesk.people.AuthorProfile();
                author.name = "Co Author " + Fixtures.unique("a");
                author.slug = org.copydesk.web.Slugs.of(author.name, 120);
                author.persist();
                s.bylines.add(new org.copydesk.story.Byline(author, null));
            }
            for (Story other : Story.<Story>find("state = ?1 and id <> ?2 order by id desc",
                    org.copydesk.story.StoryState.PUBLISHED, story.id).range(0, n - 1).list()) {
                s.related.add(other);
            }
            // A published story written directly raises the public version with it, or the database refuses it (V23).
            Story.getEntityManager().createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
        });
        return story;
    }

    private long statements(String path) {
        given().get(path); // warm: templates compiled, caches filled
        publicChangesHeard();
        sessions.getStatistics().clear();
        int status = given().get(path).statusCode();
        assertThat(status).as(path).isEqualTo(200);
        return sessions.getStatistics().getPrepareStatementCount();
    }
}
