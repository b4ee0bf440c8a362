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

/**
 * Logs out: Jakarta Security forgets the caller, the session is invalidated (so nothing of it is reused), and
 * the person lands on the login page with a message saying they are logged out. A POST, from the button of the
 * intranet template; a GET only shows the login page, so a link in a mail cannot log anyone out.
 */
@WebServlet(name = "Logout", urlPatterns = "/app/logout")
public class Logout extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private Logins logins;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getUserPrincipal() != null) {
            logins.logout();
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + PlatformAuthentication.LOGIN_PAGE + "?loggedOut=true");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/app/index.xhtml");
    }
}
