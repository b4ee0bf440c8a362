package fr.la27eregion.identity.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A user agent as "My account" shows it: the browser with its major version, and the system. */
class UserAgentsTest {

    @Test
    void theUsualBrowsersAreNamedWithTheirSystem() {
        assertThat(UserAgents.shorten("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"))
                .isEqualTo("Firefox 128 · Linux");
        assertThat(UserAgents.shorten("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like"
                + " Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70")).isEqualTo("Edge 131 · Windows");
        assertThat(UserAgents.shorten("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile"
                + " Safari/537.36")).isEqualTo("Chrome 131 · Android");
        assertThat(UserAgents.shorten("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML,"
                + " like Gecko) Version/17.5 Safari/605.1.15")).isEqualTo("Safari 17 · macOS");
        assertThat(UserAgents.shorten("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
                + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).isEqualTo("Safari 17 · iOS");
    }

    @Test
    void anythingElseShowsItsFirstWordAndNothingShowsNothing() {
        assertThat(UserAgents.shorten("curl/8.5.0")).isEqualTo("curl");
        assertThat(UserAgents.shorten(null)).isEmpty();
        assertThat(UserAgents.shorten(" ")).isEmpty();
    }
}
