package fr.la27eregion.testing;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A real OpenID Connect provider for the test run (no.nav.security:mock-oauth2-server), on loopback with a random
 * port, started before any deployment; its issuer is published as {@code test.oidc.issuer}. A test chooses who
 * logs in next with {@link #provider()}{@code .enqueueCallback(…)}.
 */
public final class OidcProviderSession implements LauncherSessionListener {

    /** The issuer id of the provider: its issuer URL is {@code http://127.0.0.1:<port>/<id>}. */
    public static final String ISSUER_ID = "region";

    private static MockOAuth2Server server;

    public static synchronized MockOAuth2Server provider() {
        if (server == null) {
            throw new IllegalStateException("The OpenID provider of the tests is not running");
        }
        return server;
    }

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        if (server != null) {
            return;
        }
        MockOAuth2Server started = new MockOAuth2Server();
        try {
            started.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        server = started;
        System.setProperty("test.oidc.issuer", started.issuerUrl(ISSUER_ID).toString().replaceAll("/+$", ""));
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }
}
