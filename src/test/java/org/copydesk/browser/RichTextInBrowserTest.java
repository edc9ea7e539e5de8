package org.copydesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.copydesk.testing.Chromium.button;
import static org.copydesk.testing.Chromium.field;
import static org.copydesk.testing.Chromium.waiting;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 23, point 4, "Rich text that behaves", in real headless Chromium: the link popover (an address, or one of our
 * published stories found by headline), text typed after a link staying outside it, a pasted picture uploaded and
 * given its alt text in place, a paste from Google Docs keeping only its structure; never a window.prompt.
 */
@QuarkusTest
class RichTextInBrowserTest extends InChromium {

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Any prompt, alert or confirm the page opens is counted instead of shown (the test browser would accept it). */
    private void countDialogs() {
        js("window.__dialogs = []; ['prompt', 'alert', 'confirm'].forEach(function (name) {"
                + " window[name] = function (text) { window.__dialogs.push(name + ': ' + text); return null; }; });");
    }

    @SuppressWarnings("unchecked")
    private List<Object> dialogs() {
        return (List<Object>) js("return window.__dialogs;");
    }

    private String bodyValue() {
        return field(driver, "Body").getDomProperty("value");
    }

    /** Pastes into the Body editor as a browser does: the clipboard's HTML (none: null) and its plain text. */
    private void paste(String html, String plain) {
        js("var data = new DataTransfer(); if (arguments[0] !== null) { data.setData('text/html', arguments[0]); }"
                + "data.setData('text/plain', arguments[1]);"
                + "document.querySelector('[role=textbox][aria-label=Body]').dispatchEvent("
                + "  new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));", html, plain);
    }

    private WebElement popover(String label) {
        return waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[role=dialog][aria-label='" + label + "']")));
    }

    private Story openStory(StaffAccount reporter) {
        Story story = fixtures.story("Rich text " + Fixtures.unique("r"), reporter, null);
        Chromium.signIn(driver, base(), reporter.username, Fixtures.PASSWORD);
        driver.get(base() + "/desk/stories/" + story.id);
        countDialogs();
        return story;
    }

