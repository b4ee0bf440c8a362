package fr.la27eregion.platform.api;

import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Thrown by a resource to answer with a problem detail: the status says the kind, the detail the cause, and the
 * field, when there is one, names the input at fault (a {@code field} member of the problem, as for the rules).
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Response.Status status;
    private final String title;
    private final String field;

    public ProblemException(Response.Status status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ProblemException(Response.Status status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, "Not found", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, "Invalid request", detail);
    }

    /** A 400 about one input: its value cannot be understood at all (not a rule of the domain: that is a 422). */
    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, "Invalid request", detail, field);
    }

    /**
     * A query parameter that must be a whole number from {@code min} to {@code max}: the number, or a 400 naming
     * the parameter and the range.
     */
    public static long number(String name, String value, long min, long max) {
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw badRequest(name, "The " + name + " must be a number from " + min + " to " + max + ".");
    }

    public Response.Status status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
