package fr.la27eregion.platform.web;

import fr.la27eregion.platform.health.DatabaseOutage;
import fr.la27eregion.platform.request.CurrentRequest;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Gives every request an id, shown to the person on an error page and written in the log beside the stack
 * trace, so support can find what went wrong from what the person reports. A well-formed {@code X-Request-Id}
 * set by a load balancer is kept, so one id follows the request across the installation. The id is also given
 * to {@link CurrentRequest}, which carries it to the EJBs (the journal records it beside each entry). A request
 * that failed for want of the database is the page that asks to try again (503), and the outage is known from then
 * on ({@link DatabaseOutage}); a form whose script nonce PrimeFaces refused when rendering the answer is told so
 * with a 400 ({@link RefusedForms}).
 */
@WebFilter(filterName = "RequestIds", urlPatterns = "/*", asyncSupported = true)
public class RequestIds extends HttpFilter {

    public static final String ATTRIBUTE = "requestId";
    public static final String HEADER = "X-Request-Id";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RequestIds.class.getName());
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private CurrentRequest current;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = assign(request, response);
        current.identify(id);
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            String logged = id;
            if (DatabaseOutage.explainedBy(failure) && !response.isCommitted()) {
                LOG.warning(() -> "Request " + logged + ": the database is unavailable (" + request.getRequestURI()
                        + ")");
                response.resetBuffer();
                response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
            if (RefusedForms.explain(failure) && !response.isCommitted()) {
                LOG.fine(() -> "Request " + logged + ": a form whose script nonce is not its page's was refused ("
                        + request.getRequestURI() + ")");
                RefusedForms.answer(request, response);
                return;
            }
            LOG.log(Level.SEVERE, failure, () -> "Request " + logged + " failed: " + request.getMethod() + " "
                    + request.getRequestURI());
            throw failure;
        }
    }

    /**
     * Gives the request its id if it has none yet, and returns it. Authentication runs before any filter, so the
     * mechanism calls this too when it answers a request itself (a 401 problem detail).
     */
    public static String assign(HttpServletRequest request, HttpServletResponse response) {
        String id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            String given = request.getHeader(HEADER);
            id = given != null && ACCEPTED.matcher(given).matches() ? given : newId();
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(HEADER, id);
        }
        return id;
    }

    /** The id of the current request, for code that runs inside it. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
