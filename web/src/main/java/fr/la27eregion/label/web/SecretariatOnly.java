package fr.la27eregion.label.web;

import fr.la27eregion.identity.entity.Role;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The gate of the secretariat's label pages: anyone signed in reaches {@code /app/*}, and these pages show another
 * role a refusal (403) instead of forms whose every call the boundaries would refuse anyway.
 */
final class SecretariatOnly {

    private SecretariatOnly() {
    }

    /** Whether the caller is the secretariat; when not, the response says 403. */
    static boolean check() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (external.isUserInRole(Role.NETWORK_ADMIN_NAME)) {
            return true;
        }
        external.setResponseStatus(HttpServletResponse.SC_FORBIDDEN);
        return false;
    }

    /** The lines of a text, stripped, blank ones left out (mentions are written one per line). */
    static java.util.List<String> lines(String text) {
        return text == null ? java.util.List.of()
                : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
