package org.copydesk.distribution;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.media.Image;
import org.copydesk.media.ImageStore;
import org.copydesk.media.TestImages;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryCorrection;
import org.copydesk.story.StoryService;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.NinjsSchema;
import org.copydesk.web.Times;
import org.junit.jupiter.api.Test;

/** The read API, from outside: published stories as ninjs 2.0 that IPTC's schema accepts, lists, filters, caching. */
@QuarkusTest
class ReadApiTest {

    @Inject
    Fixtures fixtures;

    @Inject
    StoryService stories;

    @Inject
    ImageStore images;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aPublishedStoryIsWholeNinjsWithItsPeoplePlacePictureRelatedStoriesAndCorrections() throws Exception {
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story related = fixtures.published("Earlier floods " + Fixtures.unique("r"), reporter, editor);
        Story story = fixtures.published("River bursts its banks " + Fixtures.unique("n"), reporter, editor);
        String tag = Fixtures.unique("floods");
        fixtures.tag(story.id, tag);
        fixtures.dateline(story.id, "Timbuktu");
        fixtures.byline(story.id, "Aminata Traoré", "Additional reporting by");
        Image picture = QuarkusTransaction.requiringNew().call(() -> images.store(TestImages.jpeg(1600, 900), reporter.id));
        fixtures.pictureAndRelated(story.id, picture, "A flooded street", "Water in the old town", "Photo: Desk", related.id);
        StoryCorrection correction = QuarkusTransaction.requiringNew().call(
                () -> stories.addCorrection(story.id, "An earlier version misspelt the river's name.", editor));

        Response answer = given().get(ApiPaths.story(story.id));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(NinjsSchema.errors(answer.asString())).isEmpty();
        assertThat(NinjsSchema.errors("{\"uri\": \"x\", \"type\": \"story\", \"headline\": 1}")).as("the schema is strict").hasSize(3);
        JsonNode item = json.readTree(answer.asString());
        assertThat(item.get("uri").asText()).endsWith(ApiPaths.story(story.id));
        assertThat(item.at("/standard/version").asText()).isEqualTo("2.0");
        assertThat(item.get("type").asText()).isEqualTo("text");
        assertThat(item.get("representationtype").asText()).isEqualTo("full");
        assertThat(item.get("pubstatus").asText()).isEqualTo("usable");
        assertThat(item.get("language").asText()).isEqualTo("en");
        assertThat(item.at("/headlines/0/value").asText()).isEqualTo(story.headline);
        assertThat(item.at("/descriptions/0/value").asText()).isEqualTo("Standfirst of " + story.headline);
        assertThat(item.at("/bodies/0/role").asText()).isEqualTo("main");
        assertThat(item.at("/bodies/0/value").asText()).contains("First paragraph of " + story.headline);
        assertThat(item.at("/bodies/1/role").asText()).isEqualTo("correction");
        assertThat(item.at("/bodies/1/value").asText()).contains("misspelt").contains(Times.iso(correction.createdAt));
        assertThat(item.get("versioncreated").asText()).isEqualTo(Times.iso(correction.createdAt));
        assertThat(item.get("by").asText()).startsWith("By ").contains("; Additional reporting by Aminata Traoré");
        assertThat(item.at("/people/0/rel").asText()).isEqualTo("author");
        assertThat(item.at("/people/1/name").asText()).isEqualTo("Aminata Traoré");
        assertThat(item.at("/people/1/rel").asText()).isEqualTo("Additional reporting by");
        assertThat(item.get("located").asText()).isEqualTo("Timbuktu");
        assertThat(item.at("/subjects/0/rel").asText()).isEqualTo("section");
        assertThat(item.at("/subjects/0/literal").asText()).isEqualTo("world");
        assertThat(item.at("/subjects/1/name").asText()).isEqualTo(tag);
        assertThat(item.at("/renditions/0/href").asText()).endsWith(fixtures.reload(story.id).publicPath);
        JsonNode featured = item.at("/associations/0");
        assertThat(featured.get("name").asText()).isEqualTo("featureimage");
        assertThat(featured.get("type").asText()).isEqualTo("picture");
        assertThat(featured.at("/descriptions/0/value").asText()).isEqualTo("A flooded street");
        assertThat(featured.at("/headlines/0/value").asText()).isEqualTo("Water in the old town");
        assertThat(featured.get("by").asText()).isEqualTo("Photo: Desk");
        assertThat(featured.at("/renditions/0/width").asInt()).isPositive();
        given().get(featured.at("/renditions/0/href").asText().replaceFirst("^https?://[^/]+", "")).then().statusCode(200);
        JsonNode relatedItem = item.at("/associations/1");
        assertThat(relatedItem.get("name").asText()).isEqualTo("related-1");
        assertThat(relatedItem.get("uri").asText()).endsWith(ApiPaths.story(related.id));
    }

