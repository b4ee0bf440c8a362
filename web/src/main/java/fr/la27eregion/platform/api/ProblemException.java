package fr.la27eregion.platform.api;

import jakarta.ws.rs.core.Response;

/** Thrown by a resource to answer with a problem detail: the status says the kind, the detail the cause. */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Response.Status status;
    private final String title;

    public ProblemException(Response.Status status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, "Not found", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, "Invalid request", detail);
    }

    public Response.Status status() {
        return status;
    }

    public String title() {
        return title;
    }
}
