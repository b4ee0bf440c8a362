package fr.la27eregion.identity.api;

import fr.la27eregion.identity.boundary.MyAccount;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The caller's own account, as {@code GET /api/v1/account} shows it. */
@Schema(name = "Account", description = "The caller's own account: who, roles, organisation, language")
public record AccountJson(
        @Schema(description = "The account's username") String username,
        @Schema(description = "The name shown") String displayName,
        @Schema(description = "The account's e-mail address") String email,
        @Schema(description = "The platform's roles of the account") List<String> roles,
        @Schema(description = "The name of the organisation the account acts for, if any") String organisation,
        @Schema(enumeration = {"fr", "en"}, description = "The language of the account's pages and mails")
        String language,
        @Schema(description = "The account's version, to name in a change") int version) {

    static AccountJson of(MyAccount.Profile profile) {
        return new AccountJson(profile.username(), profile.displayName(), profile.email(), profile.roles(),
                profile.organisation(), profile.language(), profile.version());
    }

    /** The language to keep with the account. */
    @Schema(name = "AccountLanguage", description = "The language to keep with the caller's account")
    public record Language(
            @Schema(required = true, enumeration = {"fr", "en"}) String language,
            @Schema(required = true, description = "The account's version as the caller saw it") Integer version) {
    }

    /** A new password for the caller's account. */
    @Schema(name = "PasswordChange", description = "A new password for the caller's own account")
    public record Password(
            @Schema(required = true, description = "The current password") String current,
            @Schema(required = true, description = "The new password (at least 12 characters, not a common one, "
                    + "not containing the username)") String password,
            @Schema(required = true, description = "The new password again") String confirmation,
            @Schema(required = true, description = "The account's version as the caller saw it") Integer version) {
    }
}
