package org.copydesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.copydesk.testing.Chromium.button;
import static org.copydesk.testing.Chromium.field;
import static org.copydesk.testing.Chromium.waiting;

import io.quarkus.test.junit.QuarkusTest;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Chromium;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.InChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Real headless Chromium: the journalist → editor → reader path, and autosave surviving a reload. */
@QuarkusTest
class NewsroomInBrowserTest extends InChromium {

    static final String WIRE_HEADLINE = "Mali denies hiring private Russian military contractor";

    private static String wireStory() throws java.io.IOException {
        try (java.io.InputStream in = NewsroomInBrowserTest.class.getResourceAsStream("/demo/mali-denies-hiring-russian-pmc.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aReporterImportsWireCopyAnEditorPublishesAReaderReads() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String relatedHeadline = "Lavrov meets Diop " + Fixtures.unique("b");
        fixtures.published(relatedHeadline, reporter, editor);

        Chromium.signIn(driver, base(), reporter.username, Fixtures.PASSWORD);
        driver.get(base() + "/desk/stories/new");
        driver.findElement(By.xpath("//summary[normalize-space()='Import text']")).click();
        field(driver, "Paste wire copy").sendKeys(wireStory());
        button(driver, "Import text").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".canvas .notice[role=status]"), "Imported"));
        assertThat(field(driver, "Headline").getDomProperty("value")).isEqualTo(WIRE_HEADLINE);
        assertThat(driver.findElement(By.id("bylines")).getText()).contains("Hüseyin Demir");
        // Helpers while writing: counters, length and reading time, the address to be.
        assertThat(driver.findElement(By.id("headline-count")).getText()).isEqualTo(WIRE_HEADLINE.length() + " of 200 characters");
        assertThat(driver.findElement(By.id("body-count")).getText()).matches("\\d{3} words · about \\d minutes? to read");
        assertThat(driver.findElement(By.id("slug-preview")).getText())
                .matches("Address if published today: /\\w+/\\d{4}/\\d{2}/\\d{2}/mali-denies-hiring-private-russian-military-contractor");

