package org.copydesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryService;
import org.copydesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** Searches of plain words find their candidates in memory, as the database would, and follow every public change. */
@QuarkusTest
class PublicMatchesTest {

    /** The site's own language in tests: English. */
    private static final SearchScope ENGLISH = SearchScope.of(org.copydesk.language.Language.ENGLISH);

    @Inject
    Fixtures fixtures;

    @Inject
    StorySearch search;

    @Inject
    StoryService stories;

    @Inject
    PublicMatches matches;

    @Test
    void onlyPlainWordsAreSearchedInMemory() {
        assertThat(PublicMatches.plainWords("  Flood  Warnings ")).containsExactly("flood", "warnings");
        // Letters of any script, accented too: each the one lexeme its language's folded configuration reads (V27).
        assertThat(PublicMatches.plainWords("Café élections الانتخابات")).containsExactly("café", "élections", "الانتخابات");
        // Vowel marks are not letters: such words are searched in the database.
        for (String other : List.of("\"flood warnings\"", "flood -warnings", "flood or drought", "G20", "self-driving", "الاِنْتِخَابَات", "")) {
            assertThat(PublicMatches.plainWords(other)).as(other).isEmpty();
        }
    }

    @Test
    void theNewestMatchesAreTakenWhetherFewOrMany() {
        // Stories 1 to 1,000, published in a shuffled order.
        List<long[]> stories = java.util.stream.LongStream.rangeClosed(1, 1000).mapToObj(id -> new long[] {id, id * 389 % 1000}).toList();
        PublicOrder known = PublicOrder.of(1, 0, new java.util.ArrayList<>(stories));
        // Few matches: each one's place is looked up. Many: the newest stories are walked until enough match.
        for (RoaringBitmap matches : List.of(RoaringBitmap.bitmapOf(1, 3, 4, 9), RoaringBitmap.bitmapOfRange(1, 41))) {
            long[] newest = matches.stream().boxed().sorted(java.util.Comparator.comparingLong((Integer id) -> id * 389L % 1000).reversed())
                    .limit(3).mapToLong(Integer::longValue).toArray();
            assertThat(known.newest(StorySet.of(matches), 3)).as(matches.toString()).containsExactly(newest);
        }
        assertThat(known.newest(StorySet.of(2, 5), 3)).containsExactlyInAnyOrder(2, 5);
    }

    @Test
    void memoryFindsWhatTheDatabaseFindsAndFollowsEveryPublicChange() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String word = letters("zm");
        Story inHeadline = fixtures.published("Flood " + word + " " + Fixtures.unique("s"), reporter, editor);
        Story inBody = fixtures.publishedWithBody("Drought " + Fixtures.unique("s"), "Farmers spoke of " + word + " and rain.", reporter, editor);
        Story draft = fixtures.story("Secret " + word + " " + Fixtures.unique("s"), reporter, editor, StoryAction.SUBMIT);
        StorySearch.Query query = query(word);

        List<Long> found = ids(fromMemory(query));
        assertThat(found).containsExactly(inHeadline.id, inBody.id).doesNotContain(draft.id);
        assertThat(found).isEqualTo(ids(search.publicPage(query, CandidatePlan.INDEX, null)));
        assertThat(ids(fromMemory(query("floods " + word)))).containsExactly(inHeadline.id);
        for (int i = 0; i < 20; i++) { // read meanwhile, but never answered from memory
            assertThat(search.fromMemory(query("the and"))).as("stop words only: the database answers").isEmpty();
            sleep();
        }

        stories.act(inBody.id, StoryAction.UNPUBLISH, editor, "Legal");
        assertThat(ids(fromMemory(query))).containsExactly(inHeadline.id);

