package org.copydesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.people.StaffService;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;

/** Seeds what a test needs, with names of its own so tests never depend on each other. */
@ApplicationScoped
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    StaffService staff;

    @Inject
    StoryService stories;

    @Inject
    org.copydesk.live.LiveCoverage liveCoverage;

    /** The real agency story the demo carries (src/main/resources/demo, from ../shared/fixtures/wire). */
    public static String agencyStory() throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/demo/mali-denies-hiring-russian-pmc.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The newsroom's six languages, the site's own first, as most language tests want them. */
    public static final String SIX_LANGUAGES = "en tr ar fr de es";

    /** The admin sets the newsroom's languages on the settings page, as in the desk (the first is the site's own). */
    public static void newsroomLanguages(String tags) {
        Browser admin = new Browser().signIn("admin", "test-admin-password");
        io.restassured.response.Response saved = admin.form(admin.page("/desk/settings"), "form[action=/desk/settings]")
                .set("languages", tags).press("Save settings");
        org.junit.jupiter.api.Assertions.assertEquals(303, saved.statusCode(), saved.asString());
    }

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    @Transactional
    public StaffAccount staff(Role role) {
        String username = unique(role.name().toLowerCase());
        return staff.createAccount(username, PASSWORD, "Test " + role.label() + " " + username, role, null);
    }

    /** A story saved by {@code writer}, moved on by the given actions in turn (the last by {@code editor}). */
    @Transactional
    public Story story(String headline, StaffAccount writer, StaffAccount editor, StoryAction... actions) {
        StoryForm.Builder form = StoryForm.builder();
        form.headline = headline;
        form.standfirst = "Standfirst of " + headline;
        form.body = "First paragraph of " + headline + ".\n\nSecond paragraph.";
        form.sectionId = Section.findBySlug("world").orElseThrow().id;
        org.copydesk.people.AuthorProfile.findByStaffAccount(writer).ifPresent(
                profile -> form.bylines.add(new StoryForm.BylineRow(profile.id, profile.name, "", false)));
        Story story = stories.save(null, form.build(), writer, null);
        for (StoryAction action : actions) {
            StaffAccount actor = action == StoryAction.SUBMIT ? writer : editor;
            stories.act(story.id, action, actor, action == StoryAction.REQUEST_CHANGES ? "Please fix" : null);
        }
        return story;
    }

    /** Takes an existing story through review and publication. */
    @Transactional
    public void publish(long id, StaffAccount editor) {
        Story story = Story.findById(id);
        if (story.state == org.copydesk.story.StoryState.DRAFT) {
            stories.act(id, StoryAction.SUBMIT, editor, null);
        }
        stories.act(id, StoryAction.PUBLISH, editor, null);
    }

    /** A published story with the given body text. */
    @Transactional
    public Story publishedWithBody(String headline, String body, StaffAccount writer, StaffAccount editor) {
        StoryForm.Builder form = StoryForm.builder();
        form.headline = headline;
        form.body = body;
        form.sectionId = Section.findBySlug("world").orElseThrow().id;
        Story story = stories.save(null, form.build(), writer, null);
        stories.act(story.id, StoryAction.SUBMIT, writer, null);
        stories.act(story.id, StoryAction.PUBLISH, editor, null);
        return story;
    }

    /** A published story in the section, with a dateline and a body of one paragraph. */
    @Transactional
    public Story publishedIn(String sectionSlug, String headline, String datelinePlace, StaffAccount writer,
                             StaffAccount editor) {
        StoryForm.Builder form = StoryForm.builder();
        form.headline = headline;
        form.body = "<p>First words of " + headline + ".</p><p>More words.</p>";
        form.sectionId = Section.findBySlug(sectionSlug).orElseThrow().id;
        form.datelinePlace = datelinePlace;
        Story story = stories.save(null, form.build(), writer, null);
        stories.act(story.id, StoryAction.SUBMIT, writer, null);
        stories.act(story.id, StoryAction.PUBLISH, editor, null);
        return story;
    }

    /** A published story, written by a reporter and published by an editor. */
    public Story published(String headline, StaffAccount writer, StaffAccount editor) {
        return story(headline, writer, editor, StoryAction.SUBMIT, StoryAction.PUBLISH);
    }

    /** A published story of the kind Live (made live by the editor, as the desk's Start live coverage does). */
    public Story liveStory(String headline, StaffAccount writer, StaffAccount editor) {
        Story story = published(headline, writer, editor);
        liveCoverage.start(story.id, editor);
        return reload(story.id);
    }

    /** An entry posted on a live story, as "Post entry" does; the poster's own byline. */
    public org.copydesk.live.LiveEntry liveEntry(long storyId, String text, StaffAccount poster, boolean keyEvent) {
        Long author = QuarkusTransaction.requiringNew().call(() -> {
            org.copydesk.people.AuthorProfile mine = org.copydesk.people.AuthorProfile.<org.copydesk.people.AuthorProfile>find("staffAccount.id", poster.id).firstResult();
            return mine == null ? null : mine.id;
        });
        return liveCoverage.post(storyId, new org.copydesk.live.EntryForm(text, keyEvent, author, "", "", "", "", false, ""),
                poster);
    }

    /** An editor ends the live coverage, as End live coverage does. */
    public void endLive(long storyId, StaffAccount editor) {
        liveCoverage.end(storyId, editor);
    }

    /** The id of the live story's pending update, or null when none is being worked on. */
    @Transactional
    public Long pendingUpdateOf(long id) {
        return Story.<Story>findById(id).findPendingUpdateId();
    }

    @Transactional
    public long count(String action, long storyId) {
        return org.copydesk.audit.AuditEvent.count("action = ?1 and story.id = ?2", action, storyId);
    }

    /** Puts a story in review on the schedule for the given time, as an editor would. */
    @Transactional
    public void scheduleAt(long id, java.time.Instant at, StaffAccount editor) {
        Story story = Story.findById(id);
        story.state = org.copydesk.story.StoryState.SCHEDULED;
        story.scheduledAt = at;
    }

    /** Adds a tag to a story, as a save of the form would. */
    @Transactional
    public void tag(long id, String name) {
        Story story = Story.findById(id);
        org.copydesk.story.Tag tag = org.copydesk.story.Tag.findBySlug(org.copydesk.web.Slugs.of(name, 90)).orElseGet(() -> {
            org.copydesk.story.Tag created = new org.copydesk.story.Tag();
            created.name = name;
            created.slug = org.copydesk.web.Slugs.of(name, 90);
            created.persist();
            return created;
        });
        story.tags.add(tag);
        publicRowsWrittenDirectly();
    }

    /** Adds a byline of a new author with a role line ("Additional reporting by"), as a save of the form would. */
    @Transactional
    public org.copydesk.people.AuthorProfile byline(long id, String name, String roleLine) {
        Story story = Story.findById(id);
        org.copydesk.people.AuthorProfile author = org.copydesk.people.AuthorProfile.unsaved(name);
        author.persist();
        story.bylines.add(new org.copydesk.story.Byline(author, roleLine));
        publicRowsWrittenDirectly();
        return author;
    }

    /** Gives a story a featured picture with its words, and related stories, as a save of the form would. */
    @Transactional
    public void pictureAndRelated(long id, org.copydesk.media.Image picture, String alt, String caption, String credit,
                                  long... related) {
        Story story = Story.findById(id);
        story.featuredImage = org.copydesk.media.Image.findById(picture.id);
        story.featuredImageAlt = alt;
        story.featuredImageCaption = caption;
        story.featuredImageCredit = credit;
        for (long other : related) {
            story.related.add(Story.findById(other));
        }
        publicRowsWrittenDirectly();
    }

    @Transactional
    public void dateline(long id, String place) {
        Story story = Story.findById(id);
        story.datelinePlace = place;
        publicRowsWrittenDirectly();
    }

    /**
     * The helpers above write stories as no service does (to set a case up quickly); a published story so written
     * raises the public version in the same transaction, as publishing.Publication would, or the database refuses
     * the commit (V23).
     */
    private static void publicRowsWrittenDirectly() {
        Story.getEntityManager().createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
    }

    /**
     * The story as committed once no transaction holds its row: the scheduler's own run may be publishing it at
     * this very moment (its rows are locked, and another run skips them), and this waits for that commit.
     */
    @Transactional
    public Story settled(long id) {
        Story.getEntityManager().createNativeQuery("select id from story where id = ?1 for share").setParameter(1, id)
                .getResultList();
        return reload(id);
    }

    @Transactional
    public Story reload(long id) {
        Story story = Story.findById(id);
        if (story == null) {
            return null;
        }
        story.bylines.size();
        story.corrections.size();
        story.related.size();
        story.tags.size();
        org.hibernate.Hibernate.initialize(story.featuredImage);
        story.body.length(); // read only when used (Story.body is lazy): read here, while the session is open
        return story;
    }
}
