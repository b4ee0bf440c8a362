package fr.la27eregion.testing;

import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.project.boundary.ProjectSearch;
import fr.la27eregion.project.boundary.Projects;
import fr.la27eregion.project.boundary.SimilarProject;
import fr.la27eregion.project.entity.LinkDetails;
import fr.la27eregion.project.entity.OutsidePartnerDetails;
import fr.la27eregion.project.entity.OutsidePartnerKind;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectAction;
import fr.la27eregion.project.entity.ProjectDetails;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.StageAction;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test-only: drives the project catalogue's boundary ({@link Projects}) from a test outside the server, as whoever
 * the request authenticated as (HTTP Basic, under {@code /api/}; anonymous otherwise), before the REST API of
 * projects exists. A refusal keeps its meaning (422 with the rule's key and field, 403, 404, 409).
 *
 * <ul>
 *     <li>{@code POST create} and {@code POST update?id&version}: the details as parameters ({@code title},
 *     {@code summary}, {@code kind}, {@code description}, {@code lessons}, {@code contactName}, {@code partners}
 *     (ids, comma-separated), {@code territories}, {@code themes}, {@code outsideName}, {@code outsideCountry},
 *     {@code link}, {@code linkLabel}, {@code lead});</li>
 *     <li>{@code POST step?id&version&action[&reason]}, {@code POST stage?…} and {@code POST step-then-fail?…};</li>
 *     <li>{@code GET find?id}, {@code GET public?id}, {@code GET mine};</li>
 *     <li>{@code GET similar?id} and {@code GET similar-public?id}: the ids of the similar projects the
 *     intranet's and the public project page show ({@link ProjectSearch#similar}, {@link ProjectSearch#similarPublic}).</li>
 * </ul>
 */
@WebServlet("/api/test-projects/*")
public class ProjectFixtures extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private Projects projects;

    @Inject
    private RolledBackProjectStep rolledBack;

    @Inject
    private ProjectSearch search;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder json = Json.createObjectBuilder();
        int status = HttpServletResponse.SC_OK;
        try {
            switch (String.valueOf(request.getPathInfo())) {
                case "/create" -> describe(json, projects.create(details(request)));
                case "/update" -> describe(json, projects.update(id(request), version(request), details(request)));
                case "/step" -> describe(json, projects.step(id(request), version(request),
                        ProjectAction.valueOf(request.getParameter("action")), request.getParameter("reason"))
                        .record());
                case "/stage" -> describe(json, projects.stage(id(request), version(request),
                        StageAction.valueOf(request.getParameter("action")), request.getParameter("reason"))
                        .record());
                case "/step-then-fail" -> {
                    try {
                        rolledBack.stepThenFail(id(request), version(request),
                                ProjectAction.valueOf(request.getParameter("action")), request.getParameter("reason"));
                    } catch (EJBException expected) {
                        json.add("rolledBack", true);
                    }
                }
                case "/find" -> describe(json, projects.find(id(request)));
                case "/public" -> describe(json, search.publicProject(id(request)));
                case "/similar" -> json.add("ids", Json.createArrayBuilder(search.similar(id(request),
                        ProjectSearch.SIMILAR).stream().map(SimilarProject::id).toList()));
                case "/similar-public" -> json.add("ids", Json.createArrayBuilder(search.similarPublic(id(request),
                        ProjectSearch.SIMILAR).stream().map(SimilarProject::id).toList()));
                case "/mine" -> json.add("count", projects.countMine(request.getParameter("filter")))
                        .add("ids", Json.createArrayBuilder(projects.mine(request.getParameter("filter"), 0, 200)
                                .stream().map(Project::id).toList()));
                default -> status = HttpServletResponse.SC_NOT_FOUND;
            }
        } catch (RuleViolation refused) {
            status = 422;
            json.add("key", refused.key()).add("field", refused.field().orElse(""));
        } catch (AccessRefused | EJBAccessException refused) {
            status = HttpServletResponse.SC_FORBIDDEN;
        } catch (RecordNotFound missing) {
            status = HttpServletResponse.SC_NOT_FOUND;
        } catch (StaleRecord stale) {
            status = HttpServletResponse.SC_CONFLICT;
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.build().toString());
    }

    private static ProjectDetails details(HttpServletRequest request) {
        ProjectDetails details = new ProjectDetails();
        details.setTitle(request.getParameter("title"));
        details.setSummary(request.getParameter("summary"));
        details.setKind(request.getParameter("kind") == null ? ProjectKind.INNOVATION
                : ProjectKind.valueOf(request.getParameter("kind")));
        details.setDescription(request.getParameter("description"));
        details.setLessons(request.getParameter("lessons"));
        details.setContactName(request.getParameter("contactName"));
        details.setPartnerOrganisationIds(new ArrayList<>(list(request, "partners").stream().map(Long::valueOf)
                .toList()));
        details.setTerritoryCodes(new ArrayList<>(list(request, "territories")));
        details.setThemeCodes(new ArrayList<>(list(request, "themes")));
        if (request.getParameter("outsideName") != null) {
            details.getOutsidePartners().add(new OutsidePartnerDetails(request.getParameter("outsideName"),
                    request.getParameter("outsideCountry") == null ? "DE" : request.getParameter("outsideCountry"),
                    OutsidePartnerKind.UNIVERSITY));
        }
        if (request.getParameter("link") != null) {
            details.getLinks().add(new LinkDetails(request.getParameter("link"), request.getParameter("linkLabel")));
        }
        if (request.getParameter("lead") != null) {
            details.setLeadOrganisationId(Long.valueOf(request.getParameter("lead")));
        }
        return details;
    }

    private static List<String> list(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::strip)
                .toList();
    }

    private static void describe(JsonObjectBuilder json, Project project) {
        json.add("id", project.id()).add("version", project.version()).add("title", project.title())
                .add("visibility", project.visibility().name()).add("stage", project.stage().name())
                .add("organisation", project.leadOrganisation().id()).add("description", project.description())
                .add("slug", project.slug());
    }

    private static long id(HttpServletRequest request) {
        return Long.parseLong(request.getParameter("id"));
    }

    private static int version(HttpServletRequest request) {
        return Integer.parseInt(request.getParameter("version"));
    }
}
