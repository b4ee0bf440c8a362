package fr.la27eregion.testing;

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
import fr.la27eregion.referential.entity.Territory;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only servlet that gives a browser test the memberships it needs, through the boundaries as any client goes:
 * {@code POST /api/test-memberships} as the secretariat (HTTP Basic) with {@code name}, {@code kind} and
 * {@code steps} (the workflow's actions to take after applying, in order: {@code REVIEW,APPROVE,ACTIVATE});
 * {@code region=free} makes a regional council of a region that has none yet; {@code membership=<id>} takes the
 * steps on an existing membership instead (someone else acting meanwhile). Answers the membership, its organisation
 * and region as JSON. An organisation applies with a SIRET of its own and one coordinator.
 */
@WebServlet("/api/test-memberships")
public class MembershipFixtures extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final AtomicLong SIRETS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Inject
    private Organisations organisations;

    @Inject
    private Memberships memberships;

    @PersistenceContext
    private EntityManager em;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String existing = request.getParameter("membership");
        Membership membership = existing == null ? apply(request)
                : memberships.find(Long.parseLong(existing));
        String steps = request.getParameter("steps");
        for (String step : steps == null || steps.isBlank() ? new String[0] : steps.split(",")) {
            MembershipAction action = MembershipAction.valueOf(step.strip());
            membership = memberships.perform(membership.id(), membership.version(), action,
                    action == MembershipAction.SUSPEND || action == MembershipAction.TERMINATE
                            || action == MembershipAction.REJECT ? "Test fixture" : null,
                    action == MembershipAction.ACTIVATE ? "CONV-TEST-" + membership.id() : null);
        }
        Territory region = membership.organisation().territory().orElse(null);
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder()
                .add("membership", membership.id())
                .add("version", membership.version())
                .add("organisation", membership.organisation().id())
                .add("state", membership.state().name())
                .add("region", region == null ? "" : region.code())
                .add("regionName", region == null ? "" : region.name())
                .build().toString());
    }

    private Membership apply(HttpServletRequest request) {
        OrganisationKind kind = OrganisationKind.valueOf(request.getParameter("kind"));
        OrganisationDetails details = new OrganisationDetails();
        details.setName(request.getParameter("name"));
        details.setKind(kind);
        details.setWebsite(request.getParameter("website"));
        Territory region = "free".equals(request.getParameter("region")) ? freeRegion() : null;
        if (region != null) {
            details.setTerritoryCode(region.code());
        }
        if (kind.needsSiret()) {
            details.setSiret(Siret.withKey(String.format("7%012d", SIRETS.incrementAndGet())).value());
        }
        ContactDetails coordinator = new ContactDetails();
        coordinator.setFullName("Coordination " + details.getName());
        coordinator.setEmail("coordination-" + SIRETS.get() + "@test.invalid");
        coordinator.setNetworkRole(NetworkRole.COORDINATOR);

        return organisations.apply(details, List.of(coordinator));
    }

    /**
     * Calls the servlet from a test, as the secretariat's test account: {@code parameters} are name and value pairs
     * ({@code "name", "Région X", "kind", "ASSOCIATE", "steps", "REVIEW,APPROVE"}).
     */
    public static JsonObject call(URI application, String... parameters) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < parameters.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(parameters[i]).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        String credentials = TestAccounts.of(Role.NETWORK_ADMIN) + ":" + TestAccounts.PASSWORD;
        HttpRequest post = HttpRequest.newBuilder(application.resolve("api/test-memberships"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The membership fixture answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A region of France whose regional council is not registered yet (one council per region). */
    private Territory freeRegion() {
        return em.createQuery("SELECT t FROM Territory t WHERE t.kind = fr.la27eregion.referential.entity"
                        + ".TerritoryKind.REGION AND NOT EXISTS (SELECT o FROM Organisation o WHERE o.territory = t"
                        + " AND o.kind = fr.la27eregion.membership.entity.OrganisationKind.REGIONAL_COUNCIL)"
                        + " ORDER BY t.code", Territory.class)
                .setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Every region of France has its council already."));
    }
}
