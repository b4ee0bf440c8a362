package fr.la27eregion.identity.web;

import fr.la27eregion.identity.entity.AccessToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;

/**
 * Where an access token stands now, by the platform's clock, for the pages that list tokens (a person's own, and
 * the secretariat's accounts page): {@code #{tokenStates.of(token)}} names the state as the bundle keys it.
 */
@Named
@RequestScoped
public class TokenStates {

    @Inject
    private Clock clock;

    /** The state's name ({@code ACTIVE}, {@code EXPIRED}, {@code REVOKED}). */
    public String of(AccessToken token) {
        return token.state(clock.instant()).name();
    }

    /** Whether the token works now, so it can be revoked. */
    public boolean active(AccessToken token) {
        return token.state(clock.instant()) == AccessToken.State.ACTIVE;
    }
}
