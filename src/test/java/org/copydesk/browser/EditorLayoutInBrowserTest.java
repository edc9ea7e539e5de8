package org.copydesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.testing.Chromium;
import org.copydesk.testing.Fixtures;
import org.copydesk.testing.InChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The writing desk on a laptop (1366×900) and a phone (390×844): the Body editor and the button that moves the
 * story on are on the first screen of a new story and of a story in review, and the action bar stays in reach
 * scrolled anywhere. Screenshots go to target/screenshots for docs/editor.md.
 */
@QuarkusTest
class EditorLayoutInBrowserTest extends InChromium {

    static final int[][] SCREENS = { { 1366, 900 }, { 390, 844 } };

    @Test
    void aNewStoryHasItsBodyAndSaveDraftOnTheFirstScreen() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Chromium.signIn(driver, base(), reporter.username, Fixtures.PASSWORD);
        for (int[] screen : SCREENS) {
            Chromium.viewport(driver, screen[0], screen[1]);
            driver.get(base() + "/desk/stories/new");
            WebElement body = Chromium.richText(driver);
            Chromium.screenshot(driver, "editor-new-story-" + screen[0] + "x" + screen[1]);
            assertThat(showsAboveTheActionBar(body)).as("the Body editor at %dx%d", screen[0], screen[1]).isTrue();
            assertThat(Chromium.inView(driver, actionButton("Save draft"))).as("Save draft at %dx%d", screen[0], screen[1]).isTrue();
            scrollToTheEnd();
            assertThat(Chromium.inView(driver, actionButton("Save draft"))).as("Save draft at the end of the page, %dx%d",
                    screen[0], screen[1]).isTrue();
        }
    }

    @Test
    void aStoryInReviewHasItsBodyAndPublishOnTheFirstScreenForAnEditor() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.story("Mali denies hiring private Russian military contractor " + Fixtures.unique("l"),
                reporter, editor, StoryAction.SUBMIT);
        Chromium.signIn(driver, base(), editor.username, Fixtures.PASSWORD);
        for (int[] screen : SCREENS) {
            Chromium.viewport(driver, screen[0], screen[1]);
            driver.get(base() + "/desk/stories/" + story.id);
            WebElement body = Chromium.richText(driver);
            Chromium.screenshot(driver, "editor-in-review-" + screen[0] + "x" + screen[1]);
            assertThat(showsAboveTheActionBar(body)).as("the Body editor at %dx%d", screen[0], screen[1]).isTrue();
            for (String words : new String[] { "Publish", "Request changes", "Save draft" }) {
                assertThat(Chromium.inView(driver, actionButton(words))).as("%s at %dx%d", words, screen[0], screen[1]).isTrue();
            }
            scrollToTheEnd();
            assertThat(Chromium.inView(driver, actionButton("Publish"))).as("Publish at the end of the page, %dx%d",
                    screen[0], screen[1]).isTrue();
        }
    }

    /** The element's top shows on the screen, not under the action bar a phone holds at the bottom of the screen. */
    private boolean showsAboveTheActionBar(WebElement element) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "const bar = document.getElementById('action-bar');"
                        + "const limit = getComputedStyle(bar).position === 'fixed' ? bar.getBoundingClientRect().top : innerHeight;"
                        + "const r = arguments[0].getBoundingClientRect(); return r.width > 0 && r.top >= 0 && r.top + 40 <= limit;",
                element));
    }

    private WebElement actionButton(String words) {
        return driver.findElement(By.xpath("//*[@id='action-bar']//button[normalize-space()='" + words + "']"));
    }

    private void scrollToTheEnd() {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, document.documentElement.scrollHeight)");
    }
}
