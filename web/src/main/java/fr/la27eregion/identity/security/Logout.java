package fr.la27eregion.identity.security;

import fr.la27eregion.identity.boundary.Logins;
import jakarta.inject.Inject;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Logs out: Jakarta Security forgets the caller, the session is invalidated (so nothing of it is reused), and
 * the person lands on the login page with a message saying they are logged out. A POST, from the button of the
 * intranet template; a GET only shows the login page, so a link in a mail cannot log anyone out.
 *
 * <p>After a single sign-on, the browser then goes on to the identity provider's logout (OpenID Connect
 * RP-initiated logout) with the login's ID token as a hint, when the provider offers it, so that the next
 * "log in with the provider" asks for the password again; the provider sends it back to the login page.
 */
@WebServlet(name = "Logout", urlPatterns = "/app/logout")
public class Logout extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(Logout.class.getName());

    @Inject
    private Logins logins;

    @Inject
    private SingleSignOn singleSignOn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (request.getUserPrincipal() != null) {
            logins.logout(session == null ? null : (String) session.getAttribute(PlatformAuthentication.SESSION_KEY));
        }
        request.logout();
        String idToken = null;
        if (session != null) {
            idToken = (String) session.getAttribute(PlatformAuthentication.SSO_ID_TOKEN);
            session.invalidate();
        }
        String loggedOut = PlatformAuthentication.LOGIN_PAGE + "?loggedOut=true";
        Optional<URI> atProvider = Optional.empty();
        try {
            atProvider = singleSignOn.logoutRequest(idToken,
                    URI.create(request.getRequestURL().toString()).resolve(request.getContextPath() + loggedOut));
        } catch (SecurityException e) {
            LOG.warning(() -> "Logged out here only: " + e.getMessage());
        }
        response.sendRedirect(atProvider.map(URI::toString).orElse(request.getContextPath() + loggedOut));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/app/index.xhtml");
    }
}
