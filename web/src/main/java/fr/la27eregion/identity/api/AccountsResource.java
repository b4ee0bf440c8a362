package fr.la27eregion.identity.api;

import fr.la27eregion.platform.Jsons;
import fr.la27eregion.identity.boundary.Accounts;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The accounts, for the secretariat's tools (directory synchronisation, reports). Read only; who may read them
 * is the {@link Accounts} boundary's decision ({@code NETWORK_ADMIN}), so the API and the pages cannot differ.
 */
@RequestScoped
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class AccountsResource {

    @Inject
    private Accounts accounts;

    @GET
    @Operation(summary = "List the accounts", description = "One page of accounts whose username, name or e-mail "
            + "contains the filter; the total is in X-Total-Count. Network administrators only.")
    @APIResponse(responseCode = "200", description = "The accounts")
    @APIResponse(responseCode = "401", description = "No or wrong credentials",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not a network administrator",
            content = @Content(mediaType = "application/problem+json"))
    public Response list(@QueryParam("filter") String filter, @QueryParam("first") @DefaultValue("0") int first,
                         @QueryParam("size") @DefaultValue("50") int size) {
        JsonArrayBuilder list = Jsons.createArrayBuilder();
        for (Account account : accounts.page(filter, first, size)) {
            JsonArrayBuilder roles = Jsons.createArrayBuilder();
            account.roles().stream().map(Role::name).forEach(roles::add);
            list.add(Jsons.createObjectBuilder()
                    .add("username", account.username())
                    .add("displayName", account.displayName())
                    .add("roles", roles)
                    .add("enabled", account.enabled()));
        }
        return Response.ok(list.build()).header("X-Total-Count", accounts.count(filter)).build();
    }
}
