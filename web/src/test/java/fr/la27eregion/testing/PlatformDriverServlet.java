package fr.la27eregion.testing;

import fr.la27eregion.identity.boundary.AccessTokens;
import fr.la27eregion.identity.boundary.Accounts;
import fr.la27eregion.identity.boundary.MyAccount;
import fr.la27eregion.identity.entity.TokenScope;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.boundary.Memberships;
import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.membership.entity.ContactDetails;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.NetworkRole;
import fr.la27eregion.membership.entity.OrganisationDetails;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.membership.entity.Siret;
import fr.la27eregion.notification.boundary.Outbox;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test-only: drives the membership workflow, the outbox, the clock and the daily job from a test running outside
 * the server, as whoever the request authenticated as (HTTP Basic, under {@code /api/}; anonymous otherwise). It
 * answers JSON; a refusal of a boundary keeps its meaning (422 with the rule's key, 403, 404, 409).
 *
 * <ul>
 *     <li>{@code POST apply?name&email&language}: an organisation applies, with one coordinator contact;</li>
 *     <li>{@code POST perform?id&version&action[&reason][&agreement]}: a transition, as the caller;</li>
 *     <li>{@code POST attachments-folder?path=}: the folder of new project attachments (empty: PostgreSQL);</li>
 *     <li>{@code POST perform-then-fail?…}: the same inside a use case that then fails and rolls back;</li>
 *     <li>{@code POST clock?seconds} or {@code clock?date=2031-05-01}: moves the platform's clock
 *     ({@link MovableClock});</li>
 *     <li>{@code POST retry}: a retry pass of the outbox, now;</li>
 *     <li>{@code POST renew-all?memberships=id:version,…}: the desk's bulk renewal, as the caller; each outcome;</li>
 *     <li>{@code POST job?count[&job=labels.daily]}: runs the daily (membership) job from that many timers at once; {@code GET job?tag}: its
 *     outcome;</li>
 *     <li>{@code GET timers}: the module's timers;</li>
 *     <li>{@code POST account?username}, {@code POST reset?id}, {@code POST new-password?token&password}: an account,
 *     its password reset link, and using it; {@code POST account?username&role} an account of that role (no
 *     organisation), {@code POST account-disable?username} and {@code POST account-roles?username&role} as the
 *     caller (the secretariat);</li>
 *     <li>{@code POST token?name&scope[&expiresOn]}: a personal access token of the caller, its secret included;
 *     {@code POST token-revoke?id&version}: the caller revokes their own;</li>
 *     <li>{@code POST account-sessions}: the ids of the caller's active intranet sessions; {@code POST
 *     end-session?id}: the caller ends one of them ("My account").</li>
 * </ul>
 */
