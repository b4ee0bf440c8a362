package fr.la27eregion.project.api;

import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ProblemException;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.project.boundary.ProjectQuery;
import fr.la27eregion.project.boundary.ProjectResults;
import fr.la27eregion.project.boundary.ProjectSearch;
import fr.la27eregion.project.entity.ProjectVisibility;
import fr.la27eregion.project.web.PublicProjectAddress;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.metrics.annotation.Timed;
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
 * Searching the project catalogue: the collection {@code GET /api/v1/projects} (the single projects, their changes
 * and attachments have their own resource). The same search as the pages ({@link ProjectQuery}'s parameters), the
 * same visibility (the caller's scope, anonymous: public projects only); a wrong parameter is a 400 naming it.
 */
@RequestScoped
@Path("projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ProjectSearchResource {

    @EJB
    private ProjectSearch search;

    @Context
    private UriInfo uri;

    @GET
    @Timed(name = "api.projects.search", absolute = true, description = "Time to search projects")
    @Operation(summary = "Search the projects", description = "French full text (accents and plurals folded: "
            + "\"ecoles\" finds \"Écoles\") over the title, summary, description and lessons learnt, ranked (a "
            + "match in the title first), with snippets; filters combine. Without words, every project of the "
            + "filters, newest first. Anonymous callers find public projects; members of the network also the "
            + "network's; coordinators and contributors their organisation's drafts; the secretariat and auditors "
            + "every project. Paged: the links member and the Link header give the neighbouring pages, "
            + "X-Total-Count the total, counted up to 1,000 (past it, more is true and the last page is the 1,000th "
            + "project's: refine the search).")
    @APIResponse(responseCode = "200", description = "A page of projects",
            headers = {@Header(name = "X-Total-Count", description = "How many projects the search finds, up to 1,000",
                    schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "Link", description = "first, prev, next, last (RFC 8288)",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectPageJson.class)))
    @APIResponse(responseCode = "400", description = "A parameter is wrong (not a number, an unknown stage, kind, "
            + "theme or territory, a page or size out of range...): the problem's field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response search(
            @Parameter(description = "Words to search, web search syntax: \"a phrase\", -excluded, or")
            @jakarta.ws.rs.QueryParam("q") String q,
            @Parameter(description = "A theme code; repeat, or separate by commas, for any of several")
            @jakarta.ws.rs.QueryParam("theme") List<String> theme,
            @Parameter(description = "A territory code (FR-84, FR-82-2015, DE11): a former region also finds the "
                    + "region it merged into, and the reverse") @jakarta.ws.rs.QueryParam("territory") String territory,
            @Parameter(description = "IDEA, EXPERIMENTING, DEPLOYED, EVALUATED or STOPPED")
            @jakarta.ws.rs.QueryParam("stage") String stage,
            @Parameter(description = "INNOVATION, EXPERIMENT, INTER_REGIONAL, INTERNATIONAL or FORESIGHT")
            @jakarta.ws.rs.QueryParam("kind") String kind,
            @Parameter(description = "An organisation's id: the projects it leads or is a partner of")
            @jakarta.ws.rs.QueryParam("organisation") String organisation,
            @Parameter(description = "A year: the projects running that year")
            @jakarta.ws.rs.QueryParam("year") String year,
            @Parameter(description = "The page, from 1 (default 1)") @jakarta.ws.rs.QueryParam("page") String page,
            @Parameter(description = "Projects per page, 1 to 100 (default 20)")
            @jakarta.ws.rs.QueryParam("size") String size) {
        ProjectQuery query;
        ProjectResults results;
        try {
            query = ProjectQuery.parse(uri.getQueryParameters());
            results = search.search(query);
        } catch (RuleViolation refused) {
            throw ProblemException.badRequest(refused.field().orElse(null), refused.getMessage());
        }
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", address(query).toString());
        links.put("first", address(query.withPage(1)).toString());
        if (query.page() > 1) {
            links.put("prev", address(query.withPage(Math.min(query.page() - 1, results.pages()))).toString());
        }
        if (query.page() < results.pages()) {
            links.put("next", address(query.withPage(query.page() + 1)).toString());
        }
        links.put("last", address(query.withPage(results.pages())).toString());
        // the API is at {context}/api/v1/: the public pages are at {context}/public/...
        String site = uri.getBaseUri().resolve("../../").toString().replaceFirst("/$", "");
        ProjectPageJson body = new ProjectPageJson(results.hits().stream().map(hit -> ProjectHitJson.of(hit,
                        hit.visibility() == ProjectVisibility.PUBLIC
                                ? site + PublicProjectAddress.PREFIX + hit.path() : null)).toList(),
                results.total(), results.more(), query.page(), query.size(), results.pages(), links);
        Response.ResponseBuilder response = Response.ok(body).header("X-Total-Count", results.total());
        links.forEach((rel, href) -> {
            if (!"self".equals(rel)) {
                response.links(Link.fromUri(href).rel(rel).build());
            }
        });
        return response.build();
    }

    /** The address of a search (its words encoded here: a URI builder would read braces as templates). */
    private URI address(ProjectQuery query) {
        StringJoiner parameters = new StringJoiner("&");
        query.parameters().forEach((name, values) -> values.forEach(value ->
                parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        URI collection = uri.getBaseUriBuilder().path(ProjectSearchResource.class).build();
        return URI.create(collection + (parameters.length() == 0 ? "" : "?" + parameters));
    }
}
