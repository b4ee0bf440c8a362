package fr.la27eregion.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import fr.la27eregion.project.TestProjects;
import fr.la27eregion.content.ContentFixtures;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.RegisterLabels;
import fr.la27eregion.testing.RegisterLabels.MadeLabel;
import fr.la27eregion.testing.RegisterLabels.Programme;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open data, as an anonymous reuser reads it from the shared server: each dataset's CSV parses with Commons CSV
 * and has its documented columns, each JSON validates against its own JSON Schema (draft 2020-12, formats
 * asserted), the DCAT-AP catalogue names every dataset with its licence, date and distributions, the dates follow
 * the data, the Atom feed has the new labels and public projects in both languages, and no answer opens a session.
 * The records are written by SQL, each marked with a word of this class.
 */
@DisplayName("Open data: datasets, schemas, catalogue and feed")
class OpenDataIT {

    private static final ApiClient API = new ApiClient(TestServer.url());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "members", List.of("organisation_id", "name", "kind", "territory_code", "territory_name", "website",
                    "membership_state", "member_until"),
            "projects", List.of("project_id", "url", "title", "summary", "description", "lead_organisation_id",
                    "lead_organisation", "partners", "kind", "stage", "themes", "territories", "started_on",
                    "ended_on", "budget_euros", "published_at", "updated_at"),
            "labels", List.of("certificate_number", "state", "programme", "programme_name_fr", "programme_name_en",
                    "level", "mentions", "awarded_on", "valid_until", "project_title", "project_url", "organisation",
                    "region_code", "region_name", "renewed_by"));

    private static String marker;
    private static long member;
    private static long publicProject;
    private static MadeLabel label;
    private static LocalDate awardedOn;

    @BeforeAll
    static void data() {
        marker = TestProjects.marker();
        member = RegisterLabels.organisation("Membre ouvert " + marker, "FR-53");
        Superuser.update("UPDATE organisation SET website = 'https://www.example.fr/" + marker + "' WHERE id = ?",
                member);
        Superuser.update("INSERT INTO membership (organisation_id, category, state, period_start, period_end)"
                + " VALUES (?, 'ASSOCIATE', 'ACTIVE', DATE '2026-01-01', DATE '2028-12-31')", member);
        long partner = RegisterLabels.organisation("Partenaire ouvert " + marker, "FR-76");
        publicProject = TestProjects.insert("Cantine ouverte " + marker, "Résumé, avec \"guillemets\"; et virgule "
                        + marker, "Une description\nsur deux lignes " + marker, member, "PUBLIC", "DEPLOYED",
                "EXPERIMENT", "2025-02-01", null, List.of("public-innovation"), List.of("FR-53", "FR-76"),
                List.of(partner));
        Superuser.update("UPDATE project SET budget_euros = 12500.50, published_at = now() WHERE id = ?",
                publicProject);
        Programme programme = RegisterLabels.programme("Label ouvert " + marker, "Open label " + marker, false);
        // awarded on the latest day any label of the shared database was (other test classes award some, today
        // or on moved clocks): the feed shows the last awarded first, ties by the newest, so this one is in it
        awardedOn = Superuser.column("SELECT greatest(coalesce(max(awarded_on), current_date), current_date)::text"
                + " FROM label").stream().map(LocalDate::parse).findFirst().orElseThrow();
        label = RegisterLabels.label(programme, member, "Projet labellisé " + marker, "PUBLIC", "ACTIVE",
                awardedOn, LocalDate.of(2099, 12, 31), 2, List.of("Coup de cœur", "Données"));
        // written in SQL, not through the use cases: journaled here, so the files are generated again
        Superuser.announceChanges();
    }

    private static List<CSVRecord> csv(String dataset) throws IOException {
        Reply reply = API.get("opendata/" + dataset + ".csv", null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(reply.header("Link")).contains("etalab.gouv.fr/licence-ouverte-open-licence").contains("license");
        assertThat(reply.response().headers().firstValue("Set-Cookie")).as("no session").isEmpty();
        try (CSVParser parser = CSVParser.parse(new StringReader(reply.body()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            assertThat(parser.getHeaderNames()).isEqualTo(COLUMNS.get(dataset));
            return parser.getRecords();
        }
    }

    private static CSVRecord row(List<CSVRecord> rows, String column, String value) {
        return rows.stream().filter(record -> value.equals(record.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value));
    }

    @Test
    @DisplayName("each CSV parses with Commons CSV, has its documented columns and the public records")
    void theCsvParses() throws IOException {
        CSVRecord organisation = row(csv("members"), "organisation_id", String.valueOf(member));
        assertThat(organisation.get("name")).isEqualTo("Membre ouvert " + marker);
        assertThat(organisation.get("kind")).isEqualTo("ASSOCIATE");
        assertThat(organisation.get("territory_code")).isEqualTo("FR-53");
        assertThat(organisation.get("territory_name")).isEqualTo("Bretagne");
        assertThat(organisation.get("membership_state")).isEqualTo("ACTIVE");
        assertThat(organisation.get("member_until")).isEqualTo("2028-12-31");

        CSVRecord project = row(csv("projects"), "project_id", String.valueOf(publicProject));
        assertThat(project.get("title")).isEqualTo("Cantine ouverte " + marker);
        assertThat(project.get("summary")).as("quotes and commas survive")
                .isEqualTo("Résumé, avec \"guillemets\"; et virgule " + marker);
        assertThat(project.get("description")).isEqualTo("Une description\nsur deux lignes " + marker);
        assertThat(project.get("url")).startsWith("http").endsWith("/public/projets/" + publicProject
                + "-cantine-ouverte-" + marker);
        assertThat(project.get("lead_organisation_id")).isEqualTo(String.valueOf(member));
        assertThat(project.get("partners")).isEqualTo("Partenaire ouvert " + marker);
        assertThat(project.get("themes")).isEqualTo("public-innovation");
        assertThat(project.get("territories")).isEqualTo("FR-53|FR-76");
        assertThat(project.get("started_on")).isEqualTo("2025-02-01");
        assertThat(project.get("ended_on")).isEmpty();
        assertThat(project.get("budget_euros")).isEqualTo("12500.50");
        assertThat(Instant.parse(project.get("updated_at"))).isBefore(Instant.now().plusSeconds(60));

        CSVRecord awarded = row(csv("labels"), "certificate_number", label.number());
        assertThat(awarded.get("state")).isEqualTo("ACTIVE");
        assertThat(awarded.get("mentions")).isEqualTo("Coup de cœur|Données");
        assertThat(awarded.get("level")).isEqualTo("2");
        assertThat(awarded.get("awarded_on")).isEqualTo(awardedOn.toString());
        assertThat(awarded.get("organisation")).isEqualTo("Membre ouvert " + marker);
        assertThat(String.join(",", awarded.values())).doesNotContain(label.code());
    }

    private static JsonNode json(String path) throws IOException {
        Reply reply = API.get(path, null);
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        assertThat(reply.response().headers().firstValue("Set-Cookie")).as("no session").isEmpty();
        return JSON.readTree(reply.body());
    }

    @Test
    @DisplayName("each JSON validates against its JSON Schema, in French and in English, and names its licence")
    void theJsonMatchesItsSchema() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (String dataset : COLUMNS.keySet()) {
            for (String lang : List.of("", "?lang=en")) {
                JsonNode schemaDocument = json("opendata/" + dataset + ".schema.json" + lang);
                JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(schemaDocument, config);
                JsonNode document = json("opendata/" + dataset + ".json" + lang);
                Set<ValidationMessage> errors = schema.validate(document);
                assertThat(errors).as(dataset + lang).isEmpty();
                assertThat(document.get("licenceUrl").asText())
                        .isEqualTo("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
                assertThat(document.get("licence").asText()).contains("Licence Ouverte");
                assertThat(document.get("records").size()).as(dataset).isPositive();
                assertThat(schemaDocument.at("/properties/records/items/required"))
                        .extracting(JsonNode::asText).containsExactlyElementsOf(COLUMNS.get(dataset));
            }
        }
        assertThat(json("opendata/projects.json?lang=en").get("title").asText()).isEqualTo("Public projects");
        assertThat(json("opendata/projects.json").get("title").asText()).isEqualTo("Projets publics");
        JsonNode project = records(json("opendata/projects.json"), "project_id").get(String.valueOf(publicProject));
        assertThat(project.get("budget_euros").decimalValue()).isEqualByComparingTo("12500.50");
        assertThat(project.get("territories")).extracting(JsonNode::asText).containsExactly("FR-53", "FR-76");
        assertThat(project.get("ended_on").isNull()).isTrue();

        // a record the schema does not allow is refused: the schema says something
        JsonNode wrong = JSON.readTree("{\"dataset\":\"labels\",\"licence\":\"x\",\"licenceUrl\":"
                + "\"https://www.etalab.gouv.fr/licence-ouverte-open-licence/\",\"modified\":\"2026-01-01T00:00:00Z\","
                + "\"records\":[{\"certificate_number\":\"L27-2026-0001\",\"verification_code\":\"ABCD\"}]}");
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(json("opendata/labels.schema.json"), config).validate(wrong)).isNotEmpty();
    }

    private static Map<String, JsonNode> records(JsonNode document, String key) {
        Map<String, JsonNode> byKey = new java.util.HashMap<>();
        document.get("records").forEach(record -> byKey.put(record.get(key).asText(), record));
        return byKey;
    }

    @Test
    @DisplayName("the DCAT-AP catalogue names every dataset with titles, licence, publisher, date and distributions")
    void theCatalogueNamesEveryDataset() throws IOException {
        Reply reply = API.get("opendata/catalog.jsonld", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo("application/ld+json");
        JsonNode catalogue = JSON.readTree(reply.body());
        assertThat(catalogue.get("@type").asText()).isEqualTo("dcat:Catalog");
        assertThat(catalogue.at("/@context/dcat").asText()).isEqualTo("http://www.w3.org/ns/dcat#");
        Map<String, JsonNode> datasets = new java.util.HashMap<>();
        catalogue.get("dcat:dataset").forEach(dataset -> datasets.put(dataset.get("dct:identifier").asText(), dataset));
        assertThat(datasets.keySet()).containsExactlyInAnyOrderElementsOf(COLUMNS.keySet());
        for (Map.Entry<String, JsonNode> entry : datasets.entrySet()) {
            JsonNode dataset = entry.getValue();
            assertThat(dataset.get("@type").asText()).isEqualTo("dcat:Dataset");
            assertThat(dataset.get("dct:title")).extracting(title -> title.get("@language").asText())
                    .containsExactly("fr", "en");
            assertThat(dataset.get("dct:description")).hasSize(2);
            assertThat(dataset.at("/dct:license/@id").asText())
                    .isEqualTo("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
            assertThat(dataset.at("/dct:publisher/foaf:name").asText()).isEqualTo("La 27e Région");
            Instant modified = Instant.parse(dataset.at("/dct:modified/@value").asText());
            Map<String, JsonNode> distributions = new java.util.HashMap<>();
            dataset.get("dcat:distribution").forEach(distribution -> distributions.put(
                    distribution.at("/dcat:mediaType/@id").asText(), distribution));
            assertThat(distributions.keySet()).containsExactlyInAnyOrder(
                    "https://www.iana.org/assignments/media-types/text/csv",
                    "https://www.iana.org/assignments/media-types/application/json");
            for (JsonNode distribution : distributions.values()) {
                String download = distribution.at("/dcat:downloadURL/@id").asText();
                assertThat(download).endsWith("/opendata/" + entry.getKey()
                        + (download.endsWith(".csv") ? ".csv" : ".json"));
                HttpResponse<String> file = get(URI.create(download), null);
                assertThat(file.statusCode()).as(download).isEqualTo(200);
                assertThat(java.time.ZonedDateTime.parse(file.headers().firstValue("Last-Modified").orElseThrow(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                        .as("the file's date is the catalogue's").isEqualTo(modified);
            }
            assertThat(distributions.get("https://www.iana.org/assignments/media-types/application/json")
                    .at("/dct:conformsTo/@id").asText()).endsWith("/opendata/" + entry.getKey() + ".schema.json");
        }
        assertThat(API.get("opendata/nothing.csv", null).status()).isEqualTo(404);
        assertThat(API.get("opendata/members.xml", null).status()).isEqualTo(404);
    }

    private static HttpResponse<String> get(URI uri, String ifModifiedSince) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri);
            if (ifModifiedSince != null) {
                request.header("If-Modified-Since", ifModifiedSince);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(failed);
        }
    }

    @Test
    @DisplayName("a dataset's date is its data's last change: a change moves it, an unchanged copy gets a 304")
    void theDateFollowsTheData() throws IOException {
        URI projects = uri("opendata/projects.json");
        HttpResponse<String> first = get(projects, null);
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(get(projects, lastModified).statusCode()).isEqualTo(304);

        Superuser.update("UPDATE project SET summary = 'Résumé revu " + marker + "', updated_at = now()"
                + " + interval '2 seconds' WHERE id = ?", publicProject);
        Superuser.announceChanges();
        HttpResponse<String> changed = get(projects, lastModified);
        assertThat(changed.statusCode()).as("changed since").isEqualTo(200);
        assertThat(changed.body()).contains("Résumé revu " + marker);
        Instant before = Instant.parse(JSON.readTree(first.body()).get("modified").asText());
        Instant after = Instant.parse(JSON.readTree(changed.body()).get("modified").asText());
        assertThat(after).isAfter(before);
    }

    private static java.net.URI uri(String path) {
        try {
            return TestServer.url().toURI().resolve(path);
        } catch (java.net.URISyntaxException wrong) {
            throw new AssertionError(wrong);
        }
    }

    @Test
    @DisplayName("the Atom feed has the news, the new labels and public projects, in French and in English")
    void theFeedHasTheNews() throws Exception {
        String newsKey = "actu-ouverte-" + marker.toLowerCase(java.util.Locale.ROOT);
        ContentFixtures.published("NEWS", newsKey, "Nouvelle ouverte " + marker, List.of());
        for (String lang : List.of("fr", "en")) {
            Reply reply = API.get("feeds/news.atom" + ("en".equals(lang) ? "?lang=en" : ""), null);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.mediaType()).isEqualTo("application/atom+xml");
            assertThat(reply.response().headers().firstValue("Set-Cookie")).as("no session").isEmpty();
            SyndFeed feed = new SyndFeedInput().build(new StringReader(reply.body()));
            assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
            assertThat(feed.getTitle()).isEqualTo("en".equals(lang)
                    ? "La 27e Région: news, new labels and public projects"
                    : "La 27e Région : actualités, nouveaux labels et projets publics");
            Map<String, SyndEntry> entries = feed.getEntries().stream()
                    .collect(Collectors.toMap(SyndEntry::getUri, Function.identity()));
            SyndEntry project = entries.get("tag:la27eregion.fr,2026:project:" + publicProject);
            assertThat(project).as("the public project").isNotNull();
            assertThat(project.getTitle()).contains("Cantine ouverte " + marker)
                    .startsWith("en".equals(lang) ? "New public project" : "Nouveau projet public");
            assertThat(project.getLink()).contains("/public/projets/" + publicProject + "-");
            SyndEntry awarded = entries.get("tag:la27eregion.fr,2026:label:" + label.number());
            assertThat(awarded).as("the label").isNotNull();
            assertThat(awarded.getTitle()).contains(("en".equals(lang) ? "Open label " : "Label ouvert ") + marker);
            SyndEntry news = entries.get("tag:la27eregion.fr,2026:news:" + newsKey);
            assertThat(news).as("the secretariat's news item").isNotNull();
            assertThat(news.getTitle()).isEqualTo("en".equals(lang) ? "News: Nouvelle ouverte " + marker + " (en)"
                    : "Actualité : Nouvelle ouverte " + marker);
            assertThat(news.getLink()).endsWith("/public/actualite.xhtml?id=" + newsKey + "&lang=" + lang);
            assertThat(API.get(news.getLink().substring(news.getLink().indexOf("public/")), null).status())
                    .as("its page").isEqualTo(200);
        }
        String page = API.get("public/open-data.xhtml?lang=en", null).body();
        assertThat(page).contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
                .contains("/feeds/news.atom?lang=en");
    }

    @Test
    @DisplayName("the documentation page lists every dataset, its columns, its licence and its downloads")
    void thePageDocumentsTheData() {
        for (String lang : List.of("fr", "en")) {
            Reply reply = API.get("public/open-data.xhtml?lang=" + lang, null);
            assertThat(reply.status()).isEqualTo(200);
            String page = reply.body();
            assertThat(page).contains("lang=\"" + lang + "\"").contains("etalab.gouv.fr/licence-ouverte-open-licence")
                    .contains("/opendata/catalog.jsonld");
            for (Map.Entry<String, List<String>> dataset : COLUMNS.entrySet()) {
                assertThat(page).contains("/opendata/" + dataset.getKey() + ".csv")
                        .contains("/opendata/" + dataset.getKey() + ".json")
                        .contains("/opendata/" + dataset.getKey() + ".schema.json");
                dataset.getValue().forEach(column -> assertThat(page).contains(">" + column + "<"));
            }
        }
    }
}
