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
    private String clientAddress;

    /** Called by the web module's filter, first thing in each request. */
    public void identify(String requestId) {
        this.id = requestId;
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /**
     * Called by the web module's authentication with the address the request came from (the client's, or the one
     * a trusted proxy forwarded), for what is counted per client address: refused logins.
     */
    public void comesFrom(String address) {
        this.clientAddress = address;
    }

    public Optional<String> clientAddress() {
        return Optional.ofNullable(clientAddress);
    }

    /** The client address of the request being served, empty outside a request or before it is known. */
    public static Optional<String> clientAddressOf(CurrentRequest current) {
        try {
            return current.clientAddress();
        } catch (ContextNotActiveException outsideARequest) {
            return Optional.empty();
        }
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
