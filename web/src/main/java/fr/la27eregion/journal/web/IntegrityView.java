package fr.la27eregion.journal.web;

import fr.la27eregion.journal.boundary.JournalAnchors;
import fr.la27eregion.journal.boundary.JournalAudit;
import fr.la27eregion.journal.boundary.JournalAudit.VerificationRecord;
import fr.la27eregion.journal.chain.AnchorVerification;
import fr.la27eregion.journal.control.JournalAnchor;
import fr.la27eregion.journal.control.VerificationRuns.Progress;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * The integrity page ({@code /app/audit/integrity.xhtml}) of auditors and the secretariat: runs the chain check in
 * the background ({@link JournalAudit#startVerification}) and polls its progress, so no request waits for millions
 * of entries; shows the result with the anchors' checks, the past verifications, and the anchors, with "anchor now".
 * Thin: the boundaries decide who may.
 */
@Named
@ViewScoped
public class IntegrityView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Past verifications shown. */
    static final int HISTORY = 20;

    @Inject
    private JournalAudit audit;

    @Inject
    private JournalAnchors anchors;

    private boolean allowed;
    private String runId;
    private Progress progress;
    private List<VerificationRecord> history = List.of();
    private List<JournalAnchor> anchorList = List.of();

    @PostConstruct
    void init() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        allowed = external.isUserInRole("AUDITOR") || external.isUserInRole("NETWORK_ADMIN");
        if (allowed) {
            history = audit.verifications(HISTORY);
            anchorList = anchors.newest();
        }
    }

    /** Starts a verification (or joins the one running) and shows its progress. */
    public void start() {
        try {
            runId = audit.startVerification();
            refresh();
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, null);
        }
    }

    /** Reads the run's progress (the page's poll); once done, the history shows it. */
    public void refresh() {
        if (runId == null) {
            return;
        }
        boolean wasDone = progress != null && progress.done();
        progress = audit.progress(runId).orElse(null);
        if (progress != null && progress.done() && !wasDone) {
            history = audit.verifications(HISTORY);
        }
    }

    /** Anchors the head now, time-stamped when an authority is configured. */
    public void anchorNow() {
        try {
            JournalAnchor made = anchors.anchorNow();
            anchorList = anchors.newest();
            RuleMessages.info("integrity.anchored." + made.status().name(), made.seq());
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, null);
        }
    }

    public boolean isAllowed() {
        return allowed;
    }

    public boolean isRunning() {
        return runId != null && (progress == null || !progress.done());
    }

    public boolean isDone() {
        return progress != null && progress.done();
    }

    public Progress getProgress() {
        return progress;
    }

    /** How far the run got, 0 to 100. */
    public int getPercent() {
        if (progress == null || progress.headSeq() == 0) {
            return progress != null && progress.done() ? 100 : 0;
        }
        return (int) Math.min(100, progress.checked() * 100 / progress.headSeq());
    }

    /** The anchors the finished run found not holding. */
    public List<AnchorVerification.Check> getBrokenAnchors() {
        return progress == null ? List.of() : progress.anchors().stream().filter(check -> !check.holds()).toList();
    }

    public List<VerificationRecord> getHistory() {
        return history;
    }

    public List<JournalAnchor> getAnchors() {
        return anchorList;
    }
}
