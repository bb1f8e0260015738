package de.gremium.launcher.intranet;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium on the intranet: pages by path, sign-in and sign-out as a person does it, axe-core's WCAG 2.1
 * A/AA rules, full-page screenshots at the two widths (1280 px "desktop" and 320 px "schmal", the width WCAG's reflow
 * criterion names).
 */
public final class Browser implements AutoCloseable {

    /** Every demo user's password (README, platform/src/main/resources/gremium/demo-users.yml). */
    public static final String PASSWORD = "gremium";
    public static final int DESKTOP = 1280;
    public static final int SCHMAL = 320;
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The machine that runs the tests is shared and slow: pages get this long to appear. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String base;

    Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String base() {
        return base;
    }

    /** Opens a path of the intranet ({@code /probleme?status=OPEN}) and waits until the page has loaded. */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** The path (and query) of the page shown now. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** Signs in through the sign-in form; fails if the intranet answers with the sign-in page again. */
    public Browser signIn(String user, String password) {
        open("/anmelden");
        type(By.id("benutzername"), user);
        type(By.id("passwort"), password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil("signed in as " + user, () -> !path().startsWith("/anmelden"));
        assertThat(driver.findElement(By.cssSelector("header .person")).getText()).as("the header after sign-in")
                .contains("Angemeldet als");
        return this;
    }

    public Browser signIn(String user) {
        return signIn(user, PASSWORD);
    }

    /** Signs out with the header's button and waits for the sign-in page's confirmation. */
    public Browser signOut() {
        driver.findElement(By.cssSelector("form.abmelden button")).click();
        waitUntil("signed out", () -> path().startsWith("/anmelden?abgemeldet"));
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public String h1() {
        return find(By.tagName("h1")).getText();
    }

    public Browser type(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Waits (bounded by {@link #PATIENCE}) until the condition holds; the view behind a page is eventually consistent.
     * An element that goes stale because the page is being replaced (a redirect after a form) is looked for again.
     */
    public void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, PATIENCE).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> condition.getAsBoolean());
    }

    public void waitFor(By element) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    /** axe-core's WCAG 2.1 A and AA rules on the page as it is now: no violation, or each one listed. */
    public Browser axe() {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        assertThat(results.isErrored()).as("axe-core failed on %s: %s", path(), results.getErrorMessage()).isFalse();
        List<Rule> violations = results.getViolations();
        assertThat(violations).as("axe-core ran no rule on %s", path()).isNotNull();
        assertThat(results.getPasses()).as("axe-core found nothing to check on %s", path()).isNotEmpty();
        if (!violations.isEmpty()) {
            throw new AssertionError(describe(violations));
        }
        return this;
    }

    private String describe(List<Rule> violations) {
        StringBuilder message = new StringBuilder().append(violations.size()).append(" WCAG 2.1 A/AA violation(s) on ")
                .append(path()).append(" at ").append(viewportWidth()).append(" px:");
        for (Rule rule : violations) {
            message.append("\n- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ")
                    .append(rule.getHelp()).append(" <").append(rule.getHelpUrl()).append(">");
            for (CheckedNode node : rule.getNodes()) {
                message.append("\n    ").append(node.getTarget()).append("  ").append(oneLine(node.getFailureSummary()));
            }
        }
        return message.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ");
    }

    /** Runs {@code check} with the page laid out {@code width} CSS pixels wide (the window itself stays). */
    public Browser atWidth(int width, Runnable check) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 1024, "deviceScaleFactor", 1, "mobile", false));
        try {
            assertThat(viewportWidth()).as("the page's width").isEqualTo(width);
            check.run();
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        return this;
    }

    /** The page's layout width in CSS pixels (read through DevTools, so also with JavaScript off). */
    public long viewportWidth() {
        Map<String, Object> evaluated = driver.executeCdpCommand("Runtime.evaluate",
                Map.of("expression", "window.innerWidth", "returnByValue", true));
        return ((Number) ((Map<?, ?>) evaluated.get("result")).get("value")).longValue();
    }

    /**
     * Whether the page's own scripts ran (htmx defines {@code window.htmx}); read through DevTools, which the
     * JavaScript content setting does not block.
     */
    public boolean pageScriptsRan() {
        Map<String, Object> evaluated = driver.executeCdpCommand("Runtime.evaluate",
                Map.of("expression", "typeof window.htmx !== 'undefined'", "returnByValue", true));
        return Boolean.TRUE.equals(((Map<?, ?>) evaluated.get("result")).get("value"));
    }

    /** axe at both widths: what passes at 1280 px may overlap or hide at 320 px. */
    public Browser axeAtBothWidths() {
        atWidth(DESKTOP, this::axe);
        return atWidth(SCHMAL, this::axe);
    }

    /** Full-page screenshots at both widths: {@code target/screenshots/<name>-desktop.png} and {@code -schmal.png}. */
    public Browser screenshot(String name) {
        atWidth(DESKTOP, () -> saveFullPage(SCREENSHOTS.resolve(name + "-desktop.png")));
        return atWidth(SCHMAL, () -> saveFullPage(SCREENSHOTS.resolve(name + "-schmal.png")));
    }

    /** What every visited page gets: axe and a screenshot, at both widths. */
    public Browser check(String name) {
        atWidth(DESKTOP, () -> {
            axe();
            saveFullPage(SCREENSHOTS.resolve(name + "-desktop.png"));
        });
        return atWidth(SCHMAL, () -> {
            axe();
            saveFullPage(SCREENSHOTS.resolve(name + "-schmal.png"));
        });
    }

    private void saveFullPage(Path file) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The texts of the labels of the form's fields, in document order (for focus-order checks). */
    public List<String> labels() {
        return findAll(By.cssSelector("main label")).stream().map(WebElement::getText).collect(Collectors.toList());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
