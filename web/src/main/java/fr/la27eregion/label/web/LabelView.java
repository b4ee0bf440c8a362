package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.Labels;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.Label;
import fr.la27eregion.label.entity.LabelAction;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.platform.web.JournalLine;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import fr.la27eregion.platform.web.StepPage;
import fr.la27eregion.platform.web.WorkflowStep;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

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
public class LabelView extends StepPage {

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

    /** The bundle prefix of a label's actions. */
    static final String ACTIONS = "label.LabelAction";

    /** A campaign the label may be renewed in. */
    public record Choice(long id, String title) implements Serializable {
    }

    @Inject
    private Labels labels;

    @Inject
    private Language language;

    private Shown label;
    private List<JournalLine> history = List.of();
    private List<Choice> campaigns = List.of();
    private Long campaignId;

    public LabelView() {
        super("labels.label.stepDone");
    }

    @Override
    protected void read(long id) {
        Label found = labels.find(id);
        // the reader's language, not the view root's: in the page's view action the root still has the browser's
        Locale locale = language.getLocale();
        label = Shown.of(found, locale, labels.renewalApplication(found).orElse(null));
        offer(labels.possible(found).stream()
                .map(possible -> new WorkflowStep(ACTIONS, possible.action().name(), possible.reasonRequired()))
                .toList());
        history = labels.history(found.id()).stream().map(JournalLine::of).toList();
        campaigns = labels.renewalCampaigns(found).stream()
                .map((Campaign c) -> new Choice(c.id(), c.title(locale) + " (" + c.code() + ")")).toList();
    }

    @Override
    protected void take(WorkflowStep step, String reason) {
        labels.step(label.id(), label.version(), LabelAction.valueOf(step.action()), reason);
    }

    @Override
    protected long id() {
        return label.id();
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

    /** The address of the certificate in a language: the API's, which the session authenticates. */
    public String certificate(String lang) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/labels/"
                + label.id() + "/certificate" + ("en".equals(lang) ? "?lang=en" : "");
    }

    @Override
    public boolean isFound() {
        return label != null;
    }

    public Shown getLabel() {
        return label;
    }

    public List<JournalLine> getHistory() {
        return history;
    }

    public List<Choice> getCampaigns() {
        return campaigns;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }
}
