package org.copydesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.copydesk.testing.Chromium.button;
import static org.copydesk.testing.Chromium.field;
import static org.copydesk.testing.Chromium.waiting;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An Arabic story in a real browser: choosing Arabic types the Headline and Body right to left, Import text keeps
 * the choice, and the reader's page is laid out right to left (screenshots in target/screenshots for
 * docs/public-site.md).
 */
@QuarkusTest
class RightToLeftInBrowserTest extends InChromium {

    @Test
    void anArabicStoryIsWrittenAndReadRightToLeft() throws Exception {
        Fixtures.newsroomLanguages(Fixtures.SIX_LANGUAGES);
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);

        Chromium.signIn(driver, base(), reporter.username, Fixtures.PASSWORD);
        driver.get(base() + "/desk/stories/new");
        assertThat(field(driver, "Headline").getDomAttribute("dir")).isEqualTo("ltr");
        new Select(driver.findElement(By.id("language"))).selectByValue("ar");
        assertThat(field(driver, "Headline").getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(Chromium.richText(driver).getDomAttribute("dir")).isEqualTo("rtl");

        driver.findElement(By.xpath("//summary[normalize-space()='Import text']")).click();
        field(driver, "Paste wire copy").sendKeys(arabicWireCopy());
        button(driver, "Import text").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".canvas .notice[role=status]"), "Imported"));
        assertThat(new Select(driver.findElement(By.id("language"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("ar");
        assertThat(field(driver, "Headline").getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(Chromium.richText(driver).getDomAttribute("dir")).isEqualTo("rtl");
        String headline = field(driver, "Headline").getDomProperty("value");
        assertThat(headline).startsWith("مالي تنفي");
        field(driver, "Headline").sendKeys(" " + Fixtures.unique("").replaceAll("\\D", ""));
        field(driver, "Dateline").sendKeys("موسكو");
        button(driver, "Save draft").click();
        waiting(driver).until(ExpectedConditions.urlMatches(".*/desk/stories/\\d+$"));
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
        fixtures.publish(id, editor);
        Story story = fixtures.reload(id);
        assertThat(story.language).isEqualTo("ar");

        for (int[] screen : new int[][] { { 1366, 900 }, { 390, 844 } }) {
            Chromium.viewport(driver, screen[0], screen[1]);
            driver.get(base() + story.publicPath);
            Chromium.screenshot(driver, "story-right-to-left-" + screen[0] + "x" + screen[1]);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            assertThat(js.executeScript("return getComputedStyle(document.querySelector('.story h1')).direction")).isEqualTo("rtl");
            // Laid out from the right: the first paragraph's last (short) line starts at the headline's right edge,
            // the text column's, and ends well short of its left one. (The paragraph as a whole may fill the column.)
            assertThat((Boolean) js.executeScript("const h = document.querySelector('.story h1').getBoundingClientRect();"
                    + "const m = document.querySelector('main').getBoundingClientRect();"
                    + "const range = document.createRange(); range.selectNodeContents(document.querySelector('.story-body p'));"
                    + "const lines = range.getClientRects(); const t = lines[lines.length - 1];"
                    + "return Math.abs(t.right - h.right) < 40 && t.left - m.left > 20;")).as("text set from the right at %dx%d",
                    screen[0], screen[1]).isTrue();
        }
    }

    private static String arabicWireCopy() throws Exception {
        try (InputStream in = RightToLeftInBrowserTest.class.getResourceAsStream("/demo/mali-denies-hiring-russian-pmc.ar.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
