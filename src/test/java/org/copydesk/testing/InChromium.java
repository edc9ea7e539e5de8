package org.copydesk.testing;

import java.net.URL;

import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/**
 * What every real-browser test starts from: a fresh headless Chromium for each test (skipped where Chromium is not
 * installed), the test app's address, and the fixtures. Subclasses are {@code @QuarkusTest}s.
 */
public abstract class InChromium {

    @TestHTTPResource("/")
    protected URL root;

    @Inject
    protected Fixtures fixtures;

    protected WebDriver driver;

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

    /** The test app's address without its last slash, to put paths after. */
    protected String base() {
        String url = root.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
