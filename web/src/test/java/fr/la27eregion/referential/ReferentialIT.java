package fr.la27eregion.referential;

import fr.la27eregion.referential.boundary.Territories;
import fr.la27eregion.referential.boundary.Themes;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.TerritoryKind;
import fr.la27eregion.testing.MicroDeployment;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reference data on a real Payara Micro and a real PostgreSQL: the boundaries read what the migration seeded,
 * and the API, health, metrics and OpenAPI answer as documented. One deployment serves every test here.
 * In-container tests use JUnit's assertions (the deployment carries no AssertJ).
 */
@ExtendWith(ArquillianExtension.class)
class ReferentialIT {

    @Deployment
    static WebArchive deployment() {
        return MicroDeployment.microWar().addClasses(ReferentialIT.class, MicroDeployment.class);
    }

    @Inject
    Territories territories;

    @Inject
    Themes themes;

    @ArquillianResource
    URL base;

    // ----- inside the server: the boundaries against PostgreSQL -----

    @Test
    void theBoundaryReturnsTheEighteenRegionsOfFrance() {
        List<Territory> regions = territories.ofKind(TerritoryKind.REGION);
        assertEquals(18, regions.size());
        Set<String> codes = regions.stream().map(Territory::inseeCode).collect(Collectors.toSet());
        assertTrue(codes.containsAll(Set.of("01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44",
                "52", "53", "75", "76", "84", "93", "94")), codes::toString);
        Territory grandEst = territories.byCode("FR-44").orElseThrow();
        assertEquals(List.of("FRF1", "FRF2", "FRF3"), grandEst.nuts2Codes());
        assertEquals("Strasbourg", grandEst.prefecture().orElseThrow());
    }

    @Test
    void eachFormerRegionNamesTheRegionItMergedInto() {
        List<Territory> former = territories.ofKind(TerritoryKind.FORMER_REGION);
        assertEquals(26, former.size());
        assertTrue(former.stream().allMatch(t -> t.mergedInto().isPresent()), "every former region merged");
        Territory alsace = territories.byCode("FR-42-2015").orElseThrow();
        assertEquals("Alsace", alsace.name());
        assertEquals("FR-44", alsace.mergedInto().orElseThrow().code());
        Territory centre = territories.byCode("FR-24-2015").orElseThrow();
        assertEquals("Centre-Val de Loire", centre.mergedInto().orElseThrow().name());
    }

    @Test
    void themesComeInTheOrderOfTheReferenceFile() {
        var all = themes.all();
        assertEquals(11, all.size());
        assertEquals("school-2030", all.get(0).code());
        assertEquals("Culture numérique", all.get(10).nameFr());
        assertEquals("Digital culture", all.get(10).nameEn());
    }

    @Test
    void anUnknownCodeIsAbsentNotAnError() {
        assertTrue(territories.byCode("FR-99").isEmpty());
    }

    // ----- from a client: HTTP -----

    @Test
    @RunAsClient
    void territoriesAreOpenDataInJson() throws Exception {
        HttpResponse<String> response = get("api/v1/territories?kind=REGION");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonArray regions = array(response.body());
        assertEquals(18, regions.size());

        JsonObject normandie = object(get("api/v1/territories/FR-28").body());
        assertEquals("Normandie", normandie.getString("name"));
        assertEquals("28", normandie.getString("inseeCode"));
        assertEquals(2, normandie.getJsonArray("nuts2Codes").size());

        JsonObject picardie = object(get("api/v1/territories/FR-22-2015").body());
        assertEquals("FORMER_REGION", picardie.getString("kind"));
        assertEquals("FR-32", picardie.getString("mergedInto"));

        // European regions are added by the secretariat and by applications (other tests add some): count France's
        assertEquals(44, array(get("api/v1/territories").body()).getValuesAs(JsonObject.class).stream()
                .filter(territory -> !"EUROPEAN_REGION".equals(territory.getString("kind"))).count());
    }

    @Test
    @RunAsClient
    void themesAreOpenDataInJson() throws Exception {
        JsonArray all = array(get("api/v1/themes").body());
        assertEquals(11, all.size());
        assertEquals("service-design", all.getJsonObject(7).getString("code"));
        assertEquals("Design de services", all.getJsonObject(7).getString("nameFr"));
    }

    @Test
    @RunAsClient
    void anUnknownTerritoryIsA404ProblemDetail() throws Exception {
        HttpResponse<String> response = get("api/v1/territories/FR-99");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", mediaType(response));
        JsonObject problem = object(response.body());
        assertEquals(404, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains("FR-99"), problem.toString());
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertEquals("urn:request:" + requestId, problem.getString("instance"));
    }

    @Test
    @RunAsClient
    void aMalformedQueryIsA400ProblemDetailNamingTheAllowedValues() throws Exception {
        HttpResponse<String> response = get("api/v1/territories?kind=PROVINCE");
        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", mediaType(response));
        String detail = object(response.body()).getString("detail");
        assertTrue(detail.contains("PROVINCE") && detail.contains("REGION") && detail.contains("EUROPEAN_REGION"),
                detail);
    }

    @Test
    @RunAsClient
    void anUnknownApiPathIsA404ProblemDetailToo() throws Exception {
        HttpResponse<String> response = get("api/v1/no-such-thing");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", mediaType(response));
    }

    @Test
    @RunAsClient
    void readinessIsUpWithTheDatabase() throws Exception {
        HttpResponse<String> response = get("health/ready");
        assertEquals(200, response.statusCode());
        JsonObject health = object(response.body());
        assertEquals("UP", health.getString("status"));
        // readiness has several checks (database, mail, attachments' disk), in no set order
        JsonObject database = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"));
        assertEquals("up to date", database.getJsonObject("data").getString("schema"));
    }

    @Test
    @RunAsClient
    void metricsIncludeTheApiTimers() throws Exception {
        get("api/v1/themes");
        HttpResponse<String> response = get("metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("api_themes_list"), "application metric of the themes endpoint");
    }

    @Test
    @RunAsClient
    void openApiDescribesTheEndpoints() throws Exception {
        HttpResponse<String> response = get("openapi");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/api/v1/territories/{code}"), "territory path documented");
        assertTrue(response.body().contains("La 27e Région"), "API title");
    }

    @Test
    @RunAsClient
    void pagesAreServedInFrenchByDefaultAndInEnglishOnRequest() throws Exception {
        HttpResponse<String> french = get("public/territories.xhtml");
        assertEquals(200, french.statusCode());
        assertTrue(french.body().contains("lang=\"fr\""), "html lang=fr");
        assertTrue(french.body().contains("Les régions du réseau"));
        HttpResponse<String> english = get("public/territories.xhtml?lang=en");
        assertTrue(english.body().contains("lang=\"en\""), "html lang=en");
        assertTrue(english.body().contains("The regions of the network"));
    }

    @Test
    @RunAsClient
    void anUnknownPageIsAFriendlyNotFoundPage() throws Exception {
        HttpResponse<String> response = get("public/no-such-page.xhtml");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("Page introuvable"), response.body());
        assertTrue(!response.body().contains("Caused by") && !response.body().contains(".java:"), response::body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = loopback(base).resolve(path);
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Payara Micro reports the machine's address; the server listens on loopback only. */
    static URI loopback(URL base) throws Exception {
        String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        return new URI("http", null, "127.0.0.1", base.getPort(), path, null, null);
    }

    private static String mediaType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    }

    private static JsonArray array(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    private static JsonObject object(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
