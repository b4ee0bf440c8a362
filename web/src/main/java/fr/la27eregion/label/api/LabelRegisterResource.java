package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.LabelRegister;
import fr.la27eregion.label.boundary.RegisterFilter;
import fr.la27eregion.label.boundary.RegisteredLabel;
import fr.la27eregion.label.web.PublicVerification;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ProblemException;
import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The public side of labels in the API: the register {@code GET /api/v1/labels} and the verification
 * {@code GET /api/v1/labels/verify/{code}}, for anyone, signed in or not. The label's own life (one label by id,
 * its transitions and certificate) is another resource under the same {@code labels} path, with {@code {id}}
 * paths of digits only. Paged as the project search is: {@code page} from 1 and {@code size}, the
 * {@code links} member and the {@code Link} header for the neighbouring pages, {@code X-Total-Count}.
 */
@RequestScoped
@Path("labels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Labels")
public class LabelRegisterResource {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_PAGE = 10_000;

    @EJB
    private LabelRegister register;

    @Inject
    private PublicVerification verification;

    @Context
    private UriInfo uri;

    @Context
    private HttpServletRequest request;

    @GET
    @Operation(summary = "The public register of labels", description = "Every label awarded, the latest first, "
            + "with its state today (an active or suspended label past its last valid day is EXPIRED), filtered by "
            + "programme, year of award, region of the labelled organisation and state (filters combine). Public "
            + "facts only: no person, no verification code. Paged: the links member and the Link header give the "
            + "neighbouring pages, X-Total-Count the total.")
    @APIResponse(responseCode = "200", description = "A page of the register",
            headers = {@Header(name = "X-Total-Count", description = "How many labels the filters find",
                    schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "Link", description = "first, prev, next, last (RFC 8288)",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LabelRegisterPageJson.class)))
    @APIResponse(responseCode = "400", description = "A parameter is wrong (a year that is not one, an unknown "
            + "state, a page or size out of range...): the problem's field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(
            @Parameter(description = "A programme's code (INNOVATION-PUBLIQUE)") @QueryParam("programme")
            String programme,
            @Parameter(description = "The year of award") @QueryParam("year") String year,
            @Parameter(description = "The code of the labelled organisation's region (FR-53)")
            @QueryParam("region") String region,
            @Parameter(description = "ACTIVE, EXPIRED, SUSPENDED, REVOKED or RENEWED") @QueryParam("state")
            String state,
            @Parameter(description = "The page, from 1 (default 1)") @QueryParam("page") String page,
            @Parameter(description = "Labels per page, 1 to 100 (default 20)") @QueryParam("size") String size) {
        RegisterFilter filter;
        int pageNumber = number("page", page, 1, 1, MAX_PAGE);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, LabelRegister.MAX_SIZE);
        List<RegisteredLabel> labels;
        long total;
        try {
            filter = RegisterFilter.parse(uri.getQueryParameters());
            total = register.count(filter);
            labels = total == 0 ? List.of() : register.register(filter, (long) (pageNumber - 1) * pageSize,
                    pageSize);
        } catch (RuleViolation refused) {
            throw ProblemException.badRequest(refused.field().orElse(null), refused.getMessage());
        }
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", address(filter, pageNumber, pageSize));
        links.put("first", address(filter, 1, pageSize));
        if (pageNumber > 1) {
            links.put("prev", address(filter, Math.min(pageNumber - 1, pages), pageSize));
        }
        if (pageNumber < pages) {
            links.put("next", address(filter, pageNumber + 1, pageSize));
        }
        links.put("last", address(filter, pages, pageSize));
        String site = site();
        LabelRegisterPageJson body = new LabelRegisterPageJson(labels.stream()
                .map(label -> RegisteredLabelJson.of(label, site)).toList(), total, pageNumber, pageSize, pages, links);
        Response.ResponseBuilder response = Response.ok(body).header("X-Total-Count", total);
        links.forEach((rel, href) -> {
            if (!"self".equals(rel)) {
                response.links(Link.fromUri(href).rel(rel).build());
            }
        });
        return response.build();
    }

    @GET
    @Path("verify/{code}")
    @Operation(summary = "Verify a label by its code", description = "The code as printed on the certificate, or "
            + "typed: any case, spaces and dashes anywhere, O for 0, I and L for 1. The verdict today and the "
            + "label's public facts. A code no label has and a text that cannot be a code get the same 404. "
            + "Verifications that find nothing count against the client's address "
            + "(limits.failed-verifications.per-minute): past it, every verification from it is a 429 for the "
            + "rest of the minute.")
    @APIResponse(responseCode = "200", description = "The verdict", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationJson.class)))
    @APIResponse(responseCode = "404", description = "No label has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many verifications found nothing from this address: "
            + "Retry-After says in how many seconds to try again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public VerificationJson verify(@Parameter(description = "The verification code") @PathParam("code") String code) {
        return verification.verify(code, request).map(found -> VerificationJson.of(found, site()))
                .orElseThrow(() -> ProblemException.notFound("No label has this code."));
    }

    /** The public site: the API is at {context}/api/v1/, the public pages at {context}/public/... */
    private String site() {
        return uri.getBaseUri().resolve("../../").toString().replaceFirst("/$", "");
    }

    private String address(RegisterFilter filter, int page, int size) {
        StringJoiner parameters = new StringJoiner("&");
        filter.parameters().forEach((name, value) -> parameters.add(name + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        if (page != 1) {
            parameters.add("page=" + page);
        }
        if (size != DEFAULT_SIZE) {
            parameters.add("size=" + size);
        }
        URI collection = uri.getBaseUriBuilder().path(LabelRegisterResource.class).build();
        return collection + (parameters.length() == 0 ? "" : "?" + parameters);
    }

    private static int number(String name, String value, int absent, int min, int max) {
        return value == null || value.isBlank() ? absent : (int) ProblemException.number(name, value, min, max);
    }
}
