package fr.la27eregion.identity.web;

import fr.la27eregion.platform.web.Reinjected;
import fr.la27eregion.identity.boundary.AccessTokens;
import fr.la27eregion.identity.control.IdentitySettings;
import fr.la27eregion.identity.entity.AccessToken;
import fr.la27eregion.identity.entity.TokenScope;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The page "My access tokens" ({@code /app/account/tokens.xhtml}) of every signed-in person: create a token
 * (name, scope, last day), see the new secret once, list one's tokens and revoke them. Thin: the rules (name,
 * expiry at most a year ahead) and the rights are the {@link AccessTokens} boundary's.
 *
 * <p>The new secret is held in a transient field: shown by the answer to the creation, it is never written
 * with the view's state into the session (which Payara may replicate to other instances), and it is gone at the
 * next action on the page.
 */
@Named
@ViewScoped
public class TokensView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccessTokens accessTokens;

    @Inject
    private IdentitySettings settings;

    @Inject
    private transient Clock clock;

    /** The clock, looked up again when this view was restored on another instance (the field is transient). */
    private Clock clock() {
        clock = Reinjected.orLookUp(clock, Clock.class);
        return clock;
    }

    private List<AccessToken> tokens;

    // the token being created
    private String name;
    private TokenScope scope = TokenScope.READ;
    private LocalDate expiresOn;

    // the token just created: its secret, shown once
    private transient String secret;
    private String createdName;

    // the token whose revocation is being confirmed
    private AccessToken toRevoke;

    @PostConstruct
    void initialize() {
        expiresOn = defaultExpiry();
        tokens = accessTokens.mine();
    }

    public void create() {
        secret = null;
        try {
            AccessTokens.Created created = accessTokens.create(name, scope, expiresOn);
            secret = created.secret();
            createdName = created.token().name();
            RuleMessages.info("tokens.created", createdName);
            name = null;
            scope = TokenScope.READ;
            expiresOn = defaultExpiry();
            tokens = accessTokens.mine();
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> "create:" + field, null);
        }
    }

    /** Chooses the token whose revocation the dialog asks to confirm. */
    public void confirmRevoke(AccessToken token) {
        secret = null;
        toRevoke = token;
    }

    public void revoke() {
        secret = null;
        try {
            AccessToken revoked = accessTokens.revokeMine(toRevoke.id(), toRevoke.version());
            RuleMessages.info("tokens.revoked", revoked.name());
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, null);
        }
        toRevoke = null;
        tokens = accessTokens.mine();
    }

    /** The latest last day a token may have, for the date field's {@code max}. */
    public LocalDate getLatestExpiry() {
        return Clocks.today(clock()).plusDays(settings.tokenMaxDays());
    }

    public LocalDate getEarliestExpiry() {
        return Clocks.today(clock()).plusDays(1);
    }

    private LocalDate defaultExpiry() {
        return Clocks.today(clock()).plusDays(settings.tokenDefaultDays());
    }

    public TokenScope[] getScopes() {
        return TokenScope.values();
    }

    public List<AccessToken> getTokens() {
        return tokens;
    }

    public String getSecret() {
        return secret;
    }

    public String getCreatedName() {
        return createdName;
    }

    public AccessToken getToRevoke() {
        return toRevoke;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public TokenScope getScope() {
        return scope;
    }

    public void setScope(TokenScope scope) {
        this.scope = scope;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }
}
