package fr.la27eregion.identity.security;

import fr.la27eregion.identity.boundary.AccessTokens;
import fr.la27eregion.identity.boundary.Logins;
import fr.la27eregion.platform.limits.ClientLimits;
import fr.la27eregion.platform.limits.LimitReached;
import fr.la27eregion.platform.limits.LimitSettings;
import fr.la27eregion.platform.request.CurrentRequest;
import fr.la27eregion.platform.request.Printable;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.platform.api.Problem;
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

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The one authentication mechanism of the application (Jakarta EE 10 allows one per application): form login
 * for people on the intranet pages, HTTP Basic for machine clients of the API. Both validate through the
 * container's {@link IdentityStoreHandler}, so the identity store, the groups and the role mapping are
 * Jakarta Security's own; nothing here is a servlet filter.
 *
 * <ul>
 *     <li>The login page calls {@code SecurityContext.authenticate} with the credential; on success the session
 *     gets a new id (no session fixation) and keeps the caller, so later pages need no password. Each
 *     intranet page checks the account again: disabled or locked since, the session ends; roles changed since,
 *     the new ones apply.</li>
 *     <li>A request to the API with {@code Authorization: Basic} is authenticated for that request only: no
 *     session is created for machine clients. Bad credentials are a 401 problem detail.</li>
 *     <li>A request to the API with {@code Authorization: Bearer l27_…} (a personal access token) is authenticated
 *     for that request only, with the token's account as it is now ({@link AccessTokens#authenticate}); a
 *     read-only token on a write is a 403 problem detail, any refused token (unknown, forged, truncated, of
 *     another prefix, expired, revoked, of an account that cannot log in) the same 401.</li>
 *     <li>Failed authentications, form, Basic or token, are limited per client address ({@code limits.failed-logins.
 *     per-minute}): past the limit the credentials are not even checked, the API answers 429 with
 *     {@code Retry-After} and the login page says when to try again.</li>
 *     <li>A protected page without a caller redirects to the login page; a protected API resource answers 401
 *     with a {@code WWW-Authenticate} challenge.</li>
 * </ul>
 * Public pages and public API endpoints are left alone for anonymous callers.
 */
@ApplicationScoped
public class PlatformAuthentication implements HttpAuthenticationMechanism {

    /** The session attribute that holds the caller of a form login. */
    static final String SESSION_CALLER = PlatformAuthentication.class.getName() + ".caller";
    static final String LOGIN_PAGE = "/login.xhtml";
    public static final String REALM = "La 27e Region";
    /** The HTTP Basic challenge of every 401 of the API (RFC 9110 §11.6.1, RFC 7617). */
    public static final String CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
    /** The session attribute that holds a single sign-on under way. */
    static final String SSO_PENDING = PlatformAuthentication.class.getName() + ".sso";
    /** The request attribute that tells the login page its login was refused by the limit of failures. */
    public static final String LIMIT_REACHED = PlatformAuthentication.class.getName() + ".limitReached";
    /** The one answer to every refused bearer token, so it tells nothing of why. */
    static final String TOKEN_REFUSED = "This token is not valid: it is unknown, expired or revoked, or its account"
            + " cannot log in now.";
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
    private ClientLimits limits;

