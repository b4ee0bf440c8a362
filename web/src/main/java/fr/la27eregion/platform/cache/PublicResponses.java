package fr.la27eregion.platform.cache;

import fr.la27eregion.platform.web.Language;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The public pages ({@code /}, {@code /public/...}, {@code /sitemap.xml}, {@code /robots.txt}) and the public API's
 * answers ({@code GET /api/v1/...}) to anonymous readers: validated by {@code ETag}, kept by proxies for a short
 * while, and kept rendered by the application until the data they show changes.
 *
 * <ul>
 *     <li>The {@code ETag} is made of the public data's version ({@link PublicDataVersion}: the journal's head), the
 *     reader's language, the address with its query (and, for the API, the {@code Accept} headers) and this
 *     deployment's start: a request whose {@code If-None-Match} names it is answered 304 at once; a change of
 *     public data, of language or of the deployed application changes it.</li>
 *     <li>{@code Cache-Control: public, max-age=N, must-revalidate} ({@code public.cache.max-age-seconds}) and
 *     {@code Vary: Cookie} (the language cookie; {@code Accept, Accept-Language} for the API). A signed-in reader
 *     (an HTTP session, or a caller authenticated by a token) gets {@code private, no-store} and nothing cached.</li>
 *     <li>The application keeps each rendered answer (status 200, no session opened, no cookie but the language's,
 *     at most {@link #MAX_BODY} bytes, a page that did not ask not to be kept with {@link #doNotKeep}) under its key,
 *     with the data version it was rendered at; it is served again only while that version holds, so a change is
 *     never shown stale. At most {@code public.cache.entries} answers and {@code public.cache.max-megabytes} are
 *     kept (the oldest versions dropped first).</li>
 * </ul>
 * A kept page is served with the Content-Security-Policy it was rendered with (its script nonce included): the
 * nonce is then shared by identical bytes only, and any change of the page's data renders it again with a new one.
 */
public class PublicResponses extends HttpFilter {

    /** The request attribute by which a view says its answer depends on more than its address and data. */
    public static final String DO_NOT_KEEP = PublicResponses.class.getName() + ".doNotKeep";
    /** The largest answer kept; a larger one is streamed as it comes. */
    static final int MAX_BODY = 1 << 20;
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PublicResponses.class.getName());
    /** Headers of a kept answer that belong to its own request, never replayed. */
    static final Set<String> OWN_HEADERS = Set.of("set-cookie", "x-request-id", "etag", "cache-control",
            "vary", "content-length", "date");
    /** Distinguishes this deployment's answers from a previous one's (new templates, same data). */
    static final String DEPLOYMENT = Long.toString(System.currentTimeMillis(), 36);

    /** An answer as rendered: what is replayed from the application's cache. */
    record Kept(long version, String etag, String contentType, List<Map.Entry<String, String>> headers,
                byte[] body) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /** How many answers are kept, and their bytes (tests). */
    synchronized long[] keptSize() {
        return new long[]{kept.size(), keptBytes};
    }

    @Inject
    private PublicDataVersion dataVersion;

    @Inject
    @ConfigProperty(name = "public.cache.max-age-seconds", defaultValue = "10")
    int maxAgeSeconds;

    @Inject
    @ConfigProperty(name = "public.cache.entries", defaultValue = "2000")
    int maxEntries;

    @Inject
    @ConfigProperty(name = "public.cache.max-megabytes", defaultValue = "64")
    int maxMegabytes;

    /** The bytes of the answers kept: bounded by {@code public.cache.max-megabytes}, whatever the addresses asked. */
    private long keptBytes;

    /** Asks that this request's answer be neither kept nor cached (it depends on the client, or on the clock). */
    public static void doNotKeep(HttpServletRequest request) {
        request.setAttribute(DO_NOT_KEEP, Boolean.TRUE);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getSession(false) != null || request.getUserPrincipal() != null) {
            response.setHeader("Cache-Control", "private, no-store");
            chain.doFilter(request, response);
            return;
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        String language = Language.of(request, null).getLanguage();
        String key = key(request, api, language);
        OptionalLong known = versionOrPassOn(dataVersion, request, response, chain);
        if (known.isEmpty()) {
            return;
        }
        long version = known.getAsLong();
        String etag = "\"" + Long.toString(version, 36) + "-" + language + "-" + DEPLOYMENT + "-" + digest(key) + "\"";
        if (matches(request.getHeader("If-None-Match"), etag)) {
            describe(response, etag, api);
            Language.of(request, response);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Kept answer = kept.get(key);
        if (answer != null && answer.version() == version) {
            replay(request, response, answer, api);
            return;
        }
        Capture capture = new Capture(response, MAX_BODY);
        chain.doFilter(request, capture);
        if (capture.spilled() || request.isAsyncStarted()) {
            capture.finish();
            return;
        }
        boolean keepable = capture.getStatus() == HttpServletResponse.SC_OK
                && request.getAttribute(DO_NOT_KEEP) == null && !capture.hasOwnValidator()
                && !capture.setOtherCookie() && request.getSession(false) == null;
        if (keepable) {
            byte[] body = capture.body();
            describe(response, etag, api);
            response.setContentLength(body.length);
            store(key, new Kept(version, etag, capture.getContentType(), capture.headers(), body));
        } else if (request.getAttribute(DO_NOT_KEEP) != null && !capture.isCommitted()) {
            response.setHeader("Cache-Control", "no-store");
        }
        capture.finish();
    }

    /**
     * The public data's version; when it cannot be read (the database is away), the request is passed on, marked
     * {@code no-store}, and nothing is returned: no version to tell, nothing kept, and the application answers as it
     * does then (a 503 problem, or the page that asks to try again), never a filter's 500.
     */
    static OptionalLong versionOrPassOn(PublicDataVersion dataVersion, HttpServletRequest request,
                                        HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            return OptionalLong.of(dataVersion.current());
        } catch (RuntimeException unreadable) {
            LOG.fine(() -> "Public answers: no data version (" + unreadable + "); not cached");
            response.setHeader("Cache-Control", "no-store");
            chain.doFilter(request, response);
            return OptionalLong.empty();
        }
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, Kept answer, boolean api)
            throws IOException {
        Language.of(request, response);
        for (Map.Entry<String, String> header : answer.headers()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        describe(response, answer.etag(), api);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private void describe(HttpServletResponse response, String etag, boolean api) {
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=" + maxAgeSeconds + ", must-revalidate");
        response.setHeader("Vary", api ? "Accept, Accept-Language, Cookie" : "Cookie");
    }

    /**
     * Keeps an answer, within both bounds: {@code public.cache.entries} answers and {@code public.cache.max-megabytes}
     * in all (addresses with made-up queries must not fill the heap). Answers of older versions go first; when the
     * bounds are still reached, the new answer is not kept.
     */
    synchronized void store(String key, Kept answer) {
        long maxBytes = Math.max(0, maxMegabytes) * 1024L * 1024L;
        if (maxEntries <= 0 || answer.body().length > maxBytes) {
            return;
        }
        if (kept.size() >= maxEntries || keptBytes + answer.body().length > maxBytes) {
            kept.values().removeIf(old -> {
                boolean older = old.version() < answer.version();
                if (older) {
                    keptBytes -= old.body().length;
                }
                return older;
            });
            if (kept.size() >= maxEntries || keptBytes + answer.body().length > maxBytes) {
                LOG.fine(() -> "Public answers: " + kept.size() + " kept (" + keptBytes + " bytes), none of an older"
                        + " version; not keeping " + key);
                return;
            }
        }
        Kept replaced = kept.put(key, answer);
        keptBytes += answer.body().length - (replaced == null ? 0 : replaced.body().length);
    }

    /** What makes two answers the same: the address and its query, the language, and the API's Accept headers. */
    private static String key(HttpServletRequest request, boolean api, String language) {
        StringBuilder key = new StringBuilder(request.getRequestURI());
        if (request.getQueryString() != null) {
            key.append('?').append(request.getQueryString());
        }
        key.append('|').append(language);
        if (api) {
            key.append('|').append(request.getHeader("Accept")).append('|')
                    .append(request.getHeader("Accept-Language"));
        }
        return key.toString();
    }

    static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an {@code If-None-Match} names this tag (weakly compared, RFC 9110 §13.1.2) or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String given : ifNoneMatch.split(",")) {
            String tag = given.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
