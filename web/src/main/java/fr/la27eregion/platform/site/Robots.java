package fr.la27eregion.platform.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /robots.txt}: the public pages are for everyone; the intranet, the login pages and the API are not for
 * crawlers (the open data has its own catalogue); the sitemap says where the public pages are.
 */
@WebServlet(urlPatterns = "/robots.txt")
public class Robots extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private PageAddresses addresses;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                User-agent: *
                Allow: /
                Disallow: /app/
                Disallow: /api/
                Disallow: /sso/
                Disallow: /login.xhtml
                Disallow: /reset-password.xhtml

                Sitemap: %s
                """.formatted(addresses.in("/sitemap.xml", null, null)));
    }
}