        // A change committed by another node: its words are found once its public version is heard.
        String renamed = letters("zn");
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            em.createNativeQuery("update story set headline = headline || ' " + renamed + "' where id = ?1")
                    .setParameter(1, inHeadline.id).executeUpdate();
            em.createNativeQuery("update story set search_vector = v.v, rank_vector = copydesk_story_rank_vector(v.v, body_text) "
                    + "from (select copydesk_story_search_vector(?1) v) v where id = ?1").setParameter(1, inHeadline.id).executeUpdate();
            em.createNativeQuery("update public_version set value = value + 1 where id = 1").executeUpdate();
        });
        assertThat(ids(fromMemory(query(renamed)))).containsExactly(inHeadline.id);
        assertThat(ids(fromMemory(query(word)))).containsExactly(inHeadline.id);
    }

    @Test
    void aCommonWordIsHeldAmongTheNewestStoriesAndBeyondThemTheDatabaseIsAsked() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String word = letters("zw");
        String rare = letters("zr");
        long rareStory = fixtures.published("Storm " + rare + " " + Fixtures.unique("s"), reporter, editor).id;
        List<Long> oldestFirst = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            oldestFirst.add(fixtures.published("Storm " + word + " " + Fixtures.unique("s"), reporter, editor).id);
        }
        matches.windowForTests(3, 1); // a word held by more than one story is held among the newest three public stories
        try {
            assertThat(newestInMemory(word, 2)).containsExactly(oldestFirst.get(3), oldestFirst.get(2));
            assertThat(matches.newest(word, 4, ENGLISH)).as("three of the four are in the window: the database must be asked").isEmpty();
            assertThat(newestInMemory(rare, 2)).as("a word held by one story is held whole, outside the window too").containsExactly(rareStory);
            assertThat(matches.newest(word + " " + rare, 2, ENGLISH)).as("the common word's set ends at the window: the database is asked").isEmpty();

            long newer = fixtures.published("Storm " + word + " " + Fixtures.unique("s"), reporter, editor).id;
            assertThat(newestInMemory(word, 2)).containsExactly(newer, oldestFirst.get(3));
            stories.act(oldestFirst.get(3), StoryAction.UNPUBLISH, editor, "Legal");
            assertThat(newestInMemory(word, 2)).containsExactly(newer, oldestFirst.get(2));

            // Readers' search wants 100 candidates: memory has three, so the database finds them all.
            assertThat(ids(search.published(query(word)))).containsExactlyInAnyOrder(newer, oldestFirst.get(2), oldestFirst.get(1), oldestFirst.get(0));
        } finally {
            matches.windowForTests(PublicMatches.WINDOW, PublicMatches.WHOLE_MAX);
        }
    }

    /** The newest matches memory finds, once it is up to date and holds the word's set. */
    private List<Long> newestInMemory(String text, int limit) {
        long until = System.nanoTime() + 10_000_000_000L;
        Optional<PublicMatches.Found> found = matches.newest(text, limit, ENGLISH);
        while (found.isEmpty() && System.nanoTime() < until) {
            sleep();
            found = matches.newest(text, limit, ENGLISH);
        }
        return java.util.Arrays.stream(found.orElseThrow(() -> new AssertionError("memory did not answer")).ids()).boxed().toList();
    }

    /** The search answered from memory, once memory is up to date with the public version this node heard. */
    private Optional<List<StorySearch.Hit>> fromMemory(StorySearch.Query query) {
        long until = System.nanoTime() + 10_000_000_000L;
        Optional<List<StorySearch.Hit>> hits = search.fromMemory(query);
        while (hits.isEmpty() && System.nanoTime() < until) {
            sleep();
            hits = search.fromMemory(query);
        }
        return hits;
    }

    private static List<Long> ids(Optional<List<StorySearch.Hit>> hits) {
        return ids(hits.orElseThrow(() -> new AssertionError("memory did not answer")));
    }

    private static List<Long> ids(List<StorySearch.Hit> hits) {
        return hits.stream().map(StorySearch.Hit::id).toList();
    }

    private static StorySearch.Query query(String text) {
        return new StorySearch.Query(text, "", "", 1);
    }

    /** A word of letters only (a plain word), found in no other story. */
    private static String letters(String prefix) {
        StringBuilder word = new StringBuilder(prefix);
        for (long n = System.nanoTime(); n > 0; n /= 26) {
            word.append((char) ('a' + n % 26));
        }
        return word.toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
