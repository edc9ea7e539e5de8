package org.copydesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.copydesk.testing.Chromium.button;
import static org.copydesk.testing.Chromium.field;
import static org.copydesk.testing.Chromium.waiting;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.copydesk.people.Role;
import org.copydesk.people.StaffAccount;
import org.copydesk.story.Story;
import org.copydesk.testing.Chromium;
import org.copydesk.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Real headless Chromium: the journalist → editor → reader path, and autosave surviving a reload. */
@QuarkusTest
class NewsroomInBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Fixtures fixtures;

    private WebDriver driver;

    @BeforeEach
    void openBrowser() throws Exception {
        driver = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String base() {
        String url = root.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Test
    void aReporterWritesAnEditorPublishesAReaderReads() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String headline = "Browser-made story " + Fixtures.unique("b");

        Chromium.signIn(driver, base(), reporter.username, Fixtures.PASSWORD);
        driver.get(base() + "/desk/stories/new");
        field(driver, "Headline").sendKeys(headline);
        field(driver, "Standfirst").sendKeys("Written in a real browser.");
        field(driver, "Body").sendKeys("First paragraph with “quotes”…");
        field(driver, "Dateline").sendKeys("Bamako");
        button(driver, "Save draft").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Draft saved."));
        button(driver, "Submit for review").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Submitted"));

        Chromium.signIn(driver, base(), editor.username, Fixtures.PASSWORD);
        driver.findElement(By.linkText(headline)).click();
        button(driver, "Publish").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Published."));
        String live = driver.findElement(By.linkText("Live page")).getDomAttribute("href");

        driver.manage().deleteAllCookies();
        driver.get(base() + live);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
        assertThat(driver.findElement(By.cssSelector(".byline")).getText()).contains(reporter.displayName);
        assertThat(driver.findElement(By.cssSelector(".dateline")).getText()).startsWith("BAMAKO,");
        assertThat(driver.findElement(By.cssSelector(".story-body")).getText()).contains("“quotes”…");
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
        field(driver, "Body").sendKeys(typed);
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("autosave-status"), "Autosaved at"));

        driver.navigate().refresh();
        waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.linkText("Restore autosaved text"))).click();
        waiting(driver).until(d -> field(d, "Body").getDomProperty("value").contains(typed.strip()));
        assertThat(fixtures.reload(story.id).body).doesNotContain("never saved");
    }
}
