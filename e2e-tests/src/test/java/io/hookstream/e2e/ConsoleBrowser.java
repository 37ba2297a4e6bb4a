package io.hookstream.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, both named by path so that nothing is
 * downloaded; screenshots go to {@code hookstream.screenshots.dir} when it is set.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM =
            Path.of(System.getProperty("hookstream.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getProperty("hookstream.chromedriver", "/usr/bin/chromedriver"));

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final ChromeDriverService service;
    private final Path screenshots;

    ConsoleBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1000",
                "--lang=en-GB",
                "--user-data-dir="
                        + Files.createTempDirectory("chromium-profile").toAbsolutePath());
        // the console writes to the browser's log when a policy blocks something: tests read it
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        this.service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String dir = System.getProperty("hookstream.screenshots.dir");
        this.screenshots = dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Waits until an element's text (rendered or not) contains {@code text}, and answers it. Lists
     * are drawn again as entries arrive, so an element found a moment ago may be gone: it is then
     * looked for again.
     */
    WebElement containing(String css, String text) {
        return wait.ignoring(StaleElementReferenceException.class)
                .until(
                        d -> {
                            for (WebElement e : d.findElements(By.cssSelector(css))) {
                                String content = e.getDomProperty("textContent");
                                if (content != null && content.contains(text)) {
                                    return e;
                                }
                            }
                            return null;
                        });
    }

    void go(String url) {
        driver.get(url);
    }

    WebDriver.Options manage() {
        return driver.manage();
    }

    /** A screenshot of the window as it is, as {@code console-<name>.png}. */
    void shot(String name) throws IOException {
        if (screenshots == null) {
            return;
        }
        Files.createDirectories(screenshots);
        Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
                taken,
                screenshots.resolve("console-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
    }
}
