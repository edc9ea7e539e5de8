package org.copydesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.copydesk.testing.Chromium.button;
import static org.copydesk.testing.Chromium.waiting;

import io.quarkus.test.junit.QuarkusTest;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.testing.Browser;
import org.copydesk.testing.Chromium;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.InChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In Chromium: a save that came too late is merged on the conflict page, part by part, and saved with nothing
 * retyped; a story the person may only read shows as readers will see it, never as HTML source.
 */
@QuarkusTest
class ConflictAndReadingInBrowserTest extends InChromium {

    @Test
    void aStaleSaveIsMergedOnTheConflictPageAndSaved() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Merged in the browser " + Fixtures.unique("m"), reporter, null);
        Chromium.signIn(driver, base(), reporter.username, Fixtures.PASSWORD);
        driver.get(base() + "/desk/stories/" + story.id);
        WebElement body = Chromium.richText(driver);

        // Meanwhile an editor saves a better headline.
        Browser other = new Browser().signIn(editor.username, Fixtures.PASSWORD);
        other.follow(other.form(other.page("/desk/stories/" + story.id), "#story-form")
                .set("headline", "The editor's sharper headline").press("Save draft"));

        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, "The writer's late paragraph.");
        waiting(driver).until(d -> Chromium.field(d, "Body").getDomProperty("value").contains("late paragraph"));
        button(driver, "Save draft").click();
        WebElement conflict = waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
        assertThat(conflict.findElements(By.cssSelector(".merge-part legend"))).extracting(WebElement::getText)
                .containsExactly("Headline", "Body, your paragraph 3");
        conflict.findElement(By.xpath(".//fieldset[legend='Headline']//label[normalize-space()='Keep theirs']")).click();
        Chromium.screenshot(driver, "conflict-merge");
        conflict.findElement(By.xpath(".//button[normalize-space()='Save draft']")).click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Draft saved."));

        Story saved = fixtures.reload(story.id);
        assertThat(saved.headline).isEqualTo("The editor's sharper headline");
        assertThat(saved.body).endsWith("<p>The writer's late paragraph.</p>");
    }

    @Test
    void aStoryInReviewShowsItsWriterTheRenderedStoryNotItsHtml() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Sent for review " + Fixtures.unique("m"), reporter, editor, StoryAction.SUBMIT);
        Chromium.signIn(driver, base(), reporter.username, Fixtures.PASSWORD);
        driver.get(base() + "/desk/stories/" + story.id);
        WebElement copy = driver.findElement(By.cssSelector(".reading-copy"));
        assertThat(copy.findElements(By.cssSelector(".story-body p"))).extracting(WebElement::getText)
                .containsExactly("First paragraph of " + story.headline + ".", "Second paragraph.");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("<p>", "</p>");
        assertThat(driver.findElements(By.cssSelector("textarea#body, [role=textbox][aria-label=Body]"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector(".read-only-reason")).getText()).contains("only an editor can change it now");
        Chromium.screenshot(driver, "read-only-story");
    }
}
