package fr.la27eregion.identity.security;

import fr.la27eregion.identity.boundary.AccessTokens;
import fr.la27eregion.identity.boundary.Logins;
import fr.la27eregion.identity.entity.TokenSecret;
import fr.la27eregion.platform.limits.ClientLimits;
import fr.la27eregion.platform.limits.LimitReached;
import fr.la27eregion.platform.limits.LimitSettings;
import fr.la27eregion.platform.request.CurrentRequest;
import fr.la27eregion.platform.request.Printable;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.health.DatabaseOutage;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The one authentication mechanism of the application (Jakarta EE 10 allows one per application): form login
 * and single sign-on for people on the intranet pages; bearer tokens, and HTTP Basic while it is switched on
 * ({@code auth.basic.enabled}), for machine clients of the API. Passwords validate through the container's
 * {@link IdentityStoreHandler}, so the identity store, the groups and the role mapping are Jakarta Security's
 * own; nothing here is a servlet filter.
 *
 * <ul>
 *     <li>The login page calls {@code SecurityContext.authenticate} with the credential; on success the session
 *     gets a new id (no session fixation) and keeps the caller, so later pages need no password. Each
 *     intranet page checks the account again: disabled or locked since, the session ends; roles changed since,
 *     the new ones apply. It also checks the session in the registry every instance shares
 *     ({@code account_session}): ended since by its owner (from another session, or by changing the password),
 *     the next page is the login page, whichever instance serves it.</li>
 *     <li>A request to the API with {@code Authorization: Bearer} or {@code Basic} is authenticated for that
 *     request only: no session is created for machine clients. A bearer token is either a personal access token
 *     ({@code l27_…}), checked with the token's account as it is now ({@link AccessTokens#authenticate}), or an
 *     access token of the identity provider ({@link ProviderTokens}), mapped to the platform account as the single
 *     sign-on does. A read-only token on a write is a 403 problem detail. Refused credentials, whatever their
 *     kind (unknown, forged, truncated, of another prefix, expired, revoked, of an account that cannot log in, a
 *     wrong password), are the same 401 problem detail, journaled as security events; HTTP Basic while it is
 *     switched off is one of them (and costs no password hashing).</li>
 *     <li>Failed authentications, form, Basic or bearer, are limited per client address ({@code limits.failed-logins.
 *     per-minute}): past the limit the credentials are not even checked, the API answers 429 with
 *     {@code Retry-After} and the login page says when to try again.</li>
 *     <li>A protected page without a caller redirects to the login page; a protected API resource answers 401
 *     with the {@code WWW-Authenticate} challenges of the enabled schemes ({@link #challenges()}).</li>
 * </ul>
 * Public pages and public API endpoints are left alone for anonymous callers. While the database is known to be
 * away ({@link DatabaseOutage}), every request that needs it is answered 503 here, before anything tries it.
 */
@ApplicationScoped
public class PlatformAuthentication implements HttpAuthenticationMechanism {

    /** The session attribute that holds the caller of a form login. */
    static final String SESSION_CALLER = PlatformAuthentication.class.getName() + ".caller";
    static final String LOGIN_PAGE = "/login.xhtml";
    public static final String REALM = "La 27e Region";
    /** The HTTP Basic challenge of a 401 of the API while Basic is on (RFC 9110 §11.6.1, RFC 7617). */
    public static final String BASIC_CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
    /** The bearer token challenge of a 401 of the API (RFC 6750 §3). */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"" + REALM + "\"";
    /** The one wording of every refused credential of the API (password or token): it never says why. */
    static final String BAD_CREDENTIALS = "The credentials are wrong or expired, or the account cannot log in now."
            + " After repeated failures an account is locked for a while.";
    /** The session attribute that holds the key of the session in the registry ({@code account_session}). */
    public static final String SESSION_KEY = PlatformAuthentication.class.getName() + ".sessionKey";
    /** The session attribute that holds the ID token of a single sign-on, the hint of the logout at the provider. */
    static final String SSO_ID_TOKEN = PlatformAuthentication.class.getName() + ".idToken";
    /** The session attribute that holds a single sign-on under way. */
    static final String SSO_PENDING = PlatformAuthentication.class.getName() + ".sso";
    /** The request attribute that tells the login page its login was refused by the limit of failures. */
    public static final String LIMIT_REACHED = PlatformAuthentication.class.getName() + ".limitReached";
    private static final Logger LOG = Logger.getLogger(PlatformAuthentication.class.getName());

    /** Who logged in on this session and their groups, as the identity store said at login. */
    record SessionCaller(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private Logins logins;

    @Inject
    private CurrentRequest currentRequest;

    @Inject
    private SingleSignOn singleSignOn;

    @Inject
    private AccessTokens accessTokens;

    @Inject
    private ProviderTokens providerTokens;

    @Inject
    private ClientLimits limits;

    @Inject
    private LimitSettings limitSettings;

    @Inject
    private DatabaseOutage outage;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // authentication runs before any filter: give the request its id now, for the journal of a login
        currentRequest.identify(RequestIds.assign(request, response));
        String address = limits.clientAddress(request);
        currentRequest.comesFrom(address);
        String path = path(request);
        if (outage.known() && DatabaseOutage.needsDatabase(path)) {
            return unavailable(request, response, path);
        }
        try {
            return authenticate(request, response, context, path, address);
        } catch (RuntimeException failure) {
            if (outage.noticed(failure)) {
                return unavailable(request, response, path);
            }
            throw failure;
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context, String path, String address) {
        if ((path.equals(SingleSignOn.START) || path.equals(SingleSignOn.CALLBACK)) && singleSignOn.isEnabled()) {
            return path.equals(SingleSignOn.START) ? startSingleSignOn(request, context)
                    : endSingleSignOn(request, context);
        }
        Credential given = context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
        if (given != null) {
            return formLogin(request, context, given, address);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof SessionCaller caller) {
            if (!context.isProtected()) {
                return context.notifyContainerAboutLogin(caller.name(), caller.groups());
            }
            // an intranet page: the account as it is now (disabled, locked or given other roles since the login), and
            // the session as the registry shared by every instance has it (ended from another session since?)
            Optional<SessionCaller> current = logins.stillSignedIn(caller.name(),
                    (String) session.getAttribute(SESSION_KEY)).map(PlatformAuthentication::asCaller);
            if (current.isPresent()) {
                if (!current.get().equals(caller)) {
                    session.setAttribute(SESSION_CALLER, current.get());
                }
                return context.notifyContainerAboutLogin(current.get().name(), current.get().groups());
            }
            session.invalidate();
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        boolean api = path.startsWith("/api/");
        String authorization = request.getHeader("Authorization");
        if (api && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                limits.requireLeft(limitSettings.failedLogins(), address);
            } catch (LimitReached limited) {
                return tooManyFailures(request, response, limited);
            }
            Optional<SessionCaller> caller = basic(authorization.substring(6).strip());
            if (caller.isPresent()) {
                return context.notifyContainerAboutLogin(caller.get().name(), caller.get().groups());
            }
            limits.count(limitSettings.failedLogins(), address);
            return unauthorized(request, response, BAD_CREDENTIALS);
        }
        if (api && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(request, response, context, authorization.substring(7).strip(), address);
        }
        if (context.isProtected()) {
            if (api) {
                return unauthorized(request, response, needsAnAccount("resource"));
            }
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    /**
     * The caller an access token of the identity provider names; empty (the refusal journaled) when it is not one
     * of its valid tokens for the platform, or names no account that can log in now.
     */
    private Optional<SessionCaller> providerToken(String token) {
        String username;
        try {
            username = providerTokens.username(token);
        } catch (SecurityException e) {
            LOG.info(() -> "Bearer token refused: " + Printable.of(e.getMessage()));
            logins.refusedCredential("bearer token invalid");
            return Optional.empty();
        }
        Optional<SessionCaller> caller = logins.stillAllowed(username).map(PlatformAuthentication::asCaller);
        if (caller.isEmpty()) {
            LOG.info(() -> "Bearer token of '" + Printable.of(username) + "': no platform account can log in");
            logins.refusedCredential("bearer token without account");
        }
        return caller;
    }

    /**
     * The caller of HTTP Basic credentials, through the identity store; empty when they are wrong or when Basic is
     * switched off (then the password is not even hashed).
     */
    private Optional<SessionCaller> basic(String encoded) {
        if (!basicEnabled()) {
            logins.refusedCredential("basic disabled");
            return Optional.empty();
        }
        UsernamePasswordCredential basic = basicCredential(encoded);
        CredentialValidationResult result = basic == null ? CredentialValidationResult.INVALID_RESULT
                : identityStores.validate(basic);
        return result.getStatus() != CredentialValidationResult.Status.VALID ? Optional.empty()
                : Optional.of(new SessionCaller(result.getCallerPrincipal().getName(),
                Set.copyOf(result.getCallerGroups())));
    }

    /** Whether the API accepts HTTP Basic ({@code auth.basic.enabled}, default true; off in production). */
    public static boolean basicEnabled() {
        return ConfigProvider.getConfig().getOptionalValue("auth.basic.enabled", Boolean.class).orElse(true);
    }

    /**
     * The {@code WWW-Authenticate} challenges of a 401 of the API, one header each: bearer (personal access tokens
     * are always accepted), then Basic while it is on.
     */
    public static List<String> challenges() {
        return basicEnabled() ? List.of(BEARER_CHALLENGE, BASIC_CHALLENGE) : List.of(BEARER_CHALLENGE);
    }

    /** The detail of a 401 without credentials: what to send, as the enabled schemes allow. */
    public static String needsAnAccount(String what) {
        return "This " + what + " needs an account: send a bearer token"
                + (basicEnabled() ? " or HTTP Basic credentials." : ".");
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context, Credential given,
                                           String address) {
        try {
            limits.requireLeft(limitSettings.failedLogins(), address);
        } catch (LimitReached limited) {
            request.setAttribute(LIMIT_REACHED, limited);
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStores.validate(given);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            limits.count(limitSettings.failedLogins(), address);
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession opened = request.getSession(true);
        opened.setAttribute(SESSION_CALLER,
                new SessionCaller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
        signedIn(request, opened, result.getCallerPrincipal().getName());
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * Authenticates an API request by its bearer token, for this request only (no session). The one place that
     * tells the kinds of bearer tokens apart: a personal access token ({@code l27_…}) is checked by
     * {@link AccessTokens}; any other is taken for a JWT of the identity provider ({@link ProviderTokens}), which
     * refuses it when no provider is configured. A refusal counts against the failed authentications of the
     * client's address, like a wrong password, so nobody guesses tokens faster than passwords.
     */
    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, String token, String address) {
        try {
            limits.requireLeft(limitSettings.failedLogins(), address);
        } catch (LimitReached limited) {
            return tooManyFailures(request, response, limited);
        }
        Optional<SessionCaller> caller;
        if (token.startsWith(TokenSecret.PREFIX)) {
            AccessTokens.Check check = accessTokens.authenticate(token, request.getMethod());
            if (check.refusal() == AccessTokens.Refusal.READ_ONLY) {
                return forbidden(request, response, "This token may only read: a read-write token is needed for "
                        + request.getMethod() + " requests.");
            }
            caller = check.allowed() ? Optional.of(asCaller(check.caller())) : Optional.empty();
        } else {
            caller = providerToken(token);
        }
        if (caller.isPresent()) {
            return context.notifyContainerAboutLogin(caller.get().name(), caller.get().groups());
        }
        limits.count(limitSettings.failedLogins(), address);
        return unauthorized(request, response, BAD_CREDENTIALS);
    }

    /** Sends the browser to the identity provider, remembering the login in a new session. */
    private AuthenticationStatus startSingleSignOn(HttpServletRequest request, HttpMessageContext context) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        String callback = request.getRequestURL().toString().replaceFirst("/sso/login$", SingleSignOn.CALLBACK);
        SingleSignOn.Pending pending = singleSignOn.newLogin(callback);
        try {
            String target = singleSignOn.authorizationRequest(pending).toString();
            request.getSession(true).setAttribute(SSO_PENDING, pending);
            return context.redirect(target);
        } catch (SecurityException e) {
            LOG.warning(() -> "Single sign-on unavailable: " + e.getMessage());
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?sso=unavailable");
        }
    }

    /**
     * The provider's answer: the code is exchanged, the ID token checked and its username mapped to a platform
     * account that can log in now; otherwise back to the login page with a refusal.
     */
    private AuthenticationStatus endSingleSignOn(HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        Object remembered = session == null ? null : session.getAttribute(SSO_PENDING);
        String refused = request.getContextPath() + LOGIN_PAGE + "?sso=refused";
        if (!(remembered instanceof SingleSignOn.Pending pending)) {
            return context.redirect(refused);
        }
        session.removeAttribute(SSO_PENDING);
        String code = request.getParameter("code");
        if (!pending.state().equals(request.getParameter("state")) || code == null) {
            LOG.info(() -> "Single sign-on refused by the provider or state mismatch: "
                    + Printable.of(request.getParameter("error")));
            return context.redirect(refused);
        }
        SingleSignOn.Identity identity;
        try {
            identity = singleSignOn.login(pending, code);
        } catch (SecurityException e) {
            LOG.warning(() -> "Single sign-on failed: " + e.getMessage());
            return context.redirect(refused);
        }
        Optional<Logins.Caller> account = logins.stillAllowed(identity.username());
        if (account.isEmpty()) {
            LOG.info(() -> "Single sign-on of '" + Printable.of(identity.username())
                    + "': no platform account can log in");
            return context.redirect(refused);
        }
        request.changeSessionId();
        Logins.Caller caller = account.get();
        HttpSession opened = request.getSession(true);
        opened.setAttribute(SESSION_CALLER, asCaller(caller));
        opened.setAttribute(SSO_ID_TOKEN, identity.idToken());
        signedIn(request, opened, caller.username());
        return context.redirect(request.getContextPath() + "/app/index.xhtml");
    }

    /**
     * Records the login and opens its session in the registry: the HTTP session keeps the registry's key (each
     * intranet request is checked against it) and the account's language, which the pages take from now on
     * ({@link Language#ACCOUNT_CHOICE}).
     */
    private void signedIn(HttpServletRequest request, HttpSession opened, String username) {
        logins.recordLogin(username, request.getHeader("User-Agent")).ifPresent(session -> {
            opened.setAttribute(SESSION_KEY, session.key());
            opened.setAttribute(Language.ACCOUNT_CHOICE, session.language());
        });
    }

    /**
     * Answers 503 with {@code Retry-After} while the database is away: a problem detail for the API, the page that
     * asks to try again for people (the error page of 503, {@code web.xml}); the request goes no further.
     */
    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response,
                                                    String path) {
        response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        if (path.startsWith("/api/")) {
            return problem(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service unavailable",
                    DatabaseOutage.PROBLEM_DETAIL);
        }
        RequestIds.assign(request, response);
        SecurityHeaders.apply(request, response);
        try {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** Answers 429 with a problem detail and {@code Retry-After}: too many failed logins from this address. */
    private static AuthenticationStatus tooManyFailures(HttpServletRequest request, HttpServletResponse response,
                                                       LimitReached limited) {
        response.setHeader("Retry-After", String.valueOf(limited.retryAfterSeconds()));
        return problem(request, response, 429, "Too many requests", "Too many failed authentications from your"
                + " address: try again in " + limited.retryAfterSeconds() + " seconds.");
    }

    /** Answers 401 with a problem detail and the enabled challenges, committed so the container adds nothing. */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String detail) {
        challenges().forEach(challenge -> response.addHeader("WWW-Authenticate", challenge));
        return problem(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
    }

    /** Answers 403 with a problem detail: the caller is known, the request is not theirs to make. */
    private static AuthenticationStatus forbidden(HttpServletRequest request, HttpServletResponse response,
                                                  String detail) {
        return problem(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail);
    }

    /** Writes a problem detail (RFC 9457) with the request's id and the security headers, and commits it. */
    private static AuthenticationStatus problem(HttpServletRequest request, HttpServletResponse response, int status,
                                                String title, String detail) {
        String id = RequestIds.assign(request, response);
        SecurityHeaders.apply(request, response);
        try {
            response.setStatus(status);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(Problem.body(status, title, detail, id, null).toString());
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static SessionCaller asCaller(Logins.Caller caller) {
        return new SessionCaller(caller.username(),
                caller.roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet()));
    }

    private static UsernamePasswordCredential basicCredential(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null
                    : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
