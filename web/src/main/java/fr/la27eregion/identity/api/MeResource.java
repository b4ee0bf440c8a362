package fr.la27eregion.identity.api;

import fr.la27eregion.platform.Jsons;
import fr.la27eregion.identity.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller as the platform sees them: username and roles. A client checks its credentials and rights with it
 * before doing anything else. Needs an account (see the security constraints of {@code web.xml}).
 */
@RequestScoped
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class MeResource {

    @Inject
    private SecurityContext security;

    @GET
    @Operation(summary = "Who am I",
            description = "The caller's username and roles (bearer token, or HTTP Basic while it is on).")
    @APIResponse(responseCode = "200", description = "The caller")
    @APIResponse(responseCode = "401", description = "No or wrong credentials",
            content = @Content(mediaType = "application/problem+json"))
    public JsonObject me() {
        JsonArrayBuilder roles = Jsons.createArrayBuilder();
        for (Role role : Role.values()) {
            if (security.isCallerInRole(role.name())) {
                roles.add(role.name());
            }
        }
        return Jsons.createObjectBuilder()
                .add("username", security.getCallerPrincipal().getName())
                .add("roles", roles)
                .build();
    }
}
