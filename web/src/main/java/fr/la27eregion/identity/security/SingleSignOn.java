package fr.la27eregion.identity.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.Serializable;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * OpenID Connect with the region's enterprise identity provider (Keycloak, ProConnect…), on the Nimbus OAuth 2.0
 * SDK: the authorization code flow with PKCE (S256), state and nonce, for a confidential client (client secret,
 * HTTP Basic at the token endpoint), and the logout at the provider (RP-initiated logout) when its discovery
 * document names an {@code end_session_endpoint}. Enabled only when {@code oidc.provider-uri} is set
 * (MicroProfile Config); otherwise the login page offers the form only and no bearer JWT is accepted.
 *
 * <p>The ID token's signature is verified against the provider's published keys (JWKS), as are its issuer,
 * audience (the client id), expiry and nonce: the TLS connection to the token endpoint is not the only guarantee.
 * The same keys verify the provider's access tokens ({@link ProviderTokens}); they are fetched once, cached, and
 * fetched again when a token names an unknown key id (the provider rotated its keys). Only asymmetric algorithms
 * are accepted, so an {@code alg: none} token or an HMAC one keyed with the public key is refused.
 *
 * <p>The caller's platform account is the one whose username is the value of the {@code oidc.username-claim}
 * claim; there is no account creation on the fly.
 */
@Named("singleSignOn")
@ApplicationScoped
public class SingleSignOn {

    static final String START = "/sso/login";
    static final String CALLBACK = "/sso/callback";

    /** The algorithms a provider's token may be signed with: public-key ones only (RSA, ECDSA, EdDSA). */
    static final Set<JWSAlgorithm> ASYMMETRIC = asymmetric();

    /** The clock skew allowed when checking expiry and not-before, in seconds. */
    static final int SKEW_SECONDS = 60;

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 15_000;
    private static final int JWKS_SIZE_LIMIT = 512 * 1024;

    private volatile Provider provider;

    /** The provider as its discovery document describes it, and its keys (cached by the source). */
    record Provider(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys) {

        Issuer issuer() {
            return metadata.getIssuer();
        }
    }

    /** What the login remembers between the redirect to the provider and its answer (kept in the session). */
    record Pending(String state, String nonce, String verifier, String redirectUri) implements Serializable {
    }

    /** A login the provider vouched for: the username it names, and the ID token (the hint of the logout). */
    record Identity(String username, String idToken) {
    }

    /** Whether a provider is configured: the login page shows its button, {@link #START} starts a login. */
    public boolean isEnabled() {
        return setting("oidc.provider-uri").isPresent();
    }

    /** The provider's name, which the login button names ({@code oidc.display-name}): "Se connecter avec ...". */
    public String getDisplayName() {
        return setting("oidc.display-name").orElse(null);
    }

    Pending newLogin(String redirectUri) {
        return new Pending(new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue(),
                setting("oidc.redirect-uri").orElse(redirectUri));
    }

    /** Where the browser goes to log in at the provider. */
    URI authorizationRequest(Pending pending) {
        return new AuthenticationRequest.Builder(ResponseType.CODE,
                Scope.parse(setting("oidc.scope").orElse("openid profile email")), clientId(),
                URI.create(pending.redirectUri()))
                .endpointURI(provider().metadata().getAuthorizationEndpointURI())
                .state(new State(pending.state())).nonce(new Nonce(pending.nonce()))
                .codeChallenge(new CodeVerifier(pending.verifier()), CodeChallengeMethod.S256)
                .build().toURI();
    }