    @Test
    void textTypedAfterALinkStaysOutsideIt() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        Story story = openStory(reporter);
        WebElement body = Chromium.richText(driver);
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, "Talks resumed");
        body.sendKeys(Keys.chord(Keys.SHIFT, Keys.CONTROL, Keys.ARROW_LEFT));
        button(driver, "Link").click();

        WebElement dialog = popover("Link");
        WebElement address = field(driver, "Link address");
        waiting(driver).until(d -> d.switchTo().activeElement().equals(address));
        address.sendKeys("https://example.org/talks");
        button(driver, "Apply").click();
        waiting(driver).until(ExpectedConditions.invisibilityOf(dialog));
        waiting(driver).until(d -> bodyValue().contains(">resumed</a>"));

        body.sendKeys(Keys.END, " in Bamako");
        waiting(driver).until(d -> bodyValue().contains("in Bamako"));
        assertThat(bodyValue()).containsPattern("<a [^>]*href=\"https://example.org/talks\"[^>]*>resumed</a> in Bamako</p>");

        // Ctrl+K opens it too; Escape closes it and gives the editor back the focus.
        body.sendKeys(Keys.chord(Keys.CONTROL, "k"));
        WebElement again = popover("Link");
        field(driver, "Link address").sendKeys(Keys.ESCAPE);
        waiting(driver).until(ExpectedConditions.invisibilityOf(again));
        waiting(driver).until(d -> d.switchTo().activeElement().equals(Chromium.richText(d)));

        assertThat(dialogs()).as("no window.prompt, alert or confirm").isEmpty();
        button(driver, "Save draft").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Draft saved."));
        assertThat(fixtures.reload(story.id).body)
                .contains("<a href=\"https://example.org/talks\" rel=\"nofollow noopener\">resumed</a> in Bamako</p>");
    }

    @Test
    void aLinkToOneOfOurPublishedStoriesIsFoundByItsHeadline() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        StaffAccount editor = fixtures.staff(Role.EDITOR);
        String word = Fixtures.unique("lavrov");
        Story published = fixtures.published("Lavrov meets Diop " + word, reporter, editor);
        fixtures.story("Lavrov draft " + word, reporter, null);
        String address = fixtures.reload(published.id).publicPath;
        assertThat(address).matches("/[a-z0-9-]+/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+");

        Story story = openStory(reporter);
        WebElement body = Chromium.richText(driver);
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, "Earlier report");
        body.sendKeys(Keys.chord(Keys.SHIFT, Keys.HOME));
        button(driver, "Link").click();
        popover("Link");
        field(driver, "Or find one of our stories").sendKeys(word);
        WebElement found = waiting(driver).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[@role='dialog']//button[normalize-space()='Lavrov meets Diop " + word + "']")));
        assertThat(driver.findElements(By.xpath("//*[@role='dialog']//button[contains(., 'Lavrov draft')]")))
                .as("only published stories").isEmpty();
        found.click();
        waiting(driver).until(d -> bodyValue().matches(".*<a [^>]*href=\"" + address + "\"[^>]*>Earlier report</a>.*"));

        assertThat(dialogs()).as("no window.prompt, alert or confirm").isEmpty();
        button(driver, "Save draft").click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Draft saved."));
        assertThat(fixtures.reload(story.id).body).contains("<a href=\"" + address + "\" rel=\"nofollow noopener\">Earlier report</a>");
    }

    /** A picture file given to the editor as a paste (a screenshot tool's clipboard) or a drop (from the desktop). */
    private void givePicture(String how) {
        ((JavascriptExecutor) driver).executeAsyncScript("var how = arguments[0], done = arguments[arguments.length - 1];"
                + "var canvas = document.createElement('canvas'); canvas.width = 640; canvas.height = 360;"
                + "var g = canvas.getContext('2d'); g.fillStyle = '#1d4f91'; g.fillRect(0, 0, 640, 360);"
                + "g.fillStyle = '#ffdd00'; g.fillRect(100, 80, 300, 160);"
                + "canvas.toBlob(function (blob) {"
                + "  var data = new DataTransfer(); data.items.add(new File([blob], 'barge.png', { type: 'image/png' }));"
                + "  var editor = document.querySelector('[role=textbox][aria-label=Body]');"
                + "  var box = editor.querySelector('p').getBoundingClientRect();"
                + "  editor.dispatchEvent(how === 'paste'"
                + "    ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })"
                + "    : new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true,"
                + "        clientX: box.right - 2, clientY: box.top + box.height / 2 }));"
                + "  done();"
                + "}, 'image/png');", how);
    }

    @Test
    void aPastedPictureIsUploadedAndAddedOnlyWithItsAltText() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        openStory(reporter);
        WebElement body = Chromium.richText(driver);
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        givePicture("paste");
        WebElement dialog = popover("Add image");
        waiting(driver).until(d -> d.switchTo().activeElement().equals(field(d, "Alt text")));
        button(driver, "Add image").click();
        assertThat(dialog.findElement(By.cssSelector(".error-message")).getText()).as("not without alt text")
                .startsWith("Describe the image");
        assertThat(bodyValue()).doesNotContain("<img");
        field(driver, "Alt text").sendKeys("A yellow barge on a blue river", Keys.ENTER);
        waiting(driver).until(ExpectedConditions.invisibilityOf(dialog));
        waiting(driver).until(d -> bodyValue().matches(
                "(?s).*<img [^>]*src=\"/images/[A-Za-z0-9_-]{22}/\\d+\\.(jpg|png)\"[^>]*alt=\"A yellow barge on a blue river\".*"));
        assertThat(dialogs()).as("no window.prompt, alert or confirm").isEmpty();
    }

    @Test
    void aDroppedPictureGoesWhereItWasDroppedAndCancelAddsNothing() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        openStory(reporter);
        Chromium.richText(driver);
        givePicture("drop");
        WebElement dialog = popover("Add image");
        button(driver, "Cancel").click();
        waiting(driver).until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(bodyValue()).doesNotContain("<img");

        givePicture("drop");
        dialog = popover("Add image");
        field(driver, "Alt text").sendKeys("A barge");
        button(driver, "Add image").click();
        waiting(driver).until(ExpectedConditions.invisibilityOf(dialog));
        waiting(driver).until(d -> bodyValue().contains("alt=\"A barge\""));
        assertThat(bodyValue()).as("after the first paragraph, where it was dropped")
                .matches("(?s)<p>First paragraph[^<]*</p><img [^>]*alt=\"A barge\"[^>]*><p>Second paragraph.*");
        assertThat(dialogs()).as("no window.prompt, alert or confirm").isEmpty();
    }

    /** The Image button's file chooser (Selenium gives it the file as a person would choose it). */
    @Test
    void aPictureChosenWithTheImageButtonIsAddedWithItsAltText() throws Exception {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        openStory(reporter);
        WebElement body = Chromium.richText(driver);
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("harbour", ".jpg");
        java.nio.file.Files.write(file, org.copydesk.media.TestImages.jpeg(800, 450));
        try {
            driver.findElement(By.id("body-image-file")).sendKeys(file.toString());
            WebElement dialog = popover("Add image");
            field(driver, "Alt text").sendKeys("The harbour at dawn");
            button(driver, "Add image").click();
            waiting(driver).until(ExpectedConditions.invisibilityOf(dialog));
            waiting(driver).until(d -> bodyValue().matches(
                    "(?s).*<img [^>]*src=\"/images/[A-Za-z0-9_-]{22}/800\\.jpg\"[^>]*alt=\"The harbour at dawn\"[^>]*width=\"800\"[^>]*height=\"450\".*"));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThat(dialogs()).as("no window.prompt, alert or confirm").isEmpty();
    }

    @Test
    void anAddressPastedOntoSelectedWordsLinksThem() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        openStory(reporter);
        WebElement body = Chromium.richText(driver);
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, "The statement");
        body.sendKeys(Keys.chord(Keys.SHIFT, Keys.HOME));
        // The editor learns of a selection from the browser's selectionchange event, a task after the keys: the paste
        // waits for the words to be selected, then for that event to have run (a paste before it linked nothing).
        waiting(driver).until(d -> "The statement".equals(js("return window.getSelection().toString();")));
        ((JavascriptExecutor) driver).executeAsyncScript("setTimeout(arguments[arguments.length - 1], 100);");
        paste(null, "https://example.org/statement");
        waiting(driver).until(d -> bodyValue().matches("(?s).*<a [^>]*href=\"https://example.org/statement\"[^>]*>The statement</a></p>"));
    }

    @Test
    void aPasteFromWordKeepsHeadingsListsLinksBoldAndItalicOnly() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        openStory(reporter);
        WebElement body = Chromium.richText(driver);
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        paste(org.copydesk.story.BodyHtmlPasteTest.WORD, "Talks");
        waiting(driver).until(d -> bodyValue().contains("Calm returned"));
        assertThat(bodyValue()).startsWith("<h2>Talks in Bamako</h2><p>The minister was <strong>firm</strong> and <em>calm</em>, said <a ")
                .contains(">the statement</a>.</p><ul><li><p>Security</p></li><li><p>Trade</p></li></ul>"
                        + "<ol><li><p>First</p></li><li><p>Second</p></li></ol><h2>Reaction</h2><p>Calm returned.</p>")
                .doesNotContain("style").doesNotContain("Mso").doesNotContain("<p></p>").doesNotContain("·");
    }

    @Test
    void aPasteFromGoogleDocsKeepsHeadingsListsLinksBoldAndItalicOnly() {
        StaffAccount reporter = fixtures.staff(Role.REPORTER);
        openStory(reporter);
        WebElement body = Chromium.richText(driver);
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        paste(org.copydesk.story.BodyHtmlPasteTest.GOOGLE_DOCS, "Talks");
        waiting(driver).until(d -> bodyValue().contains("Reaction"));
        assertThat(bodyValue()).startsWith("<h2>Talks in Bamako</h2><p>The minister was <strong>firm</strong> and <em>calm</em>, said <a ")
                .contains(">the statement</a>.</p>").contains("<ul><li><p>Security</p></li><li><p>Trade</p></li></ul>")
                .endsWith("<h2>Reaction</h2>").doesNotContain("style").doesNotContain("<p></p>").doesNotContain("docs-internal");
    }
}
