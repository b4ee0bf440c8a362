package fr.la27eregion.identity.security;

import fr.la27eregion.identity.boundary.Logins;
import fr.la27eregion.identity.entity.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The accounts of the platform's database as a Jakarta Security identity store: it validates a username and a
 * password and gives the caller's roles as groups (group names are role names; see the role mapping in
 * {@code glassfish-web.xml}). The checks themselves (hash, disabled, lockout) are the {@link Logins} use case's.
 */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    /**
     * As an EJB ({@code @EJB}), not through CDI: Payara's CDI proxy of a no-interface bean throws and catches an
     * exception on every call, here once per request with credentials.
     */
    @EJB
    private Logins logins;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return logins.check(login.getCaller(), login.getPasswordAsString())
                .map(caller -> new CredentialValidationResult(caller.username(),
                        caller.roles().stream().map(Role::name).collect(Collectors.toSet())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        return result.getCallerGroups();
    }
}