        // Fix a word in the rich-text editor: "Malian" → "Mali's" at the very start of the body.
        WebElement body = Chromium.richText(driver);
        assertThat(body.getText()).startsWith("Malian Foreign Minister");
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME));
        body.sendKeys(Keys.DELETE, Keys.DELETE, Keys.DELETE, Keys.DELETE, Keys.DELETE, Keys.DELETE, "Mali's");
        waiting(driver).until(d -> field(d, "Body").getDomProperty("value").startsWith("<p>Mali's Foreign Minister"));

        // A second byline and a related story, with the pickers that also work without JavaScript.
        field(driver, "or a new author profile").sendKeys("Anna Novak");
        button(driver, "Add byline").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("bylines"), "Anna Novak"));
        assertThat(Chromium.richText(driver).getText()).startsWith("Mali's Foreign Minister");
        field(driver, "Related stories").sendKeys(relatedHeadline);
        button(driver, "Find stories").click();
        waiting(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=relatedAdd]"))).click();
        button(driver, "Add related stories").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("related"), relatedHeadline));
        field(driver, "Dateline").sendKeys("Moscow");
        Chromium.screenshot(driver, "desk-story-form");
        button(driver, "Save draft").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Draft saved."));
        button(driver, "Submit for review").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Submitted"));

        Chromium.signIn(driver, base(), editor.username, Fixtures.PASSWORD);
        driver.findElement(By.linkText(WIRE_HEADLINE)).click();
        button(driver, "Publish").click();
        // The pre-publish check: the address to be, then Publish again to go ahead.
        WebElement check = waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("prepublish-check")));
        assertThat(check.getText()).contains("/mali-denies-hiring-private-russian-military-contractor");
        Chromium.screenshot(driver, "prepublish-check");
        check.findElement(By.xpath(".//button[normalize-space()='Publish']")).click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Published."));
        String live = driver.findElement(By.linkText("Live page")).getDomAttribute("href");

        driver.manage().deleteAllCookies();
        driver.get(base() + live);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(WIRE_HEADLINE);
        assertThat(driver.findElement(By.cssSelector(".byline")).getText()).contains("Hüseyin Demir", "Anna Novak");
        assertThat(driver.findElement(By.cssSelector(".dateline")).getText()).startsWith("MOSCOW,");
        assertThat(driver.findElement(By.cssSelector(".story-body")).getText())
                .contains("Mali's Foreign Minister Abdoulaye Diop").doesNotContain("Malian Foreign");
        assertThat(driver.findElement(By.linkText(relatedHeadline)).isDisplayed()).isTrue();
        Chromium.screenshot(driver, "published-story");
        assertThat(Chromium.contrastFailures(driver)).as("WCAG AA contrast on the story page").isEmpty();
        driver.get(base() + "/");
        assertThat(Chromium.contrastFailures(driver)).as("WCAG AA contrast on the front page").isEmpty();
        driver.get(base() + "/search?q=Mali");
        assertThat(Chromium.contrastFailures(driver)).as("WCAG AA contrast on search results").isEmpty();
    }

    @Test
    void theContrastCheckCatchesPaleText() {
        driver.get("data:text/html,<p style='color:%23999'>pale grey on white</p><p style='color:%23333'>dark enough</p>");
        assertThat(Chromium.contrastFailures(driver)).hasSize(1).first().asString().contains("pale grey");
        driver.get(base() + "/login");
        assertThat(Chromium.contrastFailures(driver)).as("WCAG AA contrast on the sign-in page").isEmpty();
    }

    @Test
    void textTypedWhenTheSignInHasExpiredSurvivesSigningInAgain() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Expired session " + Fixtures.unique("b"), reporter, null);
        Chromium.signIn(driver, base(), reporter.username, Fixtures.PASSWORD);
        driver.get(base() + "/desk/stories/" + story.id);
        field(driver, "Standfirst").clear();
        field(driver, "Standfirst").sendKeys("Typed for an hour while the sign-in ran out.");
        driver.manage().deleteCookieNamed("copydesk-session");
        button(driver, "Save draft").click();

        waiting(driver).until(d -> d.getCurrentUrl().contains("/login"));
        field(driver, "Username").sendKeys(reporter.username);
        field(driver, "Password").sendKeys(Fixtures.PASSWORD);
        button(driver, "Sign in").click();
        waiting(driver).until(d -> d.getCurrentUrl().endsWith("/desk/stories/" + story.id));
        waiting(driver).until(ExpectedConditions.elementToBeClickable(By.id("restore-browser-copy"))).click();
        assertThat(field(driver, "Standfirst").getDomProperty("value"))
                .isEqualTo("Typed for an hour while the sign-in ran out.");
        button(driver, "Save draft").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Draft saved."));
        assertThat(fixtures.reload(story.id).standfirst).isEqualTo("Typed for an hour while the sign-in ran out.");
    }

    @Test
    void typedTextIsAutosavedAndComesBackAfterAReload() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = fixtures.story("Autosave in the browser " + Fixtures.unique("b"), reporter, null);
        Chromium.signIn(driver, base(), reporter.username, Fixtures.PASSWORD);
        driver.get(base() + "/desk/stories/" + story.id);
        String typed = " And a sentence typed but never saved.";
        WebElement body = Chromium.richText(driver);
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), typed);
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("autosave-status"), "Autosaved at"));

        driver.navigate().refresh();
        waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.linkText("Restore autosaved text"))).click();
        waiting(driver).until(d -> field(d, "Body").getDomProperty("value").contains(typed.strip()));
        assertThat(fixtures.reload(story.id).body).doesNotContain("never saved");
    }

    /**
     * A picture over 10 MB is refused as soon as it is chosen, on the story form and on the author's photo form:
     * sent, a form over the 12 MB body limit cannot be read, so what was typed beside it would be lost.
     */
    @Test
    void aPictureOverTenMegabytesIsRefusedAsSoonAsItIsChosenOnBothForms() throws Exception {
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        long authorId = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> org.copydesk.people.AuthorProfile.findByStaffAccount(editor).orElseThrow().id);
        java.nio.file.Path big = java.nio.file.Files.createTempFile("camera", ".jpg");
        java.nio.file.Files.write(big, new byte[15 * 1024 * 1024]);
        try {
            Chromium.signIn(driver, base(), editor.username, Fixtures.PASSWORD);
            for (String[] form : new String[][] {{"/desk/stories/new", "imageFile"}, {"/desk/authors/" + authorId, "photo"}}) {
                driver.get(base() + form[0]);
                WebElement input = driver.findElement(By.id(form[1]));
                input.sendKeys(big.toString());
                WebElement message = waiting(driver).until(
                        ExpectedConditions.presenceOfElementLocated(By.id(form[1] + "-too-large")));
                assertThat(message.getText()).as(form[0]).contains("15.0 MB, larger than 10 MB");
                assertThat(input.getDomProperty("value")).as("the file is no longer chosen").isEmpty();
            }
        } finally {
            java.nio.file.Files.deleteIfExists(big);
        }
    }
}
