package org.copydesk.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.copydesk.people.AuthorProfile;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.people.StaffService;
import org.copydesk.story.SectionService;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryService;
import org.copydesk.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A change readers can see that does not come through the seam ({@link Publication}) is refused by the database
 * at commit (V23): whoever forgets to announce a public change finds out at the first test, not from a reader
 * served a stale page. The normal paths (the services) pass, and drafts are not held to it.
 */
@QuarkusTest
class PublicWritesGuardTest {

    @Inject
    Fixtures fixtures;

    @Inject
    StoryService stories;

    @Inject
    SectionService sections;

    @Inject
    StaffService staff;

    @Inject
    PublicVersion versions;

    @Inject
    Publication publication;

    @Test
    void aPublishedStoryChangedWithoutTheSeamIsRefusedAndKeepsItsHeadline() {
        Story live = published();
        assertThatThrownBy(() -> sql("update story set headline = 'Changed behind the seam' where id = " + live.id))
                .hasStackTraceContaining("was not announced");
        assertThat(fixtures.reload(live.id).headline).isEqualTo(live.headline);
    }

    @Test
    void theSameChangeWithThePublicVersionRaisedCommits() {
        Story live = published();
        sql("update story set headline = 'Changed and announced' where id = " + live.id,
                "update public_version set value = value + 1 where id = 1");
        assertThat(fixtures.reload(live.id).headline).isEqualTo("Changed and announced");
    }

    @Test
    void everyKindOfPublicRowIsGuarded() {
        Story live = published();
        long author = QuarkusTransaction.requiringNew().call(() -> AuthorProfile.<AuthorProfile>listAll().get(0).id);
        for (String write : new String[] {
                "insert into story_correction (id, story_id, text, created_at) values (nextval('story_correction_seq'), "
                        + live.id + ", 'Behind the seam', now())",
                "delete from story_byline where story_id = " + live.id,
                "update section set name = name || ' (changed)' where slug = 'world'",
                "insert into section (id, name, slug, position) values (nextval('section_seq'), 'Hidden "
                        + System.nanoTime() + "', 'hidden-" + System.nanoTime() + "', 999)",
                "update site_settings set site_name = 'Behind the seam' where id = 1",
                "update author set bio = 'Behind the seam' where id = " + author}) {
            assertThatThrownBy(() -> sql(write)).as(write).hasStackTraceContaining("was not announced");
        }
    }

    @Test
    void draftsAndTheirAutosavesAreNotHeldToIt() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story draft = fixtures.story("Draft " + Fixtures.unique("g"), reporter, reporter);
        sql("update story set headline = 'A draft changed by SQL' where id = " + draft.id);
        assertThat(fixtures.reload(draft.id).headline).isEqualTo("A draft changed by SQL");
    }

    @Test
    void theServicesAnnounceWhatTheyChangeAndTheVersionMovesOnThisNodeAtCommit() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        long before = versions.known();
        Story story = fixtures.story("Announced " + Fixtures.unique("g"), reporter, editor, StoryAction.SUBMIT, StoryAction.PUBLISH);
        assertThat(versions.known()).as("heard at commit, without waiting for the database's notification")
                .isGreaterThan(before);
        QuarkusTransaction.requiringNew().run(() -> stories.addCorrection(story.id, "A name was misspelt.", editor));
        QuarkusTransaction.requiringNew().run(() -> stories.act(story.id, StoryAction.UNPUBLISH, editor, "Withdrawn."));
        QuarkusTransaction.requiringNew().run(() -> sections.create("Announced " + System.nanoTime(), null, null));
        long author = QuarkusTransaction.requiringNew().call(() -> AuthorProfile.findByStaffAccount(reporter).orElseThrow().id);
        QuarkusTransaction.requiringNew().run(() -> staff.updateAuthor(author, "Announced Author", "A bio."));
        assertThat(fixtures.count("UNPUBLISH", story.id)).as("the audit line commits with the change").isEqualTo(1);
        assertThat(fixtures.count("CORRECTION", story.id)).isEqualTo(1);
    }

    @Test
    void aChangeRolledBackAfterItsAnnouncementIsNeitherHeardNorRecorded() {
        Story live = published();
        java.util.concurrent.atomic.AtomicLong raised = new java.util.concurrent.atomic.AtomicLong();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            raised.set(publication.announce(PublicChange.ofStory(PublicChange.Kind.CORRECTION, live.id, null,
                    "PUBLISHED", "PUBLISHED", "Never made")).version());
            throw new IllegalStateException("refused after the announcement");
        })).hasMessageContaining("refused after the announcement");
        assertThat(raised.get()).isPositive();
        assertThat(versions.known()).as("after success only: a rolled-back raise is not heard").isLessThan(raised.get());
        assertThat(fixtures.count("CORRECTION", live.id)).as("the audit line went with the transaction").isZero();
    }

    private Story published() {
        return fixtures.published("Guarded " + Fixtures.unique("g"), fixtures.staff(Role.REPORTER), fixtures.staff(Role.EDITOR));
    }

    private static void sql(String... statements) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String statement : statements) {
                Story.getEntityManager().createNativeQuery(statement).executeUpdate();
            }
        });
    }
}