    @Inject
    private LimitSettings limitSettings;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // authentication runs before any filter: give the request its id now, for the journal of a login
        currentRequest.identify(RequestIds.assign(request, response));
        String address = limits.clientAddress(request);
        currentRequest.comesFrom(address);
        String path = path(request);
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
            // an intranet page: the account as it is now (disabled, locked or given other roles since the login)
            Optional<SessionCaller> current = logins.stillAllowed(caller.name())
                    .map(now -> new SessionCaller(now.username(),
                            now.roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet())));
            if (current.isPresent()) {
                if (!current.get().equals(caller)) {
                    session.setAttribute(SESSION_CALLER, current.get());
                }
                return context.notifyContainerAboutLogin(current.get().name(), current.get().groups());
            }
            logins.endSession(caller.name());
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
            UsernamePasswordCredential basic = basic(authorization.substring(6).strip());
            CredentialValidationResult result = basic == null ? CredentialValidationResult.INVALID_RESULT
                    : identityStores.validate(basic);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            limits.count(limitSettings.failedLogins(), address);
            return unauthorized(request, response, "The username or password is wrong, or the account cannot log in"
                    + " now. After repeated failures an account is locked for a while.");
        }
        if (api && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(request, response, context, authorization.substring(7).strip(), address);
        }
        if (context.isProtected()) {
            if (api) {
                return unauthorized(request, response, "This resource needs an account: send HTTP Basic credentials.");
            }
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
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
        request.getSession(true).setAttribute(SESSION_CALLER,
                new SessionCaller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
        logins.recordLogin(result.getCallerPrincipal().getName());
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * Authenticates an API request by its bearer token, for this request only (no session). Every bearer lands
     * here: a personal access token ({@code l27_…}) is checked by {@link AccessTokens}, which refuses anything else
     * like an unknown token, without a database read. A refusal counts against the failed authentications of the
     * client's address, like a wrong password, so nobody guesses tokens faster than passwords.
     */
    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, String token, String address) {
        try {
            limits.requireLeft(limitSettings.failedLogins(), address);
        } catch (LimitReached limited) {
            return tooManyFailures(request, response, limited);
        }
        // the identity provider's JWTs (a bearer without the l27_ prefix) are the other half of issue 9: until
        // they are checked here, such a bearer is refused below with the same answer as an unknown token
        AccessTokens.Check check = accessTokens.authenticate(token, request.getMethod());
        if (check.allowed()) {
            return context.notifyContainerAboutLogin(check.caller().username(),
                    check.caller().roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet()));
        }
        if (check.refusal() == AccessTokens.Refusal.READ_ONLY) {
            return forbidden(request, response, "This token may only read: a read-write token is needed for "
                    + request.getMethod() + " requests.");
        }
        limits.count(limitSettings.failedLogins(), address);
        return unauthorized(request, response, TOKEN_REFUSED);
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
        String username;
        try {
            username = singleSignOn.username(pending, code);
        } catch (SecurityException e) {
            LOG.warning(() -> "Single sign-on failed: " + e.getMessage());
            return context.redirect(refused);
        }
        Optional<Logins.Caller> account = logins.stillAllowed(username);
        if (account.isEmpty()) {
            LOG.info(() -> "Single sign-on of '" + Printable.of(username) + "': no platform account can log in");
            return context.redirect(refused);
        }
        request.changeSessionId();
        Logins.Caller caller = account.get();
        request.getSession(true).setAttribute(SESSION_CALLER, new SessionCaller(caller.username(),
                caller.roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet())));
        logins.recordLogin(caller.username());
        return context.redirect(request.getContextPath() + "/app/index.xhtml");
    }

    /** Answers 429 with a problem detail and {@code Retry-After}: too many failed logins from this address. */
    private static AuthenticationStatus tooManyFailures(HttpServletRequest request, HttpServletResponse response,
                                                       LimitReached limited) {
        String id = RequestIds.assign(request, response);
        SecurityHeaders.apply(request, response);
        try {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(limited.retryAfterSeconds()));
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(Problem.body(429, "Too many requests", "Too many failed authentications from"
                    + " your address: try again in " + limited.retryAfterSeconds() + " seconds.", id, null).toString());
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** Answers 401 with a problem detail and a Basic challenge, committed so the container adds nothing. */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String detail) {
        String id = RequestIds.assign(request, response);
        SecurityHeaders.apply(request, response);
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", CHALLENGE);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(Problem.body(401, "Unauthorized", detail, id, null).toString());
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** Answers 403 with a problem detail: the caller is known, the request is not theirs to make. */
    private static AuthenticationStatus forbidden(HttpServletRequest request, HttpServletResponse response,
                                                  String detail) {
        String id = RequestIds.assign(request, response);
        SecurityHeaders.apply(request, response);
        try {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(Problem.body(403, "Forbidden", detail, id, null).toString());
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static UsernamePasswordCredential basic(String encoded) {
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
