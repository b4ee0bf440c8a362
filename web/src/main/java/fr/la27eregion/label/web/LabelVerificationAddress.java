package fr.la27eregion.label.web;

import fr.la27eregion.label.control.LabelSettings;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The address printed in every certificate's QR code, {@code /public/labels/verifier/{code}}
 * ({@link LabelSettings#VERIFICATION_PATH}, fixed for good): forwarded to the verification page
 * {@code public/verification.xhtml} with the code, as {@code PublicProjectAddress} forwards a project's address.
 * Whatever follows the path is handed over as typed; the page reads it as a code or says no label has it.
 */
@WebServlet(urlPatterns = LabelSettings.VERIFICATION_PATH + "*")
public class LabelVerificationAddress extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The page a verification address shows. */
    static final String PAGE = "/public/verification.xhtml";

    /** Longer than any code typed with spaces: beyond it, the page is shown without a code. */
    private static final int MAX_CODE = 100;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String code = path.replaceFirst("^/", "").replaceFirst("/$", "");
        String query = request.getQueryString();
        StringBuilder target = new StringBuilder(PAGE);
        if (!code.isEmpty() && code.length() <= MAX_CODE) {
            target.append("?code=").append(URLEncoder.encode(code, StandardCharsets.UTF_8));
        }
        if (query != null) {
            target.append(target.indexOf("?") < 0 ? '?' : '&').append(query);
        }
        request.getRequestDispatcher(target.toString()).forward(request, response);
    }
}
