package org.copydesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.copydesk.live.LiveEntry;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Chromium;
import org.copydesk.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader in a real browser follows a live story: an entry a reporter posts on the desk (in another browser)
 * appears on the open page without a reload, newest first, and so does the end of the coverage.
 */
@QuarkusTest
class LiveCoverageInBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;

    private WebDriver reader;
    private WebDriver reporter;

    @BeforeEach
    void openBrowsers() throws Exception {
        reader = Chromium.start();
        reporter = Chromium.start();
    }

    @AfterEach
    void closeBrowsers() {
        if (reader != null) {
            reader.quit();
        }
        if (reporter != null) {
            reporter.quit();
        }
    }

    private String base() {
        String url = root.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Test
    void anEntryPostedOnTheDeskAppearsOnTheReadersOpenPageWithoutAReload() {
        StaffAccount writer = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        Story story = fixtures.liveStory("Wildfire spreads " + Fixtures.unique("b"), writer, editor);
        LiveEntry first = fixtures.liveEntry(story.id, "Crews are on the ridge.", writer, false);

        reader.get(base() + story.publicPath);
        WebElement marker = reader.findElement(By.id("entry-" + first.id));
        ((org.openqa.selenium.JavascriptExecutor) reader).executeScript("window.notReloaded = true;");

        reporter.get(base() + "/login");
        reporter.findElement(By.id("username")).sendKeys(writer.username);
        reporter.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        reporter.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
        new WebDriverWait(reporter, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/desk"));
        reporter.get(base() + "/desk/stories/" + story.id + "/live");
        // The Entry is written in the rich-text editor, as the Body is: "closed" in bold.
        WebElement richText = new WebDriverWait(reporter, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("entry-editor")));
        richText.click();
        richText.sendKeys("The highway is ");
        reporter.findElement(By.xpath("//div[@aria-label='Entry formatting']/button[normalize-space()='Bold']")).click();
        richText.sendKeys("closed");
        reporter.findElement(By.xpath("//div[@aria-label='Entry formatting']/button[normalize-space()='Bold']")).click();
        richText.sendKeys(".");
        reporter.findElement(By.id("keyEvent")).click();
        reporter.findElement(By.xpath("//button[normalize-space()='Post entry']")).click();
        new WebDriverWait(reporter, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(".flash")).getText()
                .contains("Entry posted"));

        new WebDriverWait(reader, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#live-entries .live-entry")).size() == 2);
        assertThat(reader.findElements(By.cssSelector("#live-entries .entry-body")).get(0).getText())
                .as("the new entry on top").isEqualTo("The highway is closed.");
        assertThat(reader.findElement(By.id("key-events")).getText()).contains("The highway is closed.");
        assertThat(reader.findElement(By.cssSelector("#live-entries .entry-body strong")).getText()).isEqualTo("closed");
        assertThat(reader.findElement(By.id("live-announcer")).getAttribute("textContent")).startsWith("New update posted");
        assertThat(((org.openqa.selenium.JavascriptExecutor) reader).executeScript("return window.notReloaded === true;"))
                .as("the same page, not a reload").isEqualTo(true);
        assertThat(marker.isDisplayed()).isTrue();

        fixtures.endLive(story.id, editor);
        new WebDriverWait(reader, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("live-status")).getText()
                .startsWith("Live coverage has ended"));
        assertThat(reader.findElements(By.cssSelector(".live-badge"))).isEmpty();
    }
}
