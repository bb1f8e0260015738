package de.gremium.launcher.intranet;

import de.gremium.launcher.RunningSystem;
import de.gremium.platform.testing.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every browser test: once per test class, the whole system as the README's run command starts it (the
 * launcher with its embedded stores in a fresh data folder, both sides and the intranet on free ports) and one
 * headless Chromium on the intranet ({@link #browser}); a second one with JavaScript off on demand
 * ({@link #withoutJavaScript()}). Every page a test visits should pass {@link Browser#check(String)} (axe-core and
 * screenshots at 1280 and 320 px).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(Chromium.class)
public abstract class BrowserTest {

    protected RunningSystem system;
    protected Browser browser;
    private Browser withoutJavaScript;
    private Path dataDir;

    @BeforeAll
    void startSystemAndBrowser() throws IOException {
        dataDir = Files.createTempDirectory("gremium-" + getClass().getSimpleName() + "-");
        // as a user finds the embedded default: the postman runs, and without an SMTP server it holds every letter
        system = RunningSystem.start(dataDir, RunningSystem.POSTMAN_SETTING + "true");
        browser = new Browser(Chromium.start(getClass().getSimpleName(), true), intranet());
    }

    @AfterAll
    void stopBrowserAndSystem() {
        try {
            for (Browser open : new Browser[] {browser, withoutJavaScript}) {
                if (open != null) {
                    open.close();
                }
            }
        } finally {
            if (system != null) {
                system.close();
            }
            deleteRecursively(dataDir);
        }
    }

    /** The intranet's address, e.g. {@code http://localhost:41234}. */
    protected String intranet() {
        return "http://localhost:" + Ports.of(system.running.intranet());
    }

    /** A second Chromium, with JavaScript switched off in its content settings: pages must read and post without it. */
    protected Browser withoutJavaScript() {
        if (withoutJavaScript == null) {
            withoutJavaScript = new Browser(Chromium.start(getClass().getSimpleName() + "-ohne-js", false), intranet());
        }
        return withoutJavaScript;
    }

    protected void signIn(String user, String password) {
        browser.signIn(user, password);
    }

    protected void signIn(String user) {
        browser.signIn(user);
    }

    protected Browser open(String path) {
        return browser.open(path);
    }

    protected void axe() {
        browser.axe();
    }

    protected void screenshot(String name) {
        browser.screenshot(name);
    }

    private static void deleteRecursively(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
