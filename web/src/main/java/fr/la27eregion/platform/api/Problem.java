package fr.la27eregion.platform.api;

import fr.la27eregion.platform.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail: what went wrong, for a program and for the person reading its log.
 * {@code instance} carries the request id, the same one as in the server log.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    private Problem() {
    }

    /** A problem response with the given status, short title and explanation. */
    public static Response response(Response.Status status, String title, String detail, String requestId) {
        return response(status.getStatusCode(), title, detail, requestId, null);
    }

    static Response response(int status, String title, String detail, String requestId,
                             JsonObjectBuilder extensions) {
        return Response.status(status).type(MEDIA).entity(body(status, title, detail, requestId, extensions)).build();
    }

    /** The problem document itself, for code outside JAX-RS (the authentication mechanism answers a 401). */
    public static JsonObject body(int status, String title, String detail, String requestId,
                                  JsonObjectBuilder extensions) {
        JsonObjectBuilder body = extensions != null ? extensions : Jsons.createObjectBuilder();
        body.add("type", "about:blank")
            .add("title", title)
            .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        body.add("instance", "urn:request:" + requestId);
        return body.build();
    }
}
