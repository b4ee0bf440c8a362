package fr.la27eregion.home.api;

import fr.la27eregion.home.boundary.Search;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ProblemException;
import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The intranet's search box for a client: every kind of record the caller may read, grouped. */
@ApplicationScoped
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class SearchResource {

    @EJB
    private Search search;

    @GET
    @Operation(summary = "Search everything I may read", description = "French full text, accents and plurals "
            + "folded (\"region\" finds \"Région\"), web search syntax (\"a phrase\", -excluded, or), over the "
            + "organisations, projects, label applications and labels the caller may read, each kind scoped as its "
            + "own list is (another organisation's drafts are never found nor counted). One group per kind: how many, "
            + "counted up to 1,000, and the best " + Search.SHOWN + " with a snippet, their state and their page.")
    @APIResponse(responseCode = "200", description = "The groups, in the order organisations, projects, "
            + "applications, labels", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SearchJson.class)))
    @APIResponse(responseCode = "400", description = "No words, or more than " + Search.MAX_WORDS
            + " characters: the problem's field is q", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No or wrong credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SearchJson search(@Parameter(description = "The words, 1 to " + Search.MAX_WORDS + " characters")
                             @QueryParam("q") String q) {
        try {
            return SearchJson.of(search.find(q), kind -> kind.list() == null ? null
                    : kind.list() + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8));
        } catch (RuleViolation refused) {
            throw ProblemException.badRequest(refused.field().orElse(null), refused.getMessage());
        }
    }
}
