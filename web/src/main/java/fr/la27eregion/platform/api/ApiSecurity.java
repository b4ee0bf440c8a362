package fr.la27eregion.platform.api;

import fr.la27eregion.identity.security.PlatformAuthentication;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents in the OpenAPI description how a client authenticates: the security schemes the API accepts now
 * (bearer tokens; HTTP Basic only while {@code auth.basic.enabled}), and, on every operation that may answer 401
 * (the protected ones, each of which documents that answer), the requirement of one of them. A filter rather than
 * annotations because whether Basic is offered is a setting of the installation, read when the description is
 * built ({@code mp.openapi.filter} in {@code microprofile-config.properties}).
 */
public class ApiSecurity implements OASFilter {

    /** The names of the schemes in {@code components.securitySchemes}. */
    public static final String BEARER = "bearer";
    public static final String BASIC = "basic";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().hasAPIResponse("401")) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
            if (PlatformAuthentication.basicEnabled()) {
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BASIC));
            }
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description("A personal access token (l27_..., created on the page 'My access tokens'; a read-only"
                        + " token gets 403 on writes), or an access token (a JWT) of the region's identity provider"
                        + " when single sign-on is configured: its signature, issuer, audience and expiry are"
                        + " checked, and its username claim names the platform account. Refused tokens get a 401"
                        + " problem detail."));
        if (PlatformAuthentication.basicEnabled()) {
            components.addSecurityScheme(BASIC, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("basic").description("A platform account's username and password, for trying the API"
                            + " by hand (each request checks the password: slow on purpose). Off in production"
                            + " (auth.basic.enabled=false)."));
        }
    }
}
