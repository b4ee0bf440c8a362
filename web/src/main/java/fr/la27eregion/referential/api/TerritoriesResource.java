package fr.la27eregion.referential.api;

import fr.la27eregion.platform.api.Names;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ProblemException;
import fr.la27eregion.referential.boundary.Territories;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.TerritoryKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The territories of the network, as open data. */
@RequestScoped
@Path("territories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class TerritoriesResource {

    @Inject
    private Territories territories;

    @GET
    @Timed(name = "api.territories.list", absolute = true, description = "Time to list territories")
    @Operation(summary = "List the territories", description = "Every territory, or those of one kind.")
    @APIResponse(responseCode = "200", description = "The territories")
    @APIResponse(responseCode = "400", description = "Unknown kind",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<TerritoryJson> list(
            @Parameter(description = "REGION, FORMER_REGION or EUROPEAN_REGION") @QueryParam("kind") String kind) {
        List<Territory> found = kind == null || kind.isBlank()
                ? territories.all()
                : territories.ofKind(Names.parse(TerritoryKind.class, kind, "kind"));
        return found.stream().map(TerritoryJson::of).toList();
    }

    @GET
    @Path("{code}")
    @Timed(name = "api.territories.get", absolute = true, description = "Time to read one territory")
    @Operation(summary = "Read one territory")
    @APIResponse(responseCode = "200", description = "The territory")
    @APIResponse(responseCode = "404", description = "No territory has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TerritoryJson get(@Parameter(description = "e.g. FR-53, FR-22-2015") @PathParam("code") String code) {
        return territories.byCode(code)
                .map(TerritoryJson::of)
                .orElseThrow(() -> ProblemException.notFound("No territory has the code '" + code + "'."));
    }
}
