package fr.la27eregion.audit.web;

import fr.la27eregion.identity.entity.Role;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;

/** The auditor's pages open to auditors and the secretariat; anyone else reads a 403 and the page's refusal. */
final class AuditorsOnly {

    private AuditorsOnly() {
    }

    /** Whether the caller is an auditor or the secretariat; when not, the response says 403. */
    static boolean check() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (external.isUserInRole(Role.AUDITOR_NAME) || external.isUserInRole(Role.NETWORK_ADMIN_NAME)) {
            return true;
        }
        external.setResponseStatus(HttpServletResponse.SC_FORBIDDEN);
        return false;
    }
}