    /**
     * Exchanges the code for the tokens, verifies the ID token (signature, issuer, audience, expiry, nonce) and
     * returns the platform username it names.
     *
     * @throws SecurityException when the provider refuses or the ID token does not fit this login
     */
    Identity login(Pending pending, String code) {
        Provider known = provider();
        TokenRequest exchange = new TokenRequest(known.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(clientId(), new Secret(setting("oidc.client-secret").orElse(""))),
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(pending.redirectUri()),
                        new CodeVerifier(pending.verifier())));
        TokenResponse answer;
        try {
            HTTPRequest request = exchange.toHTTPRequest();
            request.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            request.setReadTimeout(READ_TIMEOUT_MILLIS);
            answer = OIDCTokenResponseParser.parse(request.send());
        } catch (IOException e) {
            throw new SecurityException("The identity provider cannot be reached: " + e, e);
        } catch (ParseException e) {
            throw new SecurityException("The token response is not understood: " + e.getMessage(), e);
        }
        if (!answer.indicatesSuccess()) {
            throw new SecurityException("The identity provider refused the code: "
                    + answer.toErrorResponse().getErrorObject().getCode());
        }
        if (!(answer.toSuccessResponse() instanceof OIDCTokenResponse tokens)
                || tokens.getOIDCTokens().getIDToken() == null) {
            throw new SecurityException("The token response has no ID token");
        }
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        return new Identity(username(verifiedIdToken(known, clientId(), idToken, new Nonce(pending.nonce()))),
                tokens.getOIDCTokens().getIDTokenString());
    }

    /**
     * Checks an ID token: signed with one of the provider's keys by an asymmetric algorithm, from its issuer, for
     * this client, not expired (with {@link #SKEW_SECONDS} of skew), and for this login (the nonce).
     */
    static IDTokenClaimsSet verifiedIdToken(Provider provider, ClientID client, JWT idToken, Nonce nonce) {
        IDTokenValidator validator = new IDTokenValidator(provider.issuer(), client,
                new JWSVerificationKeySelector<>(ASYMMETRIC, provider.keys()), null);
        validator.setMaxClockSkew(SKEW_SECONDS);
        try {
            return validator.validate(idToken, nonce);
        } catch (BadJOSEException | JOSEException e) {
            throw new SecurityException("The ID token is refused: " + e.getMessage(), e);
        }
    }

    /**
     * Where the browser goes to log out at the provider after the platform session ended, when the provider
     * offers it ({@code end_session_endpoint}): with the ID token of the login as a hint and the page to come back
     * to ({@code oidc.post-logout-redirect-uri}, else {@code comeBack}).
     */
    Optional<URI> logoutRequest(String idToken, URI comeBack) {
        if (!isEnabled() || idToken == null) {
            return Optional.empty();
        }
        try {
            URI endSession = provider().metadata().getEndSessionEndpointURI();
            if (endSession == null) {
                return Optional.empty();
            }
            secure(endSession);
            URI back = setting("oidc.post-logout-redirect-uri").map(URI::create).orElse(comeBack);
            return Optional.of(new LogoutRequest(endSession, JWTParser.parse(idToken), back, null).toURI());
        } catch (java.text.ParseException | SecurityException e) {
            throw new SecurityException("No logout at the provider: " + e.getMessage(), e);
        }
    }

    /** The name in the claim {@code oidc.username-claim} (default {@code preferred_username}) of a checked token. */
    private static String username(IDTokenClaimsSet claims) {
        return usernameIn(claims.getStringClaim(usernameClaim()));
    }

    static String usernameClaim() {
        return setting("oidc.username-claim").orElse("preferred_username");
    }

    static String usernameIn(String value) {
        if (value == null || value.isBlank()) {
            throw new SecurityException("The token has no '" + usernameClaim() + "' claim");
        }
        return value.strip();
    }

    /** The provider's metadata and keys, discovered once (again if {@code oidc.provider-uri} changes). */
    Provider provider() {
        Provider known = provider;
        String issuer = required("oidc.provider-uri").replaceAll("/+$", "");
        if (known == null || !known.issuer().getValue().equals(issuer)) {
            secure(URI.create(issuer));
            OIDCProviderMetadata metadata;
            try {
                // checks that the document names this very issuer
                metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), CONNECT_TIMEOUT_MILLIS,
                        READ_TIMEOUT_MILLIS);
            } catch (GeneralException | IOException e) {
                throw new SecurityException("The identity provider's discovery failed: " + e.getMessage(), e);
            }
            secure(metadata.getAuthorizationEndpointURI());
            secure(metadata.getTokenEndpointURI());
            if (metadata.getJWKSetURI() == null) {
                throw new SecurityException("The identity provider publishes no keys (jwks_uri)");
            }
            secure(metadata.getJWKSetURI());
            try {
                known = new Provider(metadata, publishedKeys(metadata.getJWKSetURI().toURL()));
            } catch (MalformedURLException e) {
                throw new SecurityException("The identity provider's jwks_uri is not a URL", e);
            }
            provider = known;
        }
        return known;
    }

    /**
     * The provider's published keys (its JWKS): cached (five minutes), refreshed ahead of expiry, and fetched again
     * at once for a key id the cache does not know (a provider that rotated its keys), at most once every 30 seconds
     * (so tokens with invented key ids cannot make the platform hammer the provider).
     */
    static JWKSource<SecurityContext> publishedKeys(URL jwks) {
        return JWKSourceBuilder.create(jwks,
                new DefaultResourceRetriever(CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT)).build();
    }

    /**
     * The provider is reached over https: plain HTTP only to a provider on this machine (tests, development).
     */
    private static void secure(URI uri) {
        String host = uri.getHost();
        if (!"https".equalsIgnoreCase(uri.getScheme())
                && !("http".equalsIgnoreCase(uri.getScheme()) && ("127.0.0.1".equals(host) || "localhost".equals(host)
                || "[::1]".equals(host)))) {
            throw new SecurityException("The identity provider must be reached over https: " + uri);
        }
    }

    static ClientID clientId() {
        return new ClientID(required("oidc.client-id"));
    }

    static Optional<String> setting(String key) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).map(String::strip)
                .filter(v -> !v.isEmpty());
    }

    private static String required(String key) {
        return setting(key).orElseThrow(() -> new SecurityException("Single sign-on needs " + key));
    }

    private static Set<JWSAlgorithm> asymmetric() {
        Set<JWSAlgorithm> algorithms = new HashSet<>(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        algorithms.addAll(JWSAlgorithm.Family.ED);
        return Set.copyOf(algorithms);
    }
}