    /**
     * A live story's entries are part of it for partners too: each an associated text item, newest first, with its
     * time, byline, key event and correction; the story's version time and "changed since" follow its entries.
     */
    @Test
    void aLiveStoryCarriesItsEntriesAndChangesWithThem() throws Exception {
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.liveStory("Cyclone makes landfall " + Fixtures.unique("l"), reporter, editor);
        String tag = Fixtures.unique("cyclone");
        fixtures.tag(story.id, tag);
        java.time.Instant published = QuarkusTransaction.requiringNew().call(() -> Story.<Story>findById(story.id).lastChangedAt());
        Thread.sleep(20);
        fixtures.liveEntry(story.id, "<p>Winds of <strong>180 km/h</strong> reach the coast.</p>", reporter, true);
        org.copydesk.live.LiveEntry latest = fixtures.liveEntry(story.id, "<p>Power is out in the port.</p>", editor, false);

        JsonNode item = json.readTree(given().get(ApiPaths.story(story.id)).asString());
        assertThat(NinjsSchema.errors(item.toString())).isEmpty();
        assertThat(item.at("/genres/0/literal").asText()).isEqualTo("live");
        List<JsonNode> entries = new ArrayList<>();
        item.get("associations").forEach(a -> {
            if (a.get("name").asText().startsWith("live-entry-")) {
                entries.add(a);
            }
        });
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).at("/bodies/0/value").asText()).contains("Power is out in the port.");
        assertThat(entries.get(1).at("/bodies/0/value").asText()).contains("<strong>180 km/h</strong>");
        assertThat(entries.get(1).at("/genres/0/literal").asText()).isEqualTo("key-event");
        assertThat(entries.get(0).get("renditions").get(0).get("href").asText()).endsWith("#entry-" + latest.id);
        assertThat(item.get("versioncreated").asText()).as("the newest entry's time")
                .isEqualTo(Times.iso(latest.postedAt));

        // Changed since the story was published: only its entries changed, and a partner keeping in step gets it.
        String since = published.plusMillis(1).toString();
        JsonNode list = json.readTree(given().queryParam("tag", tag).queryParam("since", since).get(ApiPaths.stories()).asString());
        assertThat(list.get("items")).hasSize(1);

        fixtures.endLive(story.id, editor);
        JsonNode ended = json.readTree(given().get(ApiPaths.story(story.id)).asString());
        assertThat(ended.at("/genres/0/literal").asText()).isEqualTo("live-ended");
        assertThat(NinjsSchema.errors(ended.toString())).isEmpty();
    }

    @Test
    void answersCarryAnEtagAndAConditionalRequestGets304() {
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.published("Dam holds " + Fixtures.unique("e"), fixtures.staff(Role.REPORTER), editor);
        Response first = given().get(ApiPaths.story(story.id));
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("max-age");
        assertThat(first.header("Last-Modified")).isNotBlank();
        given().header("If-None-Match", etag).get(ApiPaths.story(story.id)).then().statusCode(304);
        Response list = given().get(ApiPaths.stories());
        given().header("If-None-Match", list.header("ETag")).get(ApiPaths.stories()).then().statusCode(304);
    }

    @Test
    void listsGoPageByPageWithACursorAndNarrowBySectionTagAuthorLanguageAndTime() throws Exception {
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        String tag = Fixtures.unique("harvest");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Story story = fixtures.published("Harvest " + i + " " + Fixtures.unique("h"), reporter, editor);
            fixtures.tag(story.id, tag);
            ids.add(story.id);
        }
        Story draft = fixtures.story("Unpublished harvest " + Fixtures.unique("d"), reporter, editor);
        fixtures.tag(draft.id, tag);
        String tagSlug = org.copydesk.web.Slugs.of(tag, 90);

        JsonNode first = json.readTree(given().queryParam("tag", tagSlug).queryParam("limit", 2).get(ApiPaths.stories()).asString());
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.at("/items/0/uri").asText()).endsWith(ApiPaths.story(ids.get(2)));
        assertThat(first.at("/items/0/representationtype").asText()).isEqualTo("partial");
        assertThat(first.at("/items/0/bodies").isMissingNode()).isTrue();
        assertThat(NinjsSchema.errors(first.at("/items/0").toString())).isEmpty();
        String next = first.get("next").asText();
        assertThat(next).contains("cursor=").contains("tag=" + tagSlug);
        JsonNode second = json.readTree(given().get(next.replaceFirst("^https?://[^/]+", "")).asString());
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.at("/items/0/uri").asText()).endsWith(ApiPaths.story(ids.get(0)));
        assertThat(second.get("next").isNull()).isTrue();

        assertThat(given().get(ApiPaths.story(draft.id)).statusCode()).isEqualTo(404);
        assertThat(json.readTree(given().get(ApiPaths.story(draft.id)).asString()).get("error").asText()).contains("No published story");

        assertThat(json.readTree(given().queryParam("tag", tagSlug).queryParam("section", "world").get(ApiPaths.stories()).asString())
                .get("items")).hasSize(3);
        assertThat(json.readTree(given().queryParam("tag", tagSlug).queryParam("section", "sport").get(ApiPaths.stories()).asString())
                .get("items")).isEmpty();
        assertThat(json.readTree(given().queryParam("tag", tagSlug).queryParam("language", "fr").get(ApiPaths.stories()).asString())
                .get("items")).isEmpty();
        String author = fixtures.reload(ids.get(0)).bylines.get(0).author.slug;
        assertThat(json.readTree(given().queryParam("tag", tagSlug).queryParam("author", author).get(ApiPaths.stories()).asString())
                .get("items")).hasSize(3);
        assertThat(json.readTree(given().queryParam("tag", tagSlug).queryParam("since", "2999-01-01T00:00:00Z")
                .get(ApiPaths.stories()).asString()).get("items")).isEmpty();
        assertThat(json.readTree(given().queryParam("tag", tagSlug).queryParam("since", "2000-01-01T00:00:00+02:00")
                .get(ApiPaths.stories()).asString()).get("items")).hasSize(3);
    }

    @Test
    void whatIsNotUnderstoodIsSaidInASentenceWithoutAStackTrace() throws Exception {
        for (String[] bad : new String[][] {{"since", "yesterday"}, {"limit", "1000"}, {"limit", "x"}, {"cursor", "not-ours"}}) {
            Response answer = given().queryParam(bad[0], bad[1]).get(ApiPaths.stories());
            assertThat(answer.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(json.readTree(answer.asString()).get("error").asText()).contains(bad[0].equals("limit") ? "limit" : bad[0]);
            assertThat(answer.asString()).doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(given().get(ApiPaths.BASE + "/stories/abc").statusCode()).isEqualTo(404);
        Response nowhere = given().get(ApiPaths.BASE + "/nothing-here");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.contentType()).as("an address the API does not have is answered in JSON too").startsWith("application/json");
        assertThat(json.readTree(nowhere.asString()).get("error").asText()).contains("Nothing is at this address");
        assertThat(given().get(ApiPaths.author("nobody-" + Fixtures.unique("x"))).statusCode()).isEqualTo(404);
    }

    @Test
    void sectionsAndAuthorsAreListed() throws Exception {
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.published("Market opens " + Fixtures.unique("m"), reporter, editor);
        String slug = fixtures.reload(story.id).bylines.get(0).author.slug;
        JsonNode sections = json.readTree(given().get(ApiPaths.sections()).asString());
        assertThat(sections.findValuesAsText("slug")).contains("world");
        JsonNode authors = json.readTree(given().get(ApiPaths.authors()).asString());
        assertThat(authors.findValuesAsText("slug")).contains(slug);
        JsonNode author = json.readTree(given().get(ApiPaths.author(slug)).asString());
        assertThat(author.get("stories").asText()).endsWith("?author=" + slug);
    }

    @Test
    void theDraftsAddressIsTheOneThePageCacheLeavesAlone() {
        assertThat(ApiPaths.drafts()).isEqualTo(org.copydesk.web.PublicRequests.API_DRAFTS);
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndNothingElse() {
        String document = given().queryParam("format", "json").get("/q/openapi").asString();
        assertThat(document).contains("/api/v1/stories").contains("/api/v1/stories/{id}").contains("/api/v1/sections")
                .contains("/api/v1/authors").contains("Ninjs");
        assertThat(document).doesNotContain("\"/desk").doesNotContain("\"/login");
    }
}
