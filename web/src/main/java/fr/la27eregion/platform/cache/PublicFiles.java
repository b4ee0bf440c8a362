package fr.la27eregion.platform.cache;

import fr.la27eregion.platform.web.RequestIds;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The open data files ({@code /opendata/...}) and the news feed ({@code /feeds/...}): generated once per version of
 * the public data ({@link PublicDataVersion}, the journal's head), then served from that copy until the data changes.
 *
 * <ul>
 *     <li>The {@code ETag} is made of the data version, the file and its language ({@code ?lang=}, the only parameter
 *     these files read) and this deployment: {@code If-None-Match} naming it is a 304 at once; {@code Cache-Control:
 *     public, max-age=N, must-revalidate} ({@code public.cache.max-age-seconds}), as for the public pages.</li>
 *     <li>A file is generated into a temporary file of its own (the projects' files may be large: they are never held
 *     in memory), by one request at a time; the others asking for it meanwhile wait for it, then all are served the
 *     same bytes. At most one copy per file and language is kept: the copy of an older version is deleted when the
 *     new one is made. The files and languages are few (the catalogue, three datasets in three forms, the feed), so
 *     the copies are too.</li>
 *     <li>What the file says of its own date (its {@code Last-Modified}, the {@code modified} of the JSON and the
 *     catalogue's {@code dct:modified}) is computed when it is generated, from the data of that version: it stays
 *     true as long as the copy is served, since any journaled change makes a new one. {@code If-Modified-Since} is
 *     answered from the copy's {@code Last-Modified}.</li>
 *     <li>Answers that are not 200 (an unknown file) are sent as generated, kept nowhere.</li>
 * </ul>
 * Anyone may read these files, signed in or not: the same copy serves all. Mapped in {@code web.xml} after
 * {@link PublicApiLimit}, which limits them per client address like the public API.
 */
public class PublicFiles extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PublicFiles.class.getName());

    /** A generated file: its data version, validator, status line's headers, and where its bytes are. */
    record Copy(long version, String etag, String contentType, List<Map.Entry<String, String>> headers, Path body,
                long lastModified) {
    }

    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    /**
     * Who generates a file: one of a fixed set of locks by the file's key, so that addresses made up at will (an
     * unknown file is a 404, generated each time) add no lock of their own.
     */
    private final Object[] generating = new Object[64];

    {
        java.util.Arrays.setAll(generating, i -> new Object());
    }
    private Path folder;

    @Inject
    private PublicDataVersion dataVersion;

    @Inject
    @ConfigProperty(name = "public.cache.max-age-seconds", defaultValue = "10")
    int maxAgeSeconds;

    @Override
    public void init() throws ServletException {
        try {
            folder = Files.createTempDirectory("platform-public-files");
        } catch (IOException unwritable) {
            throw new ServletException("No temporary folder for the open data's copies", unwritable);
        }
    }

    @Override
    public void destroy() {
        copies.values().forEach(copy -> delete(copy.body()));
        delete(folder);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        OptionalLong known = PublicResponses.versionOrPassOn(dataVersion, request, response, chain);
        if (known.isEmpty()) {
            return;
        }
        long version = known.getAsLong();
        // the decoded path, without path parameters (";x=1" would otherwise make copies at will), and the language
        String key = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()) + "|"
                + ("en".equals(request.getParameter("lang")) ? "en" : "fr");
        String etag = "\"" + Long.toString(version, 36) + "-" + PublicResponses.DEPLOYMENT + "-"
                + PublicResponses.digest(key) + "\"";
        if (PublicResponses.matches(request.getHeader("If-None-Match"), etag)) {
            describe(response, etag);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Copy copy = copies.get(key);
        if (copy == null || copy.version() != version) {
            synchronized (generating[Math.floorMod(key.hashCode(), generating.length)]) {
                copy = copies.get(key);
                if (copy == null || copy.version() != version) {
                    copy = generate(request, response, chain, key, version, etag);
                    if (copy == null) {
                        return;
                    }
                }
            }
        }
        serve(request, response, copy);
    }

    /** Generates the file into a temporary file; kept (and returned) when it is a 200, else sent as it is. */
    private Copy generate(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String key,
                          long version, String etag) throws IOException, ServletException {
        Path body = Files.createTempFile(folder, "file-", ".part");
        FileCapture capture;
        try (OutputStream out = Files.newOutputStream(body)) {
            capture = new FileCapture(response, out);
            // the copy is for every reader: generated whatever this one's validators say
            chain.doFilter(new WithoutValidators(request), capture);
            capture.close();
        } catch (IOException | ServletException | RuntimeException failed) {
            delete(body);
            throw failed;
        }
        if (capture.status() != HttpServletResponse.SC_OK) {
            capture.applyTo(response);
            response.setStatus(capture.status());
            response.setHeader("Cache-Control", "no-store");
            Files.copy(body, response.getOutputStream());
            delete(body);
            return null;
        }
        Copy made = new Copy(version, etag, capture.getContentType(), capture.recorded(), body,
                capture.lastModified());
        Copy replaced = copies.put(key, made);
        if (replaced != null) {
            delete(replaced.body());
        }
        LOG.fine(() -> "Public files: " + key + " generated at version " + version + " (" + size(body) + " bytes)");
        return made;
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, Copy copy) throws IOException {
        copy.headers().forEach(header -> response.addHeader(header.getKey(), header.getValue()));
        describe(response, copy.etag());
        if (copy.lastModified() >= 0) {
            response.setDateHeader("Last-Modified", copy.lastModified());
            long since = ifModifiedSince(request);
            if (since >= 0 && copy.lastModified() / 1000 <= since / 1000) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        if (copy.contentType() != null) {
            response.setContentType(copy.contentType());
        }
        try (InputStream in = Files.newInputStream(copy.body())) {
            // opened first: a newer copy replacing this one now deletes its name, not what is being read
            response.setContentLengthLong(Files.size(copy.body()));
            in.transferTo(response.getOutputStream());
        } catch (NoSuchFileException replacedMeanwhile) {
            // a newer version's copy replaced this one before it was opened: the reader asks again
            LOG.fine(() -> "Public files: " + copy.body() + " replaced (" + RequestIds.of(request) + ")");
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader("Retry-After", "1");
            }
        }
    }

    private void describe(HttpServletResponse response, String etag) {
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=" + maxAgeSeconds + ", must-revalidate");
    }

    private static long ifModifiedSince(HttpServletRequest request) {
        try {
            return request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException unreadable) {
            return -1;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return -1;
        }
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException stays) {
            LOG.fine(() -> "Public files: " + file + " not deleted (" + stays + ")");
        }
    }

    /** The request without its conditional headers: the file is generated whole, for every reader. */
    private static final class WithoutValidators extends HttpServletRequestWrapper {

        private static final List<String> CONDITIONS = List.of("if-modified-since", "if-none-match");

        WithoutValidators(HttpServletRequest request) {
            super(request);
        }

        private static boolean condition(String name) {
            return CONDITIONS.contains(name.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public String getHeader(String name) {
            return condition(name) ? null : super.getHeader(name);
        }

        @Override
        public long getDateHeader(String name) {
            return condition(name) ? -1 : super.getDateHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return condition(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }
    }
}
