package fr.la27eregion.testing.browser;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.identity.web.LoginPage;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real, headless Chromium, driven by the chromedriver of the machine, as a test class sees it.
 *
 * <p>Register it with {@code @RegisterExtension static final Browser browser = new Browser();}: it gives each test
 * a clean session (no cookie, so no language or view state left by a previous test), saves a screenshot of the page
 * a failed test left, and starts each class as a new browser would: one window, an empty HTTP cache, no storage
 * (local, session, service workers...) in the origins former tests ended on. It is the browser tests' one
 * opening: the application under test ({@link #application()}, the shared {@link TestServer}), a login as a test
 * account ({@link #logInAs(Role)}) and the accessibility check ({@link #accessibility()}).
 *
 * <p>One Chromium and its chromedriver serve every class of the test run, as one server does: started on first use
 * (again should it stop answering), quit when the JUnit run ends or, failing that, when the JVM does. Starting and
 * quitting them took about two seconds per class.
 *
 * <p>The binaries are named explicitly ({@code chromium.binary}, {@code chromedriver.binary}), so Selenium Manager
 * never runs and nothing is downloaded; the flags keep Chromium off the network except for the page under test.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    /** How long a page or an ajax update may take before a wait fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    /**
     * How often a wait asks its condition again. WebDriverWait's own half second made every wait not already true
     * when first asked cost at least that; a question is a few milliseconds.
     */
    public static final Duration POLLING = Duration.ofMillis(25);

    private static final String[] FLAGS = {
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            "--disable-dev-shm-usage", "--window-size=1280,1024"};

    /** The run's Chromium, {@code null} until a class needs it. */
    private static Chromium shared;
    /** The origins the tests left the browser on, whose storage the next class starts without. */
    private static final Set<String> VISITED = ConcurrentHashMap.newKeySet();

    private ChromeDriver driver;
    private final Accessibility accessibility = new Accessibility(this);

    /** A Chromium and its chromedriver, quit once at the end of the run. */
    private static final class Chromium implements AutoCloseable {

        private final ChromeDriverService service;
        private final ChromeDriver driver;
        private final Thread quitAtExit = new Thread(this::quit, "chromium-quit");
        private boolean quit;

        Chromium() throws IOException {
            Path target = Path.of(System.getProperty("browser.work.dir", "target")).toAbsolutePath();
            Path profiles = Files.createDirectories(target.resolve("chromium-profiles"));
            Path profile = Files.createTempDirectory(profiles, "run-");
            service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .withLogFile(target.resolve("chromedriver.log").toFile())
                    // every command at INFO (axe's 650 kB each time it is injected) is some hundred megabytes over a
                    // run; -Dchromedriver.log.level=INFO gives the trace back, with the time of each command
                    .withLogLevel(ChromiumDriverLogLevel.valueOf(System.getProperty("chromedriver.log.level",
                            "WARNING")))
                    .build();
            ChromeOptions options = new ChromeOptions()
                    .setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"))
                    .addArguments(FLAGS)
                    .addArguments("--user-data-dir=" + profile);
            try {
                driver = new ChromeDriver(service, options);
            } catch (RuntimeException e) {
                service.stop();
                throw e;
            }
            driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
            Runtime.getRuntime().addShutdownHook(quitAtExit);
        }

        /** Whether Chromium still answers (a crashed renderer or a dead chromedriver does not). */
        boolean alive() {
            try {
                driver.getWindowHandle();
                return true;
            } catch (RuntimeException dead) {
                return false;
            }
        }

        @Override
        public void close() {
            quit();
            try {
                Runtime.getRuntime().removeShutdownHook(quitAtExit);
            } catch (IllegalStateException exiting) {
                // the JVM is shutting down: the hook runs or ran
            }
        }

        private synchronized void quit() {
            if (quit) {
                return;
            }
            quit = true;
            try {
                driver.quit();
            } catch (RuntimeException gone) {
                // a Chromium that died is quit already; stop its chromedriver all the same
            } finally {
                service.stop();
            }
        }
    }

    /** The run's Chromium, started when none is or the one started stopped answering. */
    private static synchronized ChromeDriver chromium(ExtensionContext context) throws IOException {
        if (shared != null && !shared.alive()) {
            shared.close();
            shared = null;
        }
        if (shared == null) {
            shared = new Chromium();
            // quit with the JUnit run: its root context closes what its store holds at the end
            context.getRoot().getStore(ExtensionContext.Namespace.create(Browser.class))
                    .put(Chromium.class.getName() + "@" + System.identityHashCode(shared), shared);
        }
        return shared.driver;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        driver = chromium(context);
        // as a new browser would: one window, an empty HTTP cache (a public page is cached for 10 s and a former
        // class may have read it before this one changed what it shows), no storage a former class left
        String first = driver.getWindowHandle();
        for (String window : driver.getWindowHandles()) {
            if (!window.equals(first)) {
                driver.switchTo().window(window).close();
            }
        }
        driver.switchTo().window(first);
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        for (String origin : VISITED) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            try {
                screenshot("failed-" + context.getRequiredTestMethod().getName());
            } catch (RuntimeException e) {
                context.getExecutionException().get().addSuppressed(e);
            }
        }
        try {
            URI shown = URI.create(driver.getCurrentUrl());
            if (shown.getScheme() != null && shown.getScheme().startsWith("http") && shown.getHost() != null) {
                VISITED.add(shown.getScheme() + "://" + shown.getRawAuthority());
            }
        } catch (RuntimeException e) {
            // a browser that no longer answers is started again for the next class, with a new profile
        }
    }

    /** The application under test: the shared test server ({@link TestServer}), started on first use. */
    public URI application() {
        return TestServer.base();
    }

    /** The axe-core check of the page this browser shows. */
    public Accessibility accessibility() {
        return accessibility;
    }

    /** Logs in through the login page (in French) as the test account that has exactly {@code role}. */
    public void logInAs(Role role) {
        logInAs(TestAccounts.of(role));
    }

    /** Logs in through the login page (in French) as a test account of {@link TestAccounts}, by its username. */
    public void logInAs(String username) {
        new LoginPage(this).open(application(), "fr").logIn(username, TestAccounts.PASSWORD);
    }

    public WebDriver driver() {
        return driver;
    }

    public JavascriptExecutor script() {
        return driver;
    }

    /** Loads a page and waits until the browser says it is complete. */
    public void open(URI page) {
        driver.get(page.toString());
        waitForDocument();
    }

    /** After a navigation the page triggered itself (a link, a form): waits for the new document to be ready. */
    public void waitForDocument() {
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Waits until the condition holds. A condition that reads an element PrimeFaces re-renders meanwhile (a table
     * updated by a delayed keyup request) is asked again rather than failing the test.
     */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return waitUntil(PATIENCE, condition);
    }

    /** {@link #waitUntil(ExpectedCondition)} for something slower than a page (an export made in the background). */
    public <T> T waitUntil(Duration patience, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, patience, POLLING)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** A download as the browser got it: status, content type and disposition, the bytes. */
    public record Download(int status, String type, String disposition, byte[] body) {
    }

    /** Fetches an address (a link's) with the page's session, as the browser downloads it. */
    public Download download(String address) {
        @SuppressWarnings("unchecked")
        Map<String, Object> got = (Map<String, Object>) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(function (response) {
                  return response.arrayBuffer().then(function (buffer) {
                    var bytes = new Uint8Array(buffer), text = '';
                    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
                    done({status: response.status, type: response.headers.get('Content-Type'),
                          disposition: response.headers.get('Content-Disposition'), body: btoa(text)});
                  });
                }).catch(function (failed) { done({error: String(failed)}); });""", address);
        if (got.containsKey("error")) {
            throw new IllegalStateException("The browser could not fetch " + address + ": " + got.get("error"));
        }
        return new Download(((Number) got.get("status")).intValue(), (String) got.get("type"),
                (String) got.get("disposition"), Base64.getDecoder().decode((String) got.get("body")));
    }

    /**
     * Saves the whole page (not only the window) as {@code <name>.png} in {@code screenshots.dir}, so a reviewer
     * can look at what the test saw.
     */
    public Path screenshot(String name) {
        return screenshot(Path.of(System.getProperty("screenshots.dir", "target/screenshots")), name);
    }

    /** Saves the whole page as {@code <name>.png} in {@code directory} (a journey's own folder). */
    public Path screenshot(Path directory, String name) {
        Path file = directory.resolve(name + ".png");
        try {
            Files.createDirectories(directory);
            Files.write(file, fullPage());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the screenshot " + file, e);
        }
        return file;
    }

    private byte[] fullPage() {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                    "width", ((Number) size.get("width")).doubleValue(),
                    "height", ((Number) size.get("height")).doubleValue());
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } catch (RuntimeException e) {
            // the window is better than nothing
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }
}
