package fr.la27eregion.platform.request;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * The id of the HTTP request being served (the one in the {@code X-Request-Id} header, the error page and the
 * log), so that a journal entry can be tied to the request that caused it.
 *
 * <p>Why a request-scoped bean and not a thread-local: the web module's {@code RequestIds} filter sets it once
 * per request, the CDI request context carries it to the EJBs called on that request, and it disappears with
 * the request; nothing can leak to the next request served by the same thread. Outside an HTTP request (a timer,
 * a thread of the server's executor) there is no id.
 */
@RequestScoped
public class CurrentRequest {

    private String id;

    /** Called by the web module's filter, first thing in each request. */
    public void identify(String requestId) {
        this.id = requestId;
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /**
     * The id of the request that {@code current} belongs to, or empty when no request is being served (no
     * request context: a timer, a managed thread).
     */
    public static Optional<String> of(CurrentRequest current) {
        try {
            return current.id();
        } catch (ContextNotActiveException outsideARequest) {
            return Optional.empty();
        }
    }
}
