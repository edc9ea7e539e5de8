package org.copydesk.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** An editor gives an author a photo; readers see it on the author page. */
@QuarkusTest
class AuthorPhotoTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aPhotoUploadedOnTheDeskShowsOnTheAuthorPage() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        fixtures.published("Photographed " + Fixtures.unique("p"), reporter, editor);
        long authorId = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> AuthorProfile.findByStaffAccount(reporter).orElseThrow().id);
        Browser desk = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        Document form = desk.page("/desk/authors/" + authorId);

        Response refused = desk.form(form, "form[action$=/photo]")
                .attach("photo", "face.svg", "<svg/>".getBytes(), "image/svg+xml").press("Save photo");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.asString()).select("#photo-error").text()).contains("not a JPEG, PNG or WebP");

        Response saved = desk.form(form, "form[action$=/photo]")
                .attach("photo", "face.jpg", TestImages.jpeg(400, 500), "image/jpeg").press("Save photo");
        assertThat(saved.statusCode()).isEqualTo(303);
        String slug = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> AuthorProfile.<AuthorProfile>findById(authorId).slug);
        Element photo = Jsoup.parse(given().get("/authors/" + slug).asString()).selectFirst("img.author-photo");
        assertThat(photo).isNotNull();
        assertThat(photo.attr("alt")).isEqualTo(reporter.displayName);
        assertThat(photo.attr("width")).isEqualTo("400");
        assertThat(given().get(photo.attr("src")).statusCode()).isEqualTo(200);
    }
}
