package fr.la27eregion.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's intranet session without a browser: a cookie jar that logs in through the login page's form (its
 * view state included) and then asks for intranet pages, following no redirect, so a test sees where a page
 * sends it. Several of them are several sessions of one account, as from several browsers.
 */
public final class IntranetSession {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern RESET_FORM = Pattern.compile("<form id=\"reset\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern INPUT = Pattern.compile("<input[^>]*>");
    private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final URI base;
    private final String userAgent;
    private final HttpClient http;
    private String clientAddress;

    public IntranetSession(URL deployed, String userAgent) {
        this.base = URI.create(deployed.toString().endsWith("/") ? deployed.toString() : deployed + "/");
        this.userAgent = userAgent;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * This session's requests from now on come from this client address ({@code X-Forwarded-For}, which the test
     * server believes from its loopback), so a test's refused logins use up no one else's allowance.
     */
    public IntranetSession from(String address) {
        this.clientAddress = address;
        return this;
    }

    /** Logs in through the login form; whether the login page let the session into the intranet. */
    public boolean logIn(String username, String password) {
        HttpResponse<String> answer = submitLogin(username, password, UnaryOperator.identity());
        return answer.statusCode() == 302
                && answer.headers().firstValue("Location").orElse("").contains("/app/index.xhtml");
    }

    /**
     * Posts the login form with the page's view state and, as the page's script adds it to the form, the page's
     * script nonce passed through {@code sent} (the nonce itself as a browser sends it, {@code null} for none as a
     * browser without JavaScript, another for a form altered by hand); the answer, no redirect followed.
     */
    public HttpResponse<String> submitLogin(String username, String password, UnaryOperator<String> sent) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("login.xhtml")).GET());
        Matcher state = VIEW_STATE.matcher(page.body());
        Matcher nonce = NONCE.matcher(page.body());
        if (!state.find() || !nonce.find()) {
            throw new IllegalStateException("No view state or script nonce on the login page: " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", username);
        form.put("login:password", password);
        form.put("login:submit", "");
        String nonceSent = sent.apply(nonce.group(1));
        if (nonceSent != null) {
            form.put("primefaces.nonce", nonceSent);
        }
        form.put("jakarta.faces.ViewState", state.group(1));
        return send(HttpRequest.newBuilder(base.resolve("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded(form))));
    }

    /**
     * Chooses a password through a reset link's page (its form's fields as rendered, the token's among them); the
     * page's answer.
     */
    public HttpResponse<String> choosePassword(URI resetLink, String password) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(resetLink).GET());
        Matcher state = VIEW_STATE.matcher(page.body());
        Matcher action = RESET_FORM.matcher(page.body());
        if (!state.find() || !action.find()) {
            throw new IllegalStateException("No reset form on the page: " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("reset", "reset");
        Matcher input = INPUT.matcher(page.body());
        while (input.find()) {
            Matcher name = NAME.matcher(input.group());
            Matcher value = VALUE.matcher(input.group());
            if (name.find() && name.group(1).startsWith("reset:")) {
                form.put(name.group(1), value.find() ? value.group(1).replace("&amp;", "&") : "");
            }
        }
        form.put("reset:password", password);
        form.put("reset:save", "");
        // PrimeFaces' scripts send the page's CSP nonce with a postback, and it checks it against the view's
        Matcher nonce = NONCE.matcher(page.body());
        if (nonce.find()) {
            form.put("primefaces.nonce", nonce.group(1));
        }
        form.put("jakarta.faces.ViewState", state.group(1));
        return send(HttpRequest.newBuilder(resetLink.resolve(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded(form))));
    }

    private static String encoded(Map<String, String> form) {
        return form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Asks for a page of the application ({@code app/index.xhtml}); no redirect followed. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** Whether the intranet still opens for this session (a page, not a redirect to the login page). */
    public boolean inIntranet() {
        HttpResponse<String> page = get("app/index.xhtml");
        if (page.statusCode() == 200) {
            return true;
        }
        if (page.statusCode() == 302 && page.headers().firstValue("Location").orElse("").contains("/login.xhtml")) {
            return false;
        }
        throw new IllegalStateException("Neither the intranet nor the login page: " + page.statusCode());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            if (clientAddress != null) {
                request.header("X-Forwarded-For", clientAddress);
            }
            return http.send(request.header("User-Agent", userAgent).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
