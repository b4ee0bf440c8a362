package fr.la27eregion.opendata.web;

import fr.la27eregion.platform.cache.PublicResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The public API's documentation as a page for people ({@code public/api.xhtml}), read from the platform's own
 * OpenAPI document ({@code /openapi}, which MicroProfile OpenAPI builds from the resources' annotations): the
 * operations anyone may call, each with its summary, description, parameters and answers. Plain HTML tables and
 * headings, so it is as accessible as the other public pages; a script-driven viewer (Swagger UI) would need its
 * own accessibility checks and inline scripts the pages' Content-Security-Policy refuses.
 *
 * <p>The document is read once, from the server itself over the loopback (the address and port the request came in
 * on), and kept: it changes only with a new deployment. When it cannot be read, the page says so and links to it.
 */
@Named
@ApplicationScoped
public class ApiDocumentation {

    private static final Logger LOG = Logger.getLogger(ApiDocumentation.class.getName());

    /** The public operations, in the order of the page: {@code METHOD path}. */
    static final List<String> PUBLIC = List.of(
            "GET /api/v1/territories", "GET /api/v1/territories/{code}", "GET /api/v1/themes",
            "GET /api/v1/organisations", "GET /api/v1/organisations/{id}",
            "GET /api/v1/projects", "GET /api/v1/projects/{id}",
            "GET /api/v1/labels", "GET /api/v1/labels/verify/{code}",
            "GET /api/v1/label-programmes", "GET /api/v1/campaigns");

    private volatile List<Operation> operations;

    /** An operation as the page shows it. */
    public record Operation(String method, String path, String anchor, List<Piece> summary, List<Piece> description,
                            List<Parameter> parameters, List<Answer> answers) {

        public String getMethod() {
            return method;
        }

        public String getPath() {
            return path;
        }

        public String getAnchor() {
            return anchor;
        }

        public List<Piece> getSummary() {
            return summary;
        }

        public List<Piece> getDescription() {
            return description;
        }

        public List<Parameter> getParameters() {
            return parameters;
        }

        public List<Answer> getAnswers() {
            return answers;
        }
    }

    public record Parameter(String name, String in, boolean required, List<Piece> description) {

        public String getName() {
            return name;
        }

        public String getIn() {
            return in;
        }

        public boolean isRequired() {
            return required;
        }

        public List<Piece> getDescription() {
            return description;
        }
    }

    public record Answer(String status, List<Piece> description) {

        public String getStatus() {
            return status;
        }

        public List<Piece> getDescription() {
            return description;
        }
    }

    /**
     * A piece of a text of the document: words, or a code (a word in capitals: {@code UNDER_REVIEW}, {@code ACTIVE}, a
     * constant of the API, or {@code JSON}) that the page shows as code, in no human language.
     */
    public record Piece(String text, boolean code) {

        public String getText() {
            return text;
        }

        public boolean isCode() {
            return code;
        }
    }

    private static final java.util.regex.Pattern CODE =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}_-])[A-Z](?:[A-Z0-9]|_(?=[A-Z0-9]))+(?![\\p{L}\\p{N}_-])");

    /** The text cut into words and codes. */
    static List<Piece> pieces(String text) {
        List<Piece> pieces = new ArrayList<>();
        java.util.regex.Matcher code = CODE.matcher(text);
        int from = 0;
        while (code.find()) {
            if (code.start() > from) {
                pieces.add(new Piece(text.substring(from, code.start()), false));
            }
            pieces.add(new Piece(code.group(), true));
            from = code.end();
        }
        if (from < text.length()) {
            pieces.add(new Piece(text.substring(from), false));
        }
        return pieces;
    }

    /** The public operations, or an empty list when the OpenAPI document could not be read. */
    public List<Operation> getOperations() {
        List<Operation> read = operations;
        if (read == null) {
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                    .getRequest();
            read = fetch(URI.create(request.getScheme() + "://" + host(request.getLocalAddr()) + ":"
                    + request.getLocalPort() + "/openapi"));
            if (!read.isEmpty()) {
                operations = read;
            } else {
                // the page that says the document could not be read must not be kept for the next readers
                PublicResponses.doNotKeep(request);
            }
        }
        return read;
    }

    private static String host(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private static List<Operation> fetch(URI document) {
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(document).header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                LOG.warning(() -> "The OpenAPI document answered " + answer.statusCode());
                return List.of();
            }
            try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
                return operations(reader.readObject());
            }
        } catch (IOException | RuntimeException failed) {
            LOG.log(Level.WARNING, "The OpenAPI document could not be read from " + document, failed);
            return List.of();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    static List<Operation> operations(JsonObject openapi) {
        JsonObject paths = openapi.getJsonObject("paths");
        List<Operation> found = new ArrayList<>();
        for (String operation : PUBLIC) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            JsonObject item = paths == null ? null : paths.getJsonObject(path);
            JsonObject described = item == null ? null : item.getJsonObject(method.toLowerCase(java.util.Locale.ROOT));
            if (described == null) {
                continue;
            }
            List<Parameter> parameters = new ArrayList<>();
            for (JsonValue value : described.getJsonArray("parameters") == null ? List.<JsonValue>of()
                    : described.getJsonArray("parameters")) {
                JsonObject parameter = value.asJsonObject();
                parameters.add(new Parameter(parameter.getString("name", ""), parameter.getString("in", ""),
                        parameter.getBoolean("required", false), pieces(parameter.getString("description", ""))));
            }
            List<Answer> answers = new ArrayList<>();
            JsonObject responses = described.getJsonObject("responses");
            if (responses != null) {
                for (Map.Entry<String, JsonValue> response : responses.entrySet()) {
                    answers.add(new Answer(response.getKey(),
                            pieces(response.getValue().asJsonObject().getString("description", ""))));
                }
            }
            found.add(new Operation(method, path, (method + path).toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""), pieces(described.getString("summary", "")),
                    pieces(described.getString("description", "")), parameters, answers));
        }
        return found;
    }
}
