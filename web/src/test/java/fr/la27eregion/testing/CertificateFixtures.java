package fr.la27eregion.testing;

import fr.la27eregion.label.control.CertificateNumbers;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Test-only: takes label certificate numbers ({@link CertificateNumbers}) from a test outside the server.
 *
 * <ul>
 *     <li>{@code POST take?year&holdMillis&rollBack}: one number in a transaction of its own
 *     ({@link TakenCertificateNumber}) → {@code {"number", "committed"}};</li>
 *     <li>{@code POST without-transaction?year}: a call outside any transaction → {@code {"refused": true}} when
 *     the container refuses it, as it must.</li>
 * </ul>
 */
@WebServlet("/api/test-certificates/*")
public class CertificateFixtures extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private TakenCertificateNumber taken;

    @Inject
    private CertificateNumbers numbers;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder json = Json.createObjectBuilder();
        int status = HttpServletResponse.SC_OK;
        int year = Integer.parseInt(request.getParameter("year"));
        switch (String.valueOf(request.getPathInfo())) {
            case "/take" -> {
                boolean rollBack = Boolean.parseBoolean(request.getParameter("rollBack"));
                json.add("number", taken.take(year, Long.parseLong(request.getParameter("holdMillis")), rollBack))
                        .add("committed", !rollBack);
            }
            case "/without-transaction" -> {
                try {
                    json.add("number", numbers.next(year));
                } catch (RuntimeException refused) {
                    json.add("refused", true).add("exception", refused.getClass().getName());
                }
            }
            default -> status = HttpServletResponse.SC_NOT_FOUND;
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.build().toString());
    }
}
