package org.copydesk.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, for the few tests that need a real browser. The binary
 * and the driver are named explicitly so Selenium Manager never tries to download anything; without
 * them (a machine where `apt-get install chromium chromium-driver` was not run) the test is skipped.
 */
public final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    public static WebDriver start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,2000",
                "--user-data-dir=" + Files.createTempDirectory("copydesk-chromium"));
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.ACCEPT);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofMillis(0));
        return driver;
    }

    /** The input tied to the visible label with these words, as a person finds it. */
    public static WebElement field(WebDriver driver, String label) {
        WebElement tag = driver.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
        return driver.findElement(By.id(tag.getDomAttribute("for")));
    }

    public static WebElement button(WebDriver driver, String words) {
        // The form's hidden default button (for Enter) is not one a person sees or presses.
        return driver.findElement(By.xpath("//button[normalize-space()='" + words + "' and not(@aria-hidden='true')]"));
    }

    /** The rich-text Body editor that replaces the plain textarea when JavaScript runs. */
    public static WebElement richText(WebDriver driver) {
        return waiting(driver).until(d -> d.findElement(By.cssSelector("[role=textbox][aria-label=Body]")));
    }

    /** Text on the page whose colour contrast is below WCAG 2.1 AA (4.5:1, or 3:1 for large text). */
    @SuppressWarnings("unchecked")
    public static java.util.List<Object> contrastFailures(WebDriver driver) {
        try (java.io.InputStream in = Chromium.class.getResourceAsStream("/browser/contrast.js")) {
            String script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return (java.util.List<Object>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Shows pages as a screen of exactly this many CSS pixels would (a phone: mobile, so the viewport meta applies). */
    public static void viewport(WebDriver driver, int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Whether the element lies wholly inside the screen as it is now (scrolled where it is). */
    public static boolean inView(WebDriver driver, WebElement element) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                        + "return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;", element));
    }

    /** Saves what the browser shows now as a PNG under target/screenshots (for docs/). */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits up to 15 s; an element replaced in place meanwhile (a picker, the presence area) is looked up again. */
    public static WebDriverWait waiting(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    public static void signIn(WebDriver driver, String base, String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        field(driver, "Username").sendKeys(username);
        field(driver, "Password").sendKeys(password);
        button(driver, "Sign in").click();
        waiting(driver).until(d -> d.getCurrentUrl().contains("/desk"));
    }
}
