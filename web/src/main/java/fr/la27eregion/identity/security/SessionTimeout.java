package fr.la27eregion.identity.security;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Applies {@code identity.session.timeout-minutes} (default 30) to every new session, so an installation sets
 * its timeout by configuration rather than by editing {@code web.xml} inside the archive.
 */
@WebListener
public class SessionTimeout implements HttpSessionListener {

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        int minutes = ConfigProvider.getConfig().getOptionalValue("identity.session.timeout-minutes", Integer.class)
                .orElse(30);
        event.getSession().setMaxInactiveInterval(Math.max(1, minutes) * 60);
    }
}
