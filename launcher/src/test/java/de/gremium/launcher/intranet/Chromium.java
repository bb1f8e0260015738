package de.gremium.launcher.intranet;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and its chromedriver, given by path ({@code GREMIUM_CHROMIUM}, {@code GREMIUM_CHROMEDRIVER};
 * {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}), so that Selenium Manager never looks for or downloads a
 * browser. As an extension it fails a browser test class before its first test when either is missing, with the
 * command that installs them; only {@code -Dgremium.browser-tests=skip} turns that into skipped tests.
 */
final class Chromium implements ExecutionCondition, BeforeAllCallback {

    static final String SKIP_PROPERTY = "gremium.browser-tests";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return "skip".equals(System.getProperty(SKIP_PROPERTY))
                ? ConditionEvaluationResult.disabled("browser tests skipped (-D" + SKIP_PROPERTY + "=skip)")
                : ConditionEvaluationResult.enabled("browser tests on");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        for (Path executable : List.of(browser(), driver())) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException("Chromium not found at " + browser() + " (or chromedriver at " + driver()
                        + "): apt-get install chromium chromium-driver, see .ci/run (other paths: GREMIUM_CHROMIUM, "
                        + "GREMIUM_CHROMEDRIVER; -D" + SKIP_PROPERTY + "=skip skips the browser tests)");
            }
        }
    }

    static Path browser() {
        return executable("GREMIUM_CHROMIUM", "/usr/bin/chromium");
    }

    static Path driver() {
        return executable("GREMIUM_CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    /**
     * A headless Chromium with a fresh profile under {@code target/chromium/}, German, 1280 px wide, scripts on or
     * off (the content setting a user or an administrator would choose).
     */
    static ChromeDriver start(String name, boolean javaScript) {
        Path profile;
        try {
            Files.createDirectories(Path.of("target", "chromium"));
            profile = Files.createTempDirectory(Path.of("target", "chromium"), name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=de-DE", "--window-size=1280,1024", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", javaScript
                ? Map.of("intl.accept_languages", "de-DE,de")
                : Map.of("intl.accept_languages", "de-DE,de", "profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver().toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Path executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        return Path.of(configured == null || configured.isBlank() ? fallback : configured);
    }
}
