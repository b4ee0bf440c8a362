package fr.la27eregion.notification.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.notification.boundary.Notices;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * How many of the caller's organisation's notifications are unread, for the badge of the intranet's menu: counted
 * once per page view, and only for the people of an organisation (coordinators and contributors).
 */
@Named
@RequestScoped
public class UnreadNotices {

    @Inject
    private Organisations organisations;

    @Inject
    private Notices notices;

    private Long count;

    /**
     * The count, read when the page is rendered. Faces asks earlier too (whether the badge is rendered, while it
     * walks the page to process a form): the answer then is 0 without asking the database, so the count shown is
     * the one after the request's changes (a notification just marked read).
     */
    public long getCount() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return 0;
        }
        if (count == null) {
            ExternalContext external = faces.getExternalContext();
            count = external.isUserInRole(Role.MEMBER_COORDINATOR_NAME) || external.isUserInRole(Role.CONTRIBUTOR_NAME)
                    ? organisations.mine().map(organisation -> notices.unread(organisation.id())).orElse(0L) : 0L;
        }
        return count;
    }
}
