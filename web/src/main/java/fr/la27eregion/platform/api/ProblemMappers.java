package fr.la27eregion.platform.api;

import fr.la27eregion.platform.web.RequestIds;
import fr.la27eregion.identity.entity.AccountRuleViolation;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.sql.SQLException;
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
            return Problem.response(problem.status(), problem.title(), problem.getMessage(), RequestIds.of(request));
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
                return Problem.response(Response.Status.UNAUTHORIZED, "Unauthorized",
                        "This operation needs an account: send HTTP Basic credentials.", RequestIds.of(request));
            }
            return Problem.response(Response.Status.FORBIDDEN, "Forbidden",
                    "Your roles do not allow this operation.", RequestIds.of(request));
        }
    }

    /** A rule of the domain refused the change: the message names the rule. */
    @Provider
    public static class RuleBroken implements ExceptionMapper<AccountRuleViolation> {

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(AccountRuleViolation violation) {
            return Problem.response(422, "Rule not satisfied", violation.getMessage(), RequestIds.of(request), null);
        }
    }

    /** Anything else is a defect: logged with the request id, answered with a 500 that reveals nothing. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {

        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());
        private static final int RETRY_AFTER_SECONDS = 30;

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(Throwable failure) {
            return log(failure, request);
        }

        static Response log(Throwable failure, HttpServletRequest request) {
            String id = RequestIds.of(request);
            if (databaseUnavailable(failure)) {
                LOG.warning(() -> "Request " + id + ": the database is unavailable (" + request.getRequestURI() + ")");
                return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                                "Service unavailable", "The platform cannot reach its database. Try again later.", id))
                        .header("Retry-After", RETRY_AFTER_SECONDS).build();
            }
            LOG.log(Level.SEVERE, failure, () -> "Request " + id + " failed: " + request.getMethod() + " "
                    + request.getRequestURI());
            return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "Internal error",
                    "The request could not be completed. Quote the request id " + id + " to the support.", id);
        }

        /** Whether the failure comes from a connection to the database that could not be made (SQLSTATE 08). */
        static boolean databaseUnavailable(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                    return true;
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return false;
        }
    }
}
