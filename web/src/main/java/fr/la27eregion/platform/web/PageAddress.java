package fr.la27eregion.platform.web;

import jakarta.faces.context.FacesContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The address of a public page with its GET parameters (filters, sort), as a link of the page gives it: the blank
 * parameters left out, so that one view of a table has one address (one copy kept by the application and proxies).
 */
public final class PageAddress {

    private PageAddress() {
    }

    /** {@code /context/path?name=value&...}, the parameters in the map's order, blank ones left out. */
    public static String of(String path, Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        });
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + path + (query.length() == 0 ? "" : "?" + query);
    }

    /** Whether a text filter keeps a value: the value contains it, ignoring case (a blank filter keeps all). */
    public static boolean contains(String value, String filter) {
        return filter == null || filter.isBlank()
                || (value != null && value.toLowerCase(Locale.ROOT)
                .contains(filter.strip().toLowerCase(Locale.ROOT)));
    }
}
