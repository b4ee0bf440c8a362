package fr.la27eregion.project.web;

import fr.la27eregion.project.boundary.ProjectSearch;
import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stable, readable address of a public project: {@code /public/projets/{id}-{slug}}. The id decides; the slug
 * is for people and search engines, so an old or wrong slug (a title changed since) is a permanent redirect (301) to
 * the right one, and an unknown id or a project that is not public is a 404, the same answer for both. The page
 * itself is {@code public/projet.xhtml}, to which the address is forwarded with the id.
 *
 * <p>A servlet of a few lines rather than a rewriting library: one pattern, one lookup of the slug.
 */
@WebServlet(urlPatterns = PublicProjectAddress.PREFIX + "*")
public class PublicProjectAddress extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Where the public project pages live (under the context path). */
    public static final String PREFIX = "/public/projets/";

    /** The page a project's address shows. */
    static final String PAGE = "/public/projet.xhtml";

    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})(?:-([a-z0-9-]*))?/?");

    @EJB
    private ProjectSearch search;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long id = Long.parseLong(path.group(1));
        Optional<String> slug = search.publicSlug(id);
        if (slug.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!slug.get().equals(path.group(2))) {
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", address(request, id, slug.get()) + (query == null ? "" : "?" + query));
            return;
        }
        String query = request.getQueryString();
        request.getRequestDispatcher(PAGE + "?id=" + id + (query == null ? "" : "&" + query))
                .forward(request, response);
    }

    /** The address of a public project, with the context path. */
    static String address(HttpServletRequest request, long id, String slug) {
        return request.getContextPath() + PREFIX + id + "-" + slug;
    }
}
