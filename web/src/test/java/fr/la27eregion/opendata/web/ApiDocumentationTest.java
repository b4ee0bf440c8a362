package fr.la27eregion.opendata.web;

import fr.la27eregion.opendata.web.ApiDocumentation.Operation;
import fr.la27eregion.opendata.web.ApiDocumentation.Piece;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the API page reads an OpenAPI document, without a container. */
@DisplayName("The API page's reading of the OpenAPI document")
class ApiDocumentationTest {

    @Test
    @DisplayName("only the public operations, in the page's order, with parameters and answers")
    void onlyThePublicOperations() {
        JsonObject openapi = Json.createReader(new StringReader("""
                {"paths": {
                  "/api/v1/themes": {"get": {"summary": "List the themes", "responses": {"200": {"description": "The themes"}}}},
                  "/api/v1/journal": {"get": {"summary": "Read the journal"}},
                  "/api/v1/projects": {"get": {"summary": "Search projects", "description": "Public ones only",
                      "parameters": [{"name": "q", "in": "query", "description": "Words"},
                                     {"name": "kind", "in": "query", "required": true, "description": "e.g. INTER_REGIONAL"}],
                      "responses": {"200": {"description": "A page"}, "400": {"description": "A wrong parameter"}}},
                    "post": {"summary": "Create a project"}}}}""")).readObject();
        List<Operation> operations = ApiDocumentation.operations(openapi);
        assertThat(operations).extracting(operation -> operation.method() + " " + operation.path())
                .containsExactly("GET /api/v1/themes", "GET /api/v1/projects");
        Operation search = operations.get(1);
        assertThat(search.anchor()).isEqualTo("get-api-v1-projects");
        assertThat(search.parameters()).extracting(ApiDocumentation.Parameter::name).containsExactly("q", "kind");
        assertThat(search.parameters().get(1).required()).isTrue();
        assertThat(search.parameters().get(1).description()).containsExactly(new Piece("e.g. ", false),
                new Piece("INTER_REGIONAL", true));
        assertThat(search.answers()).extracting(ApiDocumentation.Answer::status).containsExactly("200", "400");
    }

    @Test
    @DisplayName("a word in capitals (a constant of the API) is a code among the words; plain words stay words")
    void constantsAreCodes() {
        assertThat(ApiDocumentation.pieces("UNDER_REVIEW or ACTIVE, not Under_Review nor A")).containsExactly(
                new Piece("UNDER_REVIEW", true), new Piece(" or ", false), new Piece("ACTIVE", true),
                new Piece(", not Under_Review nor A", false));
        assertThat(ApiDocumentation.pieces("")).isEmpty();
    }
}
