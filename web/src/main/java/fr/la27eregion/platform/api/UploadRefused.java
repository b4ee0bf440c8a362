package fr.la27eregion.platform.api;

import fr.la27eregion.platform.files.AttachmentRefused;
import fr.la27eregion.platform.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * An upload refused, as a problem detail like every refusal (field {@code file}, the rule's key), with the status
 * that says why: 413 too large, 415 a type the platform does not take or a name that says another type than the
 * content, 422 an empty file or an unusable name.
 */
@Provider
public class UploadRefused implements ExceptionMapper<AttachmentRefused> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(AttachmentRefused refused) {
        Response.Status status = switch (refused.reason()) {
            case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
            case TYPE, MISLABELLED -> Response.Status.UNSUPPORTED_MEDIA_TYPE;
            case EMPTY, NAME, PATH -> null;
        };
        return status == null
                ? ProblemMappers.RuleRefused.refused(refused, 422, "Rule not satisfied", RequestIds.of(request))
                : ProblemMappers.RuleRefused.refused(refused, status.getStatusCode(), status.getReasonPhrase(),
                RequestIds.of(request));
    }
}
