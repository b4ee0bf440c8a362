package fr.la27eregion.identity.control;

import jakarta.enterprise.context.RequestScoped;

import java.util.Objects;
import java.util.function.Function;

/**
 * The caller resolved for the current request, so a page or an API call that asks several boundaries reads the
 * account once. Kept with the principal's name it was resolved for: a request that signs in part-way (a login)
 * resolves again once the name changes. The request context is active in HTTP requests and, by the CDI
 * specification, in EJB timeouts and asynchronous calls too; {@link CallerScope} resolves on each call where it
 * is not.
 */
@RequestScoped
public class CallerOfRequest {

    private Caller resolved;

    Caller get(String username, Function<String, Caller> resolve) {
        if (resolved == null || !Objects.equals(resolved.username(), username)) {
            resolved = resolve.apply(username);
        }
        return resolved;
    }

    /** The caller a login check of this request resolved already. */
    void set(Caller caller) {
        resolved = caller;
    }
}