@WebServlet("/api/test-driver/*")
public class PlatformDriverServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private Organisations organisations;

    @Inject
    private Memberships memberships;

    @Inject
    private RolledBackTransition rolledBack;

    @Inject
    private Outbox outbox;

    @Inject
    private ScheduleTimers schedule;

    @Inject
    private Accounts accounts;

    @Inject
    private AccessTokens accessTokens;

    @Inject
    private MyAccount myAccount;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder json = Json.createObjectBuilder();
        switch (String.valueOf(request.getPathInfo())) {
            case "/job" -> {
                Optional<String> outcome = schedule.outcome(request.getParameter("tag"));
                if (outcome.isEmpty()) {
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    return;
                }
                json.add("outcome", outcome.get());
            }
            case "/timers" -> json.add("timers", Json.createArrayBuilder(schedule.all()));
            case "/heap" -> {
                // the live heap: what is still reachable after a full collection (the exports' memory test)
                System.gc();
                Runtime runtime = Runtime.getRuntime();
                json.add("usedBytes", runtime.totalMemory() - runtime.freeMemory());
            }
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        write(response, HttpServletResponse.SC_OK, json);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder json = Json.createObjectBuilder();
        int status = HttpServletResponse.SC_OK;
        try {
            switch (String.valueOf(request.getPathInfo())) {
                case "/apply" -> describe(json, organisations.apply(details(request.getParameter("name")),
                        List.of(coordinator(request.getParameter("email"), request.getParameter("language")))));
                case "/perform" -> describe(json, memberships.perform(id(request), version(request),
                        action(request), request.getParameter("reason"), request.getParameter("agreement")));
                case "/perform-then-fail" -> {
                    try {
                        rolledBack.performThenFail(id(request), version(request), action(request),
                                request.getParameter("reason"), request.getParameter("agreement"));
                    } catch (EJBException expected) {
                        json.add("rolledBack", true);
                    }
                }
                case "/clock" -> {
                    if (request.getParameter("date") != null) {
                        MovableClock.moveTo(LocalDate.parse(request.getParameter("date")));
                    } else {
                        MovableClock.moveBy(Duration.ofSeconds(Long.parseLong(request.getParameter("seconds"))));
                    }
                    json.add("offsetSeconds", MovableClock.offset().toSeconds());
                }
                case "/retry" -> json.add("sent", outbox.sendDue());
                case "/attachments-folder" -> {
                    String folder = request.getParameter("path");
                    MovableAttachmentFolder.use(folder == null || folder.isEmpty() ? null
                            : java.nio.file.Path.of(folder));
                }
                case "/renew-all" -> {
                    Map<Long, Integer> versions = new LinkedHashMap<>();
                    for (String seen : request.getParameter("memberships").split(",")) {
                        String[] idAndVersion = seen.split(":");
                        versions.put(Long.parseLong(idAndVersion[0]), Integer.parseInt(idAndVersion[1]));
                    }
                    JsonArrayBuilder outcomes = Json.createArrayBuilder();
                    memberships.renewAll(versions).forEach(outcome -> outcomes.add(Json.createObjectBuilder()
                            .add("id", outcome.membershipId()).add("done", outcome.done()).add("key", outcome.key())));
                    json.add("outcomes", outcomes);
                }
                case "/job" -> json.add("tags", Json.createArrayBuilder(schedule.fire(
                        Integer.parseInt(request.getParameter("count")), request.getParameter("job") == null
                                ? ScheduleTimers.MEMBERSHIP : request.getParameter("job"))));
                case "/account" -> {
                    String username = request.getParameter("username");
                    Account account = accounts.create(username, "Test " + username, username + "@test.invalid",
                            TestAccounts.PASSWORD, Set.of(role(request)), null);
                    json.add("id", account.id());
                }
                case "/account-disable" -> {
                    Account account = account(request);
                    accounts.disable(account.id(), account.version());
                }
                case "/account-roles" -> {
                    Account account = account(request);
                    accounts.changeRoles(account.id(), account.version(), Set.of(role(request)), null);
                }
                case "/token" -> {
                    String expiresOn = request.getParameter("expiresOn");
                    AccessTokens.Created created = accessTokens.create(request.getParameter("name"),
                            TokenScope.valueOf(request.getParameter("scope")),
                            expiresOn == null ? null : LocalDate.parse(expiresOn));
                    json.add("id", created.token().id()).add("version", created.token().version())
                            .add("secret", created.secret()).add("prefix", created.token().prefix());
                }
                case "/account-sessions" -> {
                    JsonArrayBuilder ids = Json.createArrayBuilder();
                    myAccount.sessions(null).forEach(line -> ids.add(line.id()));
                    json.add("sessions", ids);
                }
                case "/end-session" -> json.add("ended", myAccount.endSession(id(request), null));
                case "/token-revoke" -> json.add("state", accessTokens.revokeMine(id(request), version(request))
                        .revokedAt().isPresent() ? "REVOKED" : "ACTIVE");
                case "/reset" -> {
                    Accounts.PasswordResetIssued issued = accounts.requestPasswordReset(id(request));
                    json.add("validUntil", issued.validUntil().toString());
                    if (issued.mailedTo() != null) {
                        json.add("mailedTo", issued.mailedTo());
                    }
                }
                case "/new-password" -> accounts.resetPassword(request.getParameter("token"),
                        request.getParameter("password"));
                default -> status = HttpServletResponse.SC_NOT_FOUND;
            }
        } catch (RuleViolation refused) {
            status = 422;
            json.add("key", refused.key());
        } catch (AccessRefused | EJBAccessException refused) {
            status = HttpServletResponse.SC_FORBIDDEN;
        } catch (RecordNotFound missing) {
            status = HttpServletResponse.SC_NOT_FOUND;
        } catch (StaleRecord stale) {
            status = HttpServletResponse.SC_CONFLICT;
        }
        write(response, status, json);
    }

    private static OrganisationDetails details(String name) {
        OrganisationDetails details = new OrganisationDetails();
        details.setName(name);
        details.setKind(OrganisationKind.ASSOCIATE);
        details.setSiret(Siret.withKey(String.format("8%012d",
                ThreadLocalRandom.current().nextLong(1_000_000_000_000L))).value());
        return details;
    }

    private static ContactDetails coordinator(String email, String language) {
        ContactDetails contact = new ContactDetails();
        contact.setFullName("Coordination " + email);
        contact.setEmail(email);
        contact.setNetworkRole(NetworkRole.COORDINATOR);
        contact.setLanguage(language == null ? "fr" : language);
        return contact;
    }

    private static void describe(JsonObjectBuilder json, Membership membership) {
        json.add("id", membership.id()).add("organisation", membership.organisation().id())
                .add("version", membership.version()).add("state", membership.state().name());
        if (membership.periodEnd() != null) {
            json.add("periodEnd", membership.periodEnd().toString());
        }
    }

    private static Role role(HttpServletRequest request) {
        String role = request.getParameter("role");
        return role == null ? Role.JURY : Role.valueOf(role);
    }

    private Account account(HttpServletRequest request) {
        return accounts.page(request.getParameter("username"), 0, 200).stream()
                .filter(account -> account.username().equals(request.getParameter("username"))).findFirst()
                .orElseThrow(() -> new RecordNotFound("no account " + request.getParameter("username")));
    }

    private static long id(HttpServletRequest request) {
        return Long.parseLong(request.getParameter("id"));
    }

    private static int version(HttpServletRequest request) {
        return Integer.parseInt(request.getParameter("version"));
    }

    private static MembershipAction action(HttpServletRequest request) {
        return MembershipAction.valueOf(request.getParameter("action"));
    }

    private static void write(HttpServletResponse response, int status, JsonObjectBuilder json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.build().toString());
    }
}
