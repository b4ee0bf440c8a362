package fr.la27eregion.platform.site;

import fr.la27eregion.content.boundary.PublishedContent;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import fr.la27eregion.label.boundary.Programmes;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.platform.web.Markup;
import fr.la27eregion.project.boundary.ProjectHit;
import fr.la27eregion.project.boundary.ProjectQuery;
import fr.la27eregion.project.boundary.ProjectSearch;
import fr.la27eregion.referential.boundary.Themes;
import fr.la27eregion.referential.entity.Theme;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sitemap (sitemaps.org 0.9): {@code /sitemap.xml} is an index of {@code /sitemap/pages.xml} (the public pages
 * and each label programme's register) and {@code /sitemap/projects-N.xml} (the public projects' pages, by
 * {@value #PROJECTS_PER_PART}: a sitemap holds at most 50,000 addresses, and each project is listed in French and in
 * English). Every address is listed in each language, with its {@code hreflang} alternates ({@code x-default}: the
 * address without a language, French unless the reader chose). Anonymous, so the boundaries show public records only;
 * cached and validated like the public pages ({@code platform.cache.PublicResponses}).
 */
@WebServlet(urlPatterns = {"/sitemap.xml", "/sitemap/*"})
public class Sitemap extends HttpServlet {

    /** The public pages, each listed in both languages. Another public page: add it here. */
    public static final List<String> PUBLIC_PAGES = List.of("/", "/public/members.xhtml",
            "/public/territories.xhtml", "/public/projets.xhtml", "/public/labels.xhtml",
            "/public/verification.xhtml", "/public/campagnes.xhtml", "/public/themes.xhtml",
            "/public/explainers.xhtml", "/public/actualites.xhtml", "/public/accessibility.xhtml",
            "/public/open-data.xhtml", "/public/api.xhtml");
    static final int PROJECTS_PER_PART = 20_000;
    private static final int READ = 1_000;
    private static final long serialVersionUID = 1L;
    private static final Pattern PART = Pattern.compile("/projects-([1-9][0-9]{0,5})\\.xml");
    private static final List<String> LANGUAGES = List.of("fr", "en");

    @Inject
    private PageAddresses addresses;

    @EJB
    private ProjectSearch search;

    @EJB
    private Programmes programmes;

    @EJB
    private Themes themes;

    @EJB
    private PublishedContent published;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String part = request.getPathInfo();
        if ("/sitemap.xml".equals(request.getServletPath()) && part == null) {
            index(start(response));
            return;
        }
        if ("/pages.xml".equals(part)) {
            pages(start(response));
            return;
        }
        Matcher projects = part == null ? null : PART.matcher(part);
        if (projects != null && projects.matches()) {
            int number = Integer.parseInt(projects.group(1));
            long first = (long) (number - 1) * PROJECTS_PER_PART;
            if (number == 1 || first < search.count(ProjectQuery.all())) {
                projects(start(response), first);
                return;
            }
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private static PrintWriter start(HttpServletResponse response) throws IOException {
        response.setContentType("application/xml");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        return out;
    }

    private void index(PrintWriter out) {
        long projects = search.count(ProjectQuery.all());
        long parts = Math.max(1, (projects + PROJECTS_PER_PART - 1) / PROJECTS_PER_PART);
        out.println("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        out.println("<sitemap><loc>" + Markup.escape(addresses.in("/sitemap/pages.xml", null, null))
                + "</loc></sitemap>");
        for (long n = 1; n <= parts; n++) {
            out.println("<sitemap><loc>" + Markup.escape(addresses.in("/sitemap/projects-" + n + ".xml", null, null))
                    + "</loc></sitemap>");
        }
        out.println("</sitemapindex>");
    }

    private void pages(PrintWriter out) {
        urlset(out);
        for (String page : PUBLIC_PAGES) {
            url(out, page, null);
        }
        for (Theme theme : themes.all()) {
            url(out, "/public/theme.xhtml", "id=" + URLEncoder.encode(theme.code(), StandardCharsets.UTF_8));
        }
        for (ContentItem explainer : published.latest(ContentKind.EXPLAINER, PublishedContent.MAX_LIST)) {
            url(out, "/public/explainer.xhtml", "id=" + URLEncoder.encode(explainer.key(), StandardCharsets.UTF_8));
        }
        for (ContentItem news : published.latest(ContentKind.NEWS, PublishedContent.MAX_LIST)) {
            url(out, "/public/actualite.xhtml", "id=" + URLEncoder.encode(news.key(), StandardCharsets.UTF_8));
        }
        for (LabelProgramme programme : programmes.all()) {
            url(out, "/public/labels.xhtml", "programme=" + URLEncoder.encode(programme.code(),
                    StandardCharsets.UTF_8));
        }
        out.println("</urlset>");
    }

    private void projects(PrintWriter out, long first) {
        urlset(out);
        for (long at = first; at < first + PROJECTS_PER_PART; at += READ) {
            List<ProjectHit> hits = search.page(ProjectQuery.all(), at, READ);
            for (ProjectHit hit : hits) {
                url(out, "/public/projets/" + hit.path(), null);
            }
            if (hits.size() < READ) {
                break;
            }
        }
        out.println("</urlset>");
    }

    private static void urlset(PrintWriter out) {
        out.println("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                + "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">");
    }

    /** One address per language, each naming the others (Google's way of listing alternates). */
    private void url(PrintWriter out, String path, String query) {
        for (String language : LANGUAGES) {
            out.print("<url><loc>" + Markup.escape(addresses.in(path, query, language)) + "</loc>");
            for (String alternate : LANGUAGES) {
                out.print("<xhtml:link rel=\"alternate\" hreflang=\"" + alternate + "\" href=\""
                        + Markup.escape(addresses.in(path, query, alternate)) + "\"/>");
            }
            out.println("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\""
                    + Markup.escape(addresses.in(path, query, null)) + "\"/></url>");
        }
    }
}
