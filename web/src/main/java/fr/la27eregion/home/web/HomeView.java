package fr.la27eregion.home.web;

import fr.la27eregion.home.boundary.WaitingWork;
import fr.la27eregion.home.boundary.WaitingWork.Home;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.boundary.JournalAudit;
import fr.la27eregion.journal.boundary.JournalAudit.VerificationRecord;
import fr.la27eregion.platform.web.Dates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The intranet's home: one section per role the caller holds, each listing what waits for them (read once per
 * request, shared with the menu's badges by {@link WaitingCounts}); for an auditor, the journal's last verification
 * and a button to verify it now.
 */
@Named
@RequestScoped
public class HomeView {

    @Inject
    private WaitingWork waitingWork;

    @Inject
    private JournalAudit journalAudit;

    @Inject
    private Dates dates;

    private Home home;

    private List<HomeLines.SectionLine> sections;

    private Optional<VerificationRecord> lastVerification;

    /** The caller's home, read on first use in this request. */
    public Home getHome() {
        if (home == null) {
            home = waitingWork.home();
        }
        return home;
    }

    /** The journal's last verification, for an auditor (or the secretariat); empty when never verified. */
    public VerificationRecord getLastVerification() {
        if (lastVerification == null) {
            lastVerification = FacesContext.getCurrentInstance().getExternalContext()
                    .isUserInRole(Role.AUDITOR_NAME) ? journalAudit.lastVerification() : Optional.empty();
        }
        return lastVerification.orElse(null);
    }

    /** Verifies the journal now; the page then shows this verification as the last one. */
    public void verify() {
        journalAudit.verify();
        lastVerification = null;
    }

    /** The home's sections as the page writes them, in the reader's language (built once per request). */
    public List<HomeLines.SectionLine> getSections() {
        if (sections == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
            sections = HomeLines.of(getHome(), new HomeLines.Writing(bundle, faces.getViewRoot().getLocale(),
                    faces.getExternalContext().getRequestContextPath(), dates::date, dates::dateTime));
        }
        return sections;
    }
}
