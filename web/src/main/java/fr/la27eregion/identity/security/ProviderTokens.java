package fr.la27eregion.identity.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.text.ParseException;
import java.time.Clock;
import java.util.Collections;
import java.util.Date;
import java.util.Set;

/**
 * The access tokens of the region's identity provider, sent to the API as {@code Authorization: Bearer <jwt>}
 * by systems that already log in there (a portal, a script with a client of its own). A token is believed when it
 * is a JWS signed by one of the provider's published keys with an asymmetric algorithm ({@code alg: none} and
 * HMAC are refused, so the public key cannot be used as a shared secret), issued by the configured issuer, for the
 * audience {@code oidc.audience} (default the client id), with an expiry, and neither expired nor before its
 * not-before time ({@link SingleSignOn#SKEW_SECONDS} of skew). Its {@code oidc.username-claim} names the
 * platform account, as for the single sign-on. An ID token (it carries a {@code nonce}) is not an access token, and
 * is refused even when its audience is the one expected.
 */
@ApplicationScoped
public class ProviderTokens {

    /** The {@code typ} values of an access token: a JWT (most providers), an RFC 9068 one, or none. */
    private static final DefaultJOSEObjectTypeVerifier<SecurityContext> TYPES = new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null);

    @Inject
    private SingleSignOn singleSignOn;

    @Inject
    private Clock clock;

    /**
     * The platform username a provider access token names.
     *
     * @throws SecurityException when no provider is configured or the token is not one of its valid tokens
     */
    String username(String token) {
        if (!singleSignOn.isEnabled()) {
            throw new SecurityException("No identity provider is configured (oidc.provider-uri)");
        }
        SingleSignOn.Provider provider = singleSignOn.provider();
        String audience = SingleSignOn.setting("oidc.audience").orElseGet(() -> SingleSignOn.clientId().getValue());
        return SingleSignOn.usernameIn(verified(provider, audience, token, clock).getClaim(SingleSignOn.usernameClaim())
                instanceof String name ? name : null);
    }

    /**
     * Checks the token's signature, issuer, audience, expiry and not-before (by the platform's {@code clock}); the
     * claims when all hold.
     */
    static JWTClaimsSet verified(SingleSignOn.Provider provider, String audience, String token, Clock clock) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(TYPES);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(SingleSignOn.ASYMMETRIC, provider.keys()));
        // an ID token carries the nonce of its login (the platform always sends one): refusing tokens with a nonce
        // keeps an ID token, whose audience is the client id, from opening the API as an access token would
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Collections.singleton(audience),
                new JWTClaimsSet.Builder().issuer(provider.issuer().getValue()).build(), Set.of("exp"),
                Set.of("nonce")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew(SingleSignOn.SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
        try {
            return processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new SecurityException("The bearer token is refused: " + e.getMessage(), e);
        }
    }
}
