package fr.la27eregion.platform.cache;

import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.limits.ClientLimits;
import fr.la27eregion.platform.limits.LimitReached;
import fr.la27eregion.platform.limits.LimitSettings;
import fr.la27eregion.platform.web.RequestIds;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The limit per client address on the public API, the open data files and the feeds ({@code /api/v1/*},
 * {@code /opendata/*}, {@code /feeds/*}, one count for all; {@code limits.public-api.per-minute} and {@code .burst}):
 * an anonymous request past it is answered 429, a problem detail with {@code Retry-After}, before anything else is
 * done. Calls of an authenticated caller (a token, HTTP Basic or an intranet session: the authentication mechanism
 * ran before any filter) are not counted. Counted by {@link ClientLimits}, one Bucket4j bucket per address, which
 * also knows the trusted proxies and the exempt addresses. Mapped in {@code web.xml}, before
 * {@link PublicResponses}, so that an answer from the cache is counted too.
 */
public class PublicApiLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private ClientLimits limits;

    @Inject
    private LimitSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null) {
            try {
                limits.take(settings.publicApi(), limits.clientAddress(request));
            } catch (LimitReached limited) {
                refuse(request, response, limited);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, LimitReached limited)
            throws IOException {
        long seconds = limited.retryAfterSeconds();
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problem.body(429, "Too many requests", "Too many requests to the public API, open "
                + "data or feeds from your address: try again in " + seconds + " seconds.",
                RequestIds.assign(request, response), null).toString());
    }
}
