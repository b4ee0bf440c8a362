package fr.la27eregion.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * Browser hardening on every response (headers only; authentication is Jakarta Security's). Pages rendered by
 * Faces get their Content-Security-Policy from PrimeFaces ({@code primefaces.CSP}), which adds a fresh script
 * nonce per response to the policy of {@code primefaces.CSP_POLICY}; every other response (API, resources,
 * error pages) gets the strict {@link #DEFAULT_POLICY}. A page's policy replaces the default, never adds to it:
 * two policies would both apply and the default one would block the page's scripts.
 */
@WebFilter(filterName = "SecurityHeaders", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    static final String CSP = "Content-Security-Policy";
    static final String DEFAULT_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/app/")) {
            // the intranet shows a signed-in person's records: no proxy or browser keeps a copy (a download may
            // say otherwise for itself)
            response.setHeader("Cache-Control", "private, no-store");
        }
        chain.doFilter(request, new PagePolicy(response));
    }

    /** Sets the headers; also called by the authentication mechanism when it answers before any filter runs. */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        response.setHeader(CSP, DEFAULT_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }

    /** Lets a page's own policy replace the default one instead of adding a second policy. */
    private static final class PagePolicy extends HttpServletResponseWrapper {

        PagePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
