package fr.la27eregion.opendata.web;

import fr.la27eregion.opendata.boundary.Dataset;
import fr.la27eregion.opendata.boundary.OpenData;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The open data files, generated from the current data at each request:
 * <ul>
 *     <li>{@code /opendata/catalog.jsonld}: the DCAT-AP catalogue;</li>
 *     <li>{@code /opendata/{dataset}.csv}, {@code .json}: the dataset ({@code members}, {@code projects},
 *     {@code labels});</li>
 *     <li>{@code /opendata/{dataset}.schema.json}: the JSON Schema of its JSON.</li>
 * </ul>
 * The JSON and the schema are in French, or in English with {@code ?lang=en} (the data are the same). Each answer
 * carries {@code Last-Modified}, the instant its data last changed, and honours {@code If-Modified-Since}; the
 * licence is linked from every one ({@code Link: rel="license"}). No HTTP session is opened.
 */
@WebServlet(urlPatterns = "/opendata/*")
public class OpenDataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern FILE = Pattern.compile("/([a-z]+)\\.(csv|json|schema\\.json)");

    @Inject
    private transient OpenData openData;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String site = site(request);
        Locale locale = OpenDataTexts.language(request.getParameter("lang"));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.addHeader("Link", "<" + OpenDataTexts.LICENCE_URL + ">; rel=\"license\"");
        if ("/catalog.jsonld".equals(path)) {
            Map<Dataset, Instant> modified = new EnumMap<>(Dataset.class);
            for (Dataset dataset : Dataset.values()) {
                modified.put(dataset, openData.modified(dataset));
            }
            if (fresh(request, response, modified.values().stream().max(Instant::compareTo).orElseThrow())) {
                return;
            }
            response.setContentType("application/ld+json");
            try (JsonGenerator json = DatasetFiles.generator(response.getWriter())) {
                Catalogue.write(json, site, modified);
            }
            return;
        }
        Matcher file = FILE.matcher(path);
        Dataset dataset = file.matches() ? Dataset.bySlug(file.group(1)) : null;
        if (dataset == null) {
            notFound(response, path);
            return;
        }
        String kind = file.group(2);
        if ("schema.json".equals(kind)) {
            response.setContentType("application/schema+json");
            try (JsonGenerator json = DatasetFiles.generator(response.getWriter())) {
                DatasetFiles.schema(dataset, json, site, locale);
            }
            return;
        }
        Instant modified = openData.modified(dataset);
        if (fresh(request, response, modified)) {
            return;
        }
        response.setHeader("Content-Disposition", "inline; filename=\"" + dataset.slug() + "." + kind + "\"");
        Writer out = response.getWriter();
        if ("csv".equals(kind)) {
            response.setContentType("text/csv; header=present");
            Consumer<List<Object>> rows = DatasetFiles.csv(dataset, out, site);
            openData.read(dataset, rows);
            out.flush();
            return;
        }
        response.setContentType("application/json");
        response.addHeader("Link", "<" + site + "/opendata/" + dataset.slug() + ".schema.json>; rel=\"describedby\"");
        try (JsonGenerator json = DatasetFiles.generator(out)) {
            openData.read(dataset, DatasetFiles.json(dataset, json, site, modified, locale));
            DatasetFiles.endJson(json);
        }
    }

    /** Sets {@code Last-Modified}; true (and a 304 sent) when the reader's copy is as recent. */
    static boolean fresh(HttpServletRequest request, HttpServletResponse response, Instant modified) {
        long seconds = modified.truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        response.setDateHeader("Last-Modified", seconds);
        long since;
        try {
            since = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        if (since >= 0 && seconds <= since) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    static void notFound(HttpServletResponse response, String path) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/problem+json");
        try (JsonGenerator json = DatasetFiles.generator(response.getWriter())) {
            json.writeStartObject().write("type", "about:blank").write("title", "Not Found").write("status", 404)
                    .write("detail", "No open data file " + path + ": see the catalogue at /opendata/catalog.jsonld")
                    .writeEnd();
        }
    }

    /** The public site's address: scheme, host, port and context path, without a final slash. */
    static String site(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }
}
