package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.Labels;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.Label;
import fr.la27eregion.label.entity.LabelAction;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.web.JournalLine;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The page of a label ({@code app/labels/label.xhtml?id=N}): its certificate number, project, holder, programme,
 * level, mentions, validity and state, a link to the application that earned it, its timeline (the journal's
 * entries with the label as subject, each act in the reader's words), the certificate in French and English (a
 * link to the API, which the session authenticates; withheld while suspended or once revoked), the secretariat's
 * steps behind a confirmation dialog with the motivation, and the holder's "renew" with the campaign to renew in.
 * Every right is the boundary's; the page only offers what the boundary says the caller may do.
 */
@Named
@ViewScoped
public class LabelView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The label as the page shows it. */
    public record Shown(long id, int version, String certificateNumber, String verificationCode, String project,
                        String organisation, String programme, Integer level, List<String> mentions,
                        LocalDate awardedOn, LocalDate validUntil, String state, String lastReason,
                        long applicationId, Long renewedBy, Long renewal, boolean certified)
            implements Serializable {

        /** The mentions as one line. */
        public String mentionsText() {
            return String.join(", ", mentions);
        }

        static Shown of(Label label, Locale locale, Long renewal) {
            return new Shown(label.id(), label.version(), label.certificateNumber(), label.verificationCode(),
                    label.project().title(), label.organisation().name(), label.programme().name(locale),
                    label.level().orElse(null), label.mentions(), label.awardedOn(), label.validUntil(),
                    label.state().name(), label.lastReason(), label.application().id(),
                    label.renewedByLabelId().orElse(null), renewal,
                    switch (label.state()) {
                        case ACTIVE, EXPIRED, RENEWED -> true;
                        case SUSPENDED, REVOKED -> false;
                    });
        }
    }

    /** A step the secretariat may take. */
    public record Step(String action, boolean reasonRequired) implements Serializable {

        /** The bundle key of the action's name. */
        public String key() {
            return "label.LabelAction." + action;
        }
    }


    /** A campaign the label may be renewed in. */
    public record Choice(long id, String title) implements Serializable {
    }

    @Inject
    private Labels labels;

    @Inject
    private Language language;

    private String requestedId;
    private boolean notFound;
    private Shown label;
    private List<Step> steps = List.of();
    private List<JournalLine> history = List.of();
    private List<Choice> campaigns = List.of();
    private Step chosen;
    private String reason;
    private Long campaignId;

    /** Reads the label of the address, once per view. */
    public void load() {
        if (label != null || notFound) {
            return;
        }
        try {
            show(labels.find(Long.parseLong(String.valueOf(requestedId).strip())));
        } catch (NumberFormatException | RecordNotFound unknown) {
            notFound = true;
            FacesContext.getCurrentInstance().getExternalContext()
                    .setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void show(Label found) {
        // the reader's language, not the view root's: in the page's view action the root still has the browser's
        Locale locale = language.getLocale();
        label = Shown.of(found, locale, labels.renewalApplication(found).orElse(null));
        steps = labels.possible(found).stream()
                .map(possible -> new Step(possible.action().name(), possible.reasonRequired())).toList();
        history = labels.history(found.id()).stream().map(JournalLine::of).toList();
        campaigns = labels.renewalCampaigns(found).stream()
                .map((Campaign c) -> new Choice(c.id(), c.title(locale) + " (" + c.code() + ")")).toList();
    }

    /** Chooses the step the dialog confirms. */
    public void choose(Step step) {
        chosen = step;
        reason = null;
    }

    /** Takes the chosen step as of the version shown; a refusal (stale, no motivation) is shown in the dialog. */
    public void perform() {
        try {
            labels.step(label.id(), label.version(), LabelAction.valueOf(chosen.action()), reason);
            RuleMessages.info("labels.label.stepDone", RuleMessages.label(chosen.key()));
            show(labels.find(label.id()));
            PrimeFaces.current().ajax().addCallbackParam("performed", true);
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> "reason".equals(field) ? "action:reason" : null,
                    "action:actionMessages");
        }
    }

    /** Starts the renewal in the campaign chosen, then opens the new application. */
    public String renew() {
        try {
            if (campaignId == null) {
                RuleMessages.error("renewForm:campaign", "label.field.required");
                return null;
            }
            LabelApplication started = labels.renew(label.id(), campaignId);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            RuleMessages.info("labels.label.renewed");
            return "/app/labels/application?faces-redirect=true&id=" + started.id();
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> "campaignId".equals(field) ? "renewForm:campaign" : null,
                    "renewForm:renewMessage");
            return null;
        }
    }

    /** The reader's words for a journal action ({@code journal.action.<action>}), or the action itself. */
    public String actionLabel(String action) {
        return JournalLine.actionLabel(action);
    }

    /** The address of the certificate in a language: the API's, which the session authenticates. */
    public String certificate(String lang) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/labels/"
                + label.id() + "/certificate" + ("en".equals(lang) ? "?lang=en" : "");
    }

    public String getRequestedId() {
        return requestedId;
    }

    public void setRequestedId(String requestedId) {
        this.requestedId = requestedId;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public boolean isFound() {
        return label != null;
    }

    public Shown getLabel() {
        return label;
    }

    public List<Step> getSteps() {
        return steps;
    }

    public List<JournalLine> getHistory() {
        return history;
    }

    public List<Choice> getCampaigns() {
        return campaigns;
    }

    public Step getChosen() {
        return chosen;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }
}
