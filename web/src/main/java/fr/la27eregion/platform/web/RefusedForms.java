package fr.la27eregion.platform.web;

import fr.la27eregion.identity.security.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.primefaces.csp.CspException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Forms posted without the script nonce of the page they came from, refused with a 400 that says so before anything
 * runs. PrimeFaces' Content-Security-Policy support ({@code primefaces.CSP}) puts the page's nonce into every form
 * with the page's script, and checks it when the answer is rendered: a form posted without it (a browser without
 * JavaScript, a script posting the form's fields, a copy of the form on another site) failed there with "CSP nonce
 * mismatch", a 500 whose own error page failed in turn, and only <em>after</em> the form's action had run. This
 * filter refuses such a post first, so nothing is applied: a full (not ajax) postback of a view kept on the server
 * (its {@code jakarta.faces.ViewState} is not {@code stateless}: PrimeFaces checks no nonce for transient views)
 * that carries no {@code primefaces.nonce}. Ajax requests carry no nonce and are not checked by PrimeFaces either.
 *
 * <p>A nonce that is there but not the page's (a form altered by hand) is still refused by PrimeFaces at rendering;
 * {@link RequestIds} answers that failure with the same page instead of a 500 ({@link #explain}, {@link #answer}).
 * The page is plain HTML ({@code WEB-INF/errorpages/refused-form.html}), French then English: a Faces page rendered
 * in the same request would be refused in turn, for the same missing nonce.
 */
@WebFilter(filterName = "RefusedForms", servletNames = "Faces Servlet")
public class RefusedForms extends HttpFilter {

    static final String PAGE = "/WEB-INF/errorpages/refused-form.html";
    static final String NONCE = "primefaces.nonce";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RefusedForms.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (withoutItsNonce(request)) {
            // FINE: anyone may post such forms, as often as they like; they should not fill the log
            LOG.fine(() -> "Request " + RequestIds.of(request) + ": a form posted without its page's script nonce "
                    + "was refused before its action (" + request.getRequestURI() + ")");
            answer(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean withoutItsNonce(HttpServletRequest request) throws IOException {
        if (!"POST".equals(request.getMethod()) || "partial/ajax".equals(request.getHeader("Faces-Request"))) {
            return false;
        }
        if (request.getCharacterEncoding() == null) {
            // the parameters are read here before Faces sets the pages' encoding: the same, UTF-8
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        String state = request.getParameter("jakarta.faces.ViewState");
        String nonce = request.getParameter(NONCE);
        return state != null && !"stateless".equals(state) && !"true".equals(request.getParameter(
                "jakarta.faces.partial.ajax")) && (nonce == null || nonce.isBlank());
    }

    /** Whether this failure is PrimeFaces refusing, at rendering, a form whose nonce is not its page's. */
    static boolean explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CspException) {
                return true;
            }
        }
        return false;
    }

    /** Answers 400 with the refusal's page, in place of whatever the response held. */
    static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page;
        try (InputStream in = request.getServletContext().getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IOException("Missing " + PAGE);
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // a policy PrimeFaces may have set for the page it was rendering gives way to the one of pages without scripts
        SecurityHeaders.apply(request, response);
        response.getWriter().write(page.replace("{{context}}", Markup.escape(request.getContextPath()))
                .replace("{{page}}", Markup.escape(request.getRequestURI())));
    }
}
