package fr.la27eregion.home.web;

import fr.la27eregion.home.boundary.WaitingWork;
import fr.la27eregion.home.boundary.WaitingWork.Home;
import fr.la27eregion.home.boundary.WaitingWork.Item;
import fr.la27eregion.home.boundary.WaitingWork.Waiting;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.boundary.JournalAudit;
import fr.la27eregion.journal.boundary.JournalAudit.VerificationRecord;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.text.MessageFormat;
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

    private Home home;

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

    /** The item's detail as the reader reads it (see {@link WaitingWork.Kind#detailPrefix()}). */
    public String detail(Waiting waiting, Item item) {
        String how = waiting.kind().detailPrefix();
        if (item.detail() == null || how == null) {
            return item.detail();
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return how.endsWith(".") ? bundle.getString(how + item.detail())
                : new MessageFormat(bundle.getString(how), faces.getViewRoot().getLocale())
                .format(new Object[] {Long.valueOf(item.detail())});
    }

    /** How many days the item is late today (0: on time or no due date). */
    public long daysLate(Item item) {
        return item.daysLate(getHome().today());
    }

}
