package fr.la27eregion.referential.api;

import fr.la27eregion.referential.boundary.Themes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The innovation themes of the network, as open data. */
@RequestScoped
@Path("themes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class ThemesResource {

    @Inject
    private Themes themes;

    @GET
    @Timed(name = "api.themes.list", absolute = true, description = "Time to list themes")
    @Operation(summary = "List the innovation themes", description = "In the order the network lists them.")
    public List<ThemeJson> list() {
        return themes.all().stream().map(ThemeJson::of).toList();
    }
}
