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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pickers with JavaScript: bylines added, moved and removed, related stories found as one types and added,
 * tags suggested, all in place: the page never reloads, so the text being written stays where it is.
 */
@QuarkusTest
class PickersInBrowserTest extends InChromium {

    @Test
    void bylinesRelatedStoriesAndTagsChangeInPlace() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String related = "Lavrov meets Diop in Moscow " + Fixtures.unique("k");
        Story background = fixtures.published(related, reporter, editor);
        String tag = "Sahel" + Fixtures.unique("t").replaceAll("[^0-9]", "");
        fixtures.tag(background.id, tag);
        Story story = fixtures.story("Pickers in place " + Fixtures.unique("k"), reporter, null);

        Chromium.signIn(driver, base(), reporter.username, Fixtures.PASSWORD);
        driver.get(base() + "/desk/stories/" + story.id);
        Chromium.richText(driver).sendKeys(Keys.chord(Keys.CONTROL, Keys.END), " Typed, not saved.");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.stillThisPage = true");

        field(driver, "or a new author profile").sendKeys("Anna Novak");
        button(driver, "Add byline").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("bylines"), "Anna Novak"));
        waiting(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#bylines button[name=bylineUp]"))).click();
        waiting(driver).until(d -> d.findElement(By.cssSelector("#bylines .picker-list li:first-child")).getText().contains("Anna Novak"));
        waiting(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#bylines button[aria-label='Remove Anna Novak']"))).click();
        waiting(driver).until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#bylines .picker-list"), "Anna Novak")));
        assertThat(fixtures.reload(story.id).version).as("a picker step saves nothing").isEqualTo(story.version);

        field(driver, "Related stories").sendKeys(related.substring(0, 20));
        waiting(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#related-results input[name=relatedAdd]"))).click();
        button(driver, "Add related stories").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#related .picker-list"), related));

        field(driver, "Tags").sendKeys(tag.substring(0, 4));
        waiting(driver).until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[@id='tag-suggestions']//button[normalize-space()='" + tag + "']"))).click();
        assertThat(field(driver, "Tags").getDomProperty("value")).isEqualTo(tag + ", ");

        assertThat(js.executeScript("return window.stillThisPage === true")).as("the page never reloaded").isEqualTo(true);
        assertThat(Chromium.richText(driver).getText()).endsWith("Typed, not saved.");
        button(driver, "Save draft").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Draft saved."));
        Story saved = fixtures.reload(story.id);
        assertThat(saved.related).extracting(s -> s.headline).containsExactly(related);
        assertThat(saved.tags).extracting(t -> t.name).containsExactly(tag);
        assertThat(saved.bylines).extracting(b -> b.author.name).doesNotContain("Anna Novak");
        assertThat(saved.body).contains("Typed, not saved.");
    }
}
