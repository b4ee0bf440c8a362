package fr.la27eregion.platform.api;

import fr.la27eregion.platform.Jsons;
import fr.la27eregion.platform.health.DatabaseOutage;
import fr.la27eregion.identity.security.PlatformAuthentication;
import fr.la27eregion.platform.limits.LimitReached;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.platform.web.RequestIds;
import jakarta.ejb.EJBAccessException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure of the API into a problem detail, so no client ever receives a stack trace. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    /** A failure a resource chose to report: its status and detail go to the client as they are. */
    @Provider
    public static class Reported implements ExceptionMapper<ProblemException> {

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(ProblemException problem) {
            return reported(problem, request);
        }

        static Response reported(ProblemException problem, HttpServletRequest request) {
            return Problem.response(problem.status().getStatusCode(), problem.title(), problem.getMessage(),
                    RequestIds.of(request), problem.field().map(field -> Jsons.createObjectBuilder().add("field", field))
                            .orElse(null));
        }
    }

    /** A failure found by JAX-RS itself: unknown path (404), wrong method (405), unreadable body (400)... */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(WebApplicationException failure) {
            Response.StatusType status = failure.getResponse().getStatusInfo();
            if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
                return Unexpected.log(failure, request);
            }
            if (failure.getCause() instanceof NoContentException) {
                return Problem.response(400, "Invalid request", "This request needs a JSON body.",
                        RequestIds.of(request), null);
            }
            if (failure.getCause() instanceof JsonbException || failure.getCause() instanceof JsonException) {
                return unreadable(failure.getCause(), request);
            }
            if (status.getStatusCode() == Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode()) {
                return Problem.response(status.getStatusCode(), status.getReasonPhrase(),
                        "The API reads bodies of type application/json.", RequestIds.of(request), null);
            }
            return Problem.response(status.getStatusCode(), status.getReasonPhrase(), null,
                    RequestIds.of(request), null);
        }
    }

    /**
     * A boundary refused the caller ({@code @RolesAllowed}): 401 when nobody is logged in (an account may be
     * allowed), 403 when the caller's roles do not allow it.
     */
    @Provider
    public static class Refused implements ExceptionMapper<EJBAccessException> {

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(EJBAccessException refused) {
            if (request.getUserPrincipal() == null) {
                // a 401 always says how to authenticate, whether the mechanism or a boundary refused
                Response.ResponseBuilder unauthorized = Response.fromResponse(Problem.response(
                        Response.Status.UNAUTHORIZED, "Unauthorized",
                        PlatformAuthentication.needsAnAccount("operation"), RequestIds.of(request)));
                PlatformAuthentication.challenges().forEach(c -> unauthorized.header("WWW-Authenticate", c));
                return unauthorized.build();
            }
            return Problem.response(Response.Status.FORBIDDEN, "Forbidden",
                    "Your roles do not allow this operation.", RequestIds.of(request));
        }
    }

    /**
     * A rule of the domain or a wrong field refused the change (422). Beside the English detail, the problem names
     * the input at fault ({@code field}: {@code siret}, {@code contacts[0].email}, {@code reason}), the rule's
     * message key ({@code rule}: {@code membership.siret.WRONG_KEY}) and its arguments, so a client can show the
     * message in its reader's language beside the right field.
     */
    @Provider
    public static class RuleRefused implements ExceptionMapper<RuleViolation> {

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(RuleViolation violation) {
            return refused(violation, 422, "Rule not satisfied", RequestIds.of(request));
        }

        /** The same problem with another status and title (an upload too large is a 413, of a refused type a 415). */
        public static Response refused(RuleViolation violation, int status, String title, String requestId) {
            JsonObjectBuilder members = Jsons.createObjectBuilder();
            violation.field().ifPresent(field -> members.add("field", field));
            members.add("rule", violation.key());
            JsonArrayBuilder arguments = Jsons.createArrayBuilder();
            violation.arguments().forEach(argument -> arguments.add(String.valueOf(argument)));
            members.add("arguments", arguments);
            return Problem.response(status, title, violation.getMessage(), requestId, members);
        }
    }

    /** The caller's roles allow the use case but not on this record: another organisation's (403). */
    @Provider
    public static class RecordRefused implements ExceptionMapper<AccessRefused> {

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(AccessRefused refused) {
            return Problem.response(Response.Status.FORBIDDEN, "Forbidden", refused.getMessage(),
                    RequestIds.of(request));
        }
    }

    /** The record asked for does not exist (404). */
    @Provider
    public static class NotFound implements ExceptionMapper<RecordNotFound> {

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(RecordNotFound missing) {
            return Problem.response(Response.Status.NOT_FOUND, "Not found", missing.getMessage(),
                    RequestIds.of(request));
        }
    }

    /** Someone else changed the record since the caller read it: nothing was changed, reload and retry (409). */
    @Provider
    public static class Stale implements ExceptionMapper<StaleRecord> {

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(StaleRecord stale) {
            return stale(stale, request);
        }

        /** The 409 of every stale write: the boundary's own words when it said it, a general one otherwise. */
        static Response stale(Throwable failure, HttpServletRequest request) {
            String detail = failure instanceof StaleRecord said ? said.getMessage()
                    : "This record was changed by someone else meanwhile: nothing was changed. Reload it and try again.";
            return Problem.response(Response.Status.CONFLICT, "Conflict", detail, RequestIds.of(request));
        }
    }

    /**
     * A stale write found by the persistence provider rather than by a boundary (the version checked at a flush).
     * Wrapped by the container ({@code EJBTransactionRolledbackException}, {@code RollbackException} at commit), it
     * reaches {@link Unexpected}, which answers the same 409.
     */
    @Provider
    public static class StaleWrite implements ExceptionMapper<OptimisticLockException> {

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(OptimisticLockException stale) {
            return Stale.stale(stale, request);
        }
    }

    /** The client used up its allowance ({@code platform.limits}): 429, and when to try again (RFC 6585). */
    @Provider
    public static class Limited implements ExceptionMapper<LimitReached> {

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(LimitReached limited) {
            return Response.fromResponse(Problem.response(Response.Status.TOO_MANY_REQUESTS, "Too many requests",
                    limited.getMessage(), RequestIds.of(request)))
                    .header("Retry-After", limited.retryAfterSeconds()).build();
        }
    }

    /**
     * A request body JAX-RS could not turn into the resource's parameter. Jersey wraps JSON-B's failure in a
     * {@link ProcessingException}, which is otherwise a server failure: the client's malformed JSON is a 400, and
     * a body that went over {@link BodyLimit} on its way in is a 413; anything else stays a 500.
     */
    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(ProcessingException failure) {
            for (Throwable cause = failure; cause != null;
                 cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof ProblemException problem) {
                    return Reported.reported(problem, request);
                }
                if (cause instanceof JsonbException || cause instanceof JsonException) {
                    return unreadable(cause, request);
                }
            }
            return Unexpected.log(failure, request);
        }
    }

    /** JSON-P's failure to parse a body (a syntax error), when it reaches the resource unwrapped. */
    @Provider
    public static class Malformed implements ExceptionMapper<JsonException> {

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(JsonException failure) {
            return unreadable(failure, request);
        }
    }

    /** JSON-B's failure to bind a body to the expected shape (a number where a text is expected...). */
    @Provider
    public static class Unbindable implements ExceptionMapper<JsonbException> {

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(JsonbException failure) {
            return unreadable(failure, request);
        }
    }

    /**
     * A 400 for a body that is not JSON of the expected shape, quoting the parser's first line (where the syntax
     * breaks, which property has the wrong type), with the types named as the OpenAPI schemas name them.
     */
    static Response unreadable(Throwable failure, HttpServletRequest request) {
        String said = failure.getMessage() == null ? "" : failure.getMessage().lines().findFirst().orElse("")
                .replaceFirst("^Internal error: ", "").replaceFirst("^null$", "")
                .replaceAll("(?:class|interface) (?:[\\w$]+\\.)*([\\w$]+?)(?:Json)?\\b", "$1").strip();
        if (said.length() > 300) {
            said = said.substring(0, 300) + "…";
        }
        return Problem.response(400, "Invalid request", "The request body is not JSON of the expected shape"
                + (said.isEmpty() ? "" : ": " + said) + " (the schema of each body is at /openapi).",
                RequestIds.of(request), null);
    }

    /** Anything else is a defect: logged with the request id, answered with a 500 that reveals nothing. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {

        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(Throwable failure) {
            return log(failure, request);
        }

        static Response log(Throwable failure, HttpServletRequest request) {
            String id = RequestIds.of(request);
            if (StaleRecord.isStale(failure)) {
                return Stale.stale(failure, request);
            }
            if (DatabaseOutage.explainedBy(failure)) {
                LOG.warning(() -> "Request " + id + ": the database is unavailable (" + request.getRequestURI() + ")");
                return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                                "Service unavailable", DatabaseOutage.PROBLEM_DETAIL, id))
                        .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
            }
            LOG.log(Level.SEVERE, failure, () -> "Request " + id + " failed: " + request.getMethod() + " "
                    + request.getRequestURI());
            return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "Internal error",
                    "The request could not be completed. Quote the request id " + id + " to the support.", id);
        }
    }
}
