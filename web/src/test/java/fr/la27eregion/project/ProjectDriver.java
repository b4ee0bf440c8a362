package fr.la27eregion.project;

import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.TestServer;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Calls the project boundary through the test-only servlet {@code ProjectFixtures}, as a test account or anonymous. */
final class ProjectDriver {

    final ApiClient api = new ApiClient(TestServer.url());

    /** {@code path} ({@code create}, {@code step}...) with these parameters (name, value, name, value...). */
    ApiClient.Reply call(String path, String username, Object... parameters) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            form.put(String.valueOf(parameters[i]), String.valueOf(parameters[i + 1]));
        }
        return call(path, username, form);
    }

    ApiClient.Reply call(String path, String username, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return api.send("POST", "api/test-projects/" + path, "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString(body), username);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
