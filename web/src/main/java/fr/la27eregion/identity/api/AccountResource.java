package fr.la27eregion.identity.api;

import fr.la27eregion.identity.boundary.MyAccount;
import fr.la27eregion.identity.web.PasswordChanges;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.RequestBodies;
import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own account ("My account" of the intranet): who they are, the language kept with the account, a
 * new password. Any account; each change names the account's version as the caller saw it. A password changed
 * here ends every intranet session of the account (a machine client has none of its own).
 */
@RequestScoped
@Path("account")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class AccountResource {

    private static final String FIELD_REQUIRED = "identity.field.required";

    @Inject
    private MyAccount myAccount;

    @Inject
    private PasswordChanges passwordChanges;

    @Context
    private HttpServletRequest request;

    @GET
    @Operation(summary = "My account", description = "The caller's username, name, e-mail address, roles, "
            + "organisation, language and version.")
    @APIResponse(responseCode = "200", description = "The caller's account", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountJson.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccountJson me() {
        return AccountJson.of(myAccount.me());
    }

    @PUT
    @Path("language")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Keep a language with my account", description = "fr or en: the language of the "
            + "account's intranet pages after a login and of the mails written to the account. Journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccountJson.Language.class)))
    @APIResponse(responseCode = "200", description = "Kept; the account with its new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The account changed since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No version, or a language other than fr and en",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccountJson language(AccountJson.Language body) {
        RequestBodies.required(body, "the language and the account's version");
        return AccountJson.of(myAccount.changeLanguage(
                RequestBodies.version(body.version(), FIELD_REQUIRED, "your account"), body.language()));
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change my password", description = "The current password, the new one twice, the "
            + "account's version. The new one follows the password policy. A wrong current password counts as a "
            + "failed login (of the account, and of the client's address). On success every intranet session of "
            + "the account ends, a mail tells the account's address, and the change is journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccountJson.Password.class)))
    @APIResponse(responseCode = "200", description = "Changed; the account with its new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The account changed since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A field is wrong (field and rule name which): current "
            + "password missing or wrong, confirmation different, new password against the policy; or the "
            + "account locked after too many wrong passwords", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many failed authentications from the client's address",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccountJson password(AccountJson.Password body) {
        RequestBodies.required(body, "the current password, the new one twice and the account's version");
        int version = RequestBodies.version(body.version(), FIELD_REQUIRED, "your account");
        MyAccount.PasswordChange change = passwordChanges.change(request, version, body.current(), body.password(),
                body.confirmation(), null);
        switch (change.outcome()) {
            case WRONG_CURRENT -> throw new RuleViolation("current", "identity.rule.currentPasswordWrong",
                    "The current password is wrong. After repeated mistakes the account is locked for a while.");
            case LOCKED -> throw new RuleViolation("current", "identity.rule.accountLocked",
                    "Too many wrong passwords: the account is locked for a while.");
            default -> {
                return AccountJson.of(myAccount.me());
            }
        }
    }
}
