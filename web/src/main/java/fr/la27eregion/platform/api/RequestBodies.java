package fr.la27eregion.platform.api;

import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What every resource checks of a request's JSON body before its boundary sees it, said the same way everywhere: a
 * missing body is a 400 that says what it should hold; a change without the version the caller saw is a 422 on the
 * field {@code version}; a record created is a 201 with its address (the collection's and its id) at Location.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The body, when there is one.
     *
     * @param holds what the body should hold, for the message ({@code "the action and the version seen"})
     * @throws ProblemException a 400 when there is none
     */
    public static <T> T required(T body, String holds) {
        if (body == null) {
            throw ProblemException.badRequest("This request needs a JSON body: " + holds + ".");
        }
        return body;
    }

    /**
     * The version of the record as the caller saw it, which a change must name.
     *
     * @param rule   the rule's key when it is missing ({@code label.field.required})
     * @param record what the version is of, for the message ({@code "the campaign"})
     * @throws RuleViolation on the field {@code version} when it is missing
     */
    public static int version(Integer version, String rule, String record) {
        if (version == null) {
            throw new RuleViolation("version", rule, "version is required: the version of " + record
                    + " as you saw it.");
        }
        return version;
    }

    /** A 201: the record created as the API shows it, its address below the request's at Location. */
    public static Response created(UriInfo uri, Object id, Object entity) {
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build()).entity(entity).build();
    }
}
