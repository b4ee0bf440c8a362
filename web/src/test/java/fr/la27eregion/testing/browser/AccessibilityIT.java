package fr.la27eregion.testing.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The accessibility check itself, on pages made for it (no server): a check that cannot fail proves nothing, so
 * this shows it finds what is wrong and names the rule, its impact and the element.
 */
class AccessibilityIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private final Accessibility accessibility = new Accessibility(browser);

    @Test
    void aPageWithoutLanguageAndWithAnUnlabelledFieldFails() {
        browser.open(page("<html><head><title>Form</title></head>"
                + "<body><main><h1>Form</h1><input id='name' type='text'></main></body></html>"));

        assertThat(accessibility.violations()).extracting(AccessibilityViolation::id)
                .contains("html-has-lang", "label");
        assertThatThrownBy(() -> accessibility.assertNoViolations("the form"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("violation(s) on the form")
                .hasMessageContaining("- label [critical]")
                .hasMessageContaining("#name");
    }

    @Test
    void aSimpleAccessiblePagePasses() {
        browser.open(page("<html lang='en'><head><title>Form</title></head><body><main><h1>Form</h1>"
                + "<label for='name'>Name</label><input id='name' type='text'></main></body></html>"));

        accessibility.assertNoViolations("the labelled form");
    }

    private static URI page(String html) {
        return URI.create("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8)
                .replace("+", "%20"));
    }
}
