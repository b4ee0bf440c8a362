package fr.la27eregion.testing.browser;

import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks the page a {@link Browser} shows against WCAG 2.1 levels A and AA with axe-core, the engine most
 * accessibility audits use. axe is the npm package pinned in {@code src/test/js}, installed by the build
 * ({@code axe.script}); it is injected into the page as it is, after its scripts and ajax updates ran, so the
 * check sees what a reader's assistive technology sees.
 */
public final class Accessibility {

    /** The WCAG 2.0 and 2.1 success criteria of levels A and AA, as axe tags its rules. */
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                .then(results => done({
                    version: axe.version,
                    rulesPassed: results.passes.length,
                    violations: results.violations.map(v => ({
                        id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                        targets: v.nodes.map(n => n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t)
                                                          .join(' ')),
                        details: v.nodes.map(n => n.failureSummary || '')
                    }))
                }))
                .catch(e => done({error: String(e)}));
            """;

    /** No finite CSS animation or transition running (a spinner turns for ever), and no jQuery effect under way. */
    private static final String SETTLED = """
            return document.getAnimations().every(a => a.playState !== 'running'
                    || (a.effect && a.effect.getComputedTiming().endTime === Infinity))
                && !(window.jQuery && jQuery(':animated').length > 0);
            """;

    private static String script;

    private final Browser browser;

    public Accessibility(Browser browser) {
        this.browser = browser;
    }

    /** What one axe run found on a page: axe's version, how many rules passed, and the violations. */
    public record Report(String axeVersion, int rulesPassed, List<AccessibilityViolation> violations) {
    }

    /** Runs axe on the current page and returns what breaks WCAG 2.1 A/AA, nothing when the page passes. */
    public List<AccessibilityViolation> violations() {
        return report().violations();
    }

    /** Runs axe on the current page: its version, the rules passed and what breaks WCAG 2.1 A/AA. */
    public Report report() {
        JavascriptExecutor page = browser.script();
        // colours judged in the middle of a fade (a button enabled again, a dialog's mask) are not what a reader sees
        browser.waitUntil(d -> Boolean.TRUE.equals(page.executeScript(SETTLED)));
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object'"))) {
            page.executeScript(axeScript());
        }
        Map<?, ?> result = (Map<?, ?>) page.executeAsyncScript(RUN, WCAG_21_AA);
        if (result.containsKey("error")) {
            throw new IllegalStateException("axe-core could not check the page: " + result.get("error"));
        }
        int passed = ((Number) result.get("rulesPassed")).intValue();
        // a check that applied no rule at all would pass any page: refuse it rather than report success
        if (passed == 0) {
            throw new IllegalStateException("axe-core applied no WCAG rule to " + browser.driver().getCurrentUrl());
        }
        return new Report(String.valueOf(result.get("version")), passed, ((List<?>) result.get("violations"))
                .stream().map(Map.class::cast).map(Accessibility::violation).toList());
    }

    /** Fails, listing every violation with its elements, unless the current page meets WCAG 2.1 A and AA. */
    public void assertNoViolations(String where) {
        List<AccessibilityViolation> violations = violations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " WCAG 2.1 A/AA violation(s) on " + where + ":\n"
                    + violations.stream().map(AccessibilityViolation::describe).collect(Collectors.joining("\n")));
        }
    }

    @SuppressWarnings("unchecked")
    private static AccessibilityViolation violation(Map<?, ?> axe) {
        return new AccessibilityViolation((String) axe.get("id"), (String) axe.get("impact"),
                (String) axe.get("help"), (String) axe.get("helpUrl"),
                (List<String>) axe.get("targets"), (List<String>) axe.get("details"));
    }

    private static synchronized String axeScript() {
        if (script == null) {
            Path file = Path.of(System.getProperty("axe.script", "target/axe/node_modules/axe-core/axe.min.js"));
            try {
                script = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is missing: the build installs it with npm ci before the "
                        + "integration tests (mvn verify); looked for " + file.toAbsolutePath(), e);
            }
        }
        return script;
    }
}
