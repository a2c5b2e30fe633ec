package cn.innovationchina.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person at the web console in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): signs
 * in at the development login (or through Keycloak's login page), then finds controls only by their {@code data-test} names (docs/console.md), clicks,
 * types and waits for what the screen shows. Closing it fails when the browser logged an error other than the
 * answers the console expects (docs/console.md, "Answers the console expects").
 */
final class Console implements AutoCloseable {

    /** Long enough for a step that crosses Kafka on a busy two-core machine. */
    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    enum Language {
        ZH("zh-CN"), EN("en-US");

        final String browserLocale;

        Language(String browserLocale) {
            this.browserLocale = browserLocale;
        }

        /** The console's own language code, as {@code <html lang>} starts. */
        String code() {
            return name().toLowerCase();
        }

        /** The one of two texts in this language. */
        String pick(String chinese, String english) {
            return this == ZH ? chinese : english;
        }
    }

    /**
     * The 4xx answers the console turns into a screen (no organisation yet, no profile yet, not ranked yet, an
     * invitation's demand no longer published), which Chromium still logs as "Failed to load resource".
     */
    private static final List<Pattern> EXPECTED_ANSWERS = Stream.of(
                    "/api/demand/enterprises/me",
                    "/api/expert/providers/[A-Z0-9-]+",
                    "/api/matching/demands/[^/\\s?]+/matches",
                    "/api/demand/demands/[^/\\s?]+")
            .map(path -> Pattern.compile("^http://localhost:\\d+" + path
                    + " - Failed to load resource: the server responded with a status of 404 \\(Not Found\\)$"))
            .toList();

    /**
     * Selenium warns that it has no DevTools binding for this Chromium; none is needed (the log and screenshots go
     * through chromedriver). Kept referenced so the level stays set.
     */
    private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Path profile;
    final Language language;
    private final List<String> consoleErrors = new ArrayList<>();

    private Console(ChromeDriver driver, Path profile, Language language) {
        this.driver = driver;
        this.profile = profile;
        this.language = language;
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** A fresh browser (its own profile) in {@code language}, signed in as {@code demoUser} at the dev login. */
    static Console signIn(Platform platform, Language language, String demoUser) {
        Console console = start(platform, language);
        try {
            console.driver.get(platform.gateway() + "/dev/login?redirect=/");
            console.click(By.cssSelector("button[data-user='" + demoUser + "']"));
            console.see("who");
            console.speak();
            return console;
        } catch (RuntimeException | Error e) {
            console.driver.quit();
            throw e;
        }
    }

    /** A fresh browser (its own profile) in {@code language} at the console, nobody signed in. */
    static Console open(Platform platform, Language language) {
        Console console = start(platform, language);
        try {
            console.driver.get(platform.gateway() + "/");
            console.see("login-link");
            return console;
        } catch (RuntimeException | Error e) {
            console.driver.quit();
            throw e;
        }
    }

    /**
     * From the console's welcome page to the identity provider's own login page (Keycloak's form), where the user's
     * name and password are typed and sent. Where it leads (back to the console, or Keycloak's refusal) is the
     * caller's to see.
     */
    void signInThroughKeycloak(String username, String password) {
        click("login-link");
        WebElement name = see(By.id("username"));
        name.clear();
        name.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        click(By.id("kc-login"));
    }

    /** Signed in through Keycloak: the console shows who, in this console's language. */
    void signedIn() {
        see("who");
        speak();
    }

    /** Keycloak's refusal on its own login page: the form again, with its error. */
    String keycloakRefusal() {
        return until("Keycloak's refusal", () -> driver.getCurrentUrl().contains("/realms/")
                ? find(By.cssSelector("#input-error-username, [class*='pf-m-danger']")).map(Console::text)
                        .filter(error -> !error.isEmpty()).orElse(null)
                : null);
    }

    /** What the console keeps for this tab ({@code sessionStorage}): its tokens. */
    String tabItem(String key) {
        Object item = driver.executeScript("return sessionStorage.getItem(arguments[0])", key);
        return item == null ? null : item.toString();
    }

    /** The address in the browser's bar. */
    String address() {
        return driver.getCurrentUrl();
    }

    private static Console start(Platform platform, Language language) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile,
                    "--lang=" + language.browserLocale);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language.browserLocale));
            var logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            // The pilot cities' day: the console's default dates (a contract's signing day, the dashboard's range)
            // are the browser's, and the platform counts days in China.
            var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort().withEnvironment(Map.of("TZ", "Asia/Shanghai")).build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Console(driver, profile, language);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console follows the browser's language; its own switch sets it when the browser's was not taken. */
    private void speak() {
        if (!htmlLang().startsWith(language.code())) {
            click("lang-switch");
            until("the console in " + language, () -> htmlLang().startsWith(language.code()) ? true : null);
        }
    }

    private String htmlLang() {
        return String.valueOf(driver.executeScript("return document.documentElement.lang"));
    }

    // --- finding, seeing, acting -------------------------------------------------------------------------------

    static By test(String name) {
        return By.cssSelector("[data-test='" + name + "']");
    }

    /** Waits until the control is shown, and returns it. */
    WebElement see(String name) {
        return see(test(name));
    }

    WebElement see(By by) {
        return until(by + " shown", () -> find(driver, by).filter(WebElement::isDisplayed).orElse(null));
    }

    /** Waits until a control inside {@code scope} is shown. */
    WebElement see(Supplier<WebElement> scope, String name) {
        return until(name + " shown", () -> find(scope.get(), test(name)).filter(WebElement::isDisplayed).orElse(null));
    }

    Optional<WebElement> find(String name) {
        return find(driver, test(name));
    }

    Optional<WebElement> find(By by) {
        return find(driver, by);
    }

    private static Optional<WebElement> find(SearchContext scope, By by) {
        return scope.findElements(by).stream().findFirst();
    }

    void click(String name) {
        click(test(name));
    }

    /** Clicks as soon as the control is shown and enabled (the screens redraw, so it is looked up each time). */
    void click(By by) {
        until("a click on " + by, () -> clickIfReady(() -> driver.findElement(by)));
    }

    void click(Supplier<WebElement> scope, String name) {
        until("a click on " + name, () -> clickIfReady(() -> scope.get().findElement(test(name))));
    }

    private static Boolean clickIfReady(Supplier<WebElement> control) {
        WebElement element = control.get();
        if (!element.isDisplayed() || !element.isEnabled()) {
            return null;
        }
        try {
            element.click();
            return true;
        } catch (ElementClickInterceptedException e) {
            // A toast over the control: it fades away.
            return null;
        }
    }

    void type(String name, String text) {
        type(() -> driver.findElement(test(name)), text);
    }

    void type(Supplier<WebElement> scope, String name, String text) {
        type(() -> scope.get().findElement(test(name)), text);
    }

    private void type(Supplier<WebElement> control, String text) {
        until("typing into a control", () -> {
            WebElement element = control.get();
            if (!element.isDisplayed() || !element.isEnabled()) {
                return null;
            }
            element.clear();
            element.sendKeys(text);
            return true;
        });
    }

    /** The element's text as shown, without spaces at its ends. */
    static String text(WebElement element) {
        return element.getText().strip();
    }

    /**
     * Waits until {@code what} gives a value (null: not yet), ignoring an element redrawn under it. A step may act
     * while waiting (reload a list that was not ready).
     */
    <T> T until(String what, Supplier<T> reached) {
        return new WebDriverWait(driver, PATIENCE, POLL)
                .withMessage(() -> what + " (" + language + ", at " + driver.getCurrentUrl() + ")")
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .ignoring(ElementNotInteractableException.class)
                .until(d -> reached.get());
    }

    /** The route in the address bar, e.g. {@code /demands/D-1}. */
    String route() {
        String url = driver.getCurrentUrl();
        int hash = url.indexOf('#');
        return hash < 0 ? "" : url.substring(hash + 1);
    }

    // --- screenshots and the browser's log ---------------------------------------------------------------------

    /**
     * The whole page as {@code <language>-<step>.png} in {@code target/screenshots}, or in the folder the property
     * {@code e2e.screenshots} names ({@code ../../docs/screenshots} refreshes the README's), so an ordinary test run
     * leaves the working tree as it was.
     */
    void screenshot(String step) {
        Path file = Path.of(System.getProperty("e2e.screenshots", "target/screenshots"),
                language.code() + "-" + step + ".png").toAbsolutePath().normalize();
        // From the top: the sticky header then stays at the top of the picture.
        driver.executeScript("window.scrollTo(0, 0)");
        @SuppressWarnings("unchecked")
        var metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        var size = (Map<String, Object>) metrics.get("cssContentSize");
        var clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", Math.min(4000, ((Number) size.get("height")).doubleValue()), "scale", 1);
        var shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Errors the browser logged so far that the console does not expect. */
    private List<String> unexpectedErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    && EXPECTED_ANSWERS.stream().noneMatch(p -> p.matcher(entry.getMessage()).matches())) {
                consoleErrors.add(entry.getMessage());
            }
        }
        return List.copyOf(consoleErrors);
    }

    @Override
    public void close() {
        List<String> errors;
        try {
            errors = unexpectedErrors();
        } finally {
            driver.quit();
            deleteProfile();
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("The browser logged errors (" + language + "):\n" + String.join("\n", errors));
        }
    }

    private void deleteProfile() {
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind harms nothing.
        }
    }
}
