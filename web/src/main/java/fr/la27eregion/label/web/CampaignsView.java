package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.Campaigns;
import fr.la27eregion.label.boundary.LabelDesk;
import fr.la27eregion.label.boundary.Programmes;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The secretariat's campaigns ({@code app/labels/campaigns.xhtml}): every campaign with its programme, dates, jury
 * day and chair and its applications counted by state, each opening its page; the form of a new campaign (its
 * chair chosen among the {@code JURY} accounts). Thin: {@link Campaigns} checks and writes.
 */
@Named
@ViewScoped
public class CampaignsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A programme as the form's list offers it. */
    public record ProgrammeChoice(long id, String label) implements Serializable {
    }

    @Inject
    private Campaigns campaigns;

    @Inject
    private Programmes programmes;

    @Inject
    private LabelDesk desk;

    @Inject
    private Language language;

    private boolean allowed;
    private List<LabelDesk.CampaignSummary> rows = List.of();
    private List<ProgrammeChoice> programmeChoices = List.of();
    private List<LabelDesk.Person> chairs = List.of();
    private CampaignForm form = new CampaignForm();

    @PostConstruct
    void init() {
        allowed = SecretariatOnly.check();
        if (!allowed) {
            return;
        }
        rows = desk.campaigns();
        Locale locale = language.getLocale();
        programmeChoices = programmes.all().stream()
                .map(p -> new ProgrammeChoice(p.id(), p.name(locale) + " (" + p.code() + ")")).toList();
        chairs = desk.juryMembers();
    }

    /** Creates the campaign, then shows its page; a refusal is shown beside its field. */
    public String create() {
        try {
            Campaign created = campaigns.create(form.details());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            RuleMessages.info("labelDesk.campaign.created", created.code());
            return "/app/labels/campaign?faces-redirect=true&id=" + created.id();
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> CampaignForm.input("create", field), "create:formMessage");
            return null;
        }
    }

    /** A campaign's applications by state in a few words ("2 Envoyée, 1 En évaluation"), the empty states left out. */
    public String applicationsOf(LabelDesk.CampaignSummary row) {
        if (row.total() == 0) {
            return RuleMessages.label("labelDesk.campaign.noApplications");
        }
        return Arrays.stream(ApplicationState.values()).filter(state -> row.count(state) > 0)
                .map(state -> row.count(state) + " " + RuleMessages.label("label.ApplicationState." + state.name())
                        .toLowerCase(language.getLocale()))
                .collect(Collectors.joining(", "));
    }

    public String title(LabelDesk.CampaignSummary row) {
        return row.title(language.getLocale());
    }

    public String programmeName(LabelDesk.CampaignSummary row) {
        return row.programmeName(language.getLocale());
    }

    public boolean isAllowed() {
        return allowed;
    }

    public List<LabelDesk.CampaignSummary> getRows() {
        return rows;
    }

    public List<ProgrammeChoice> getProgrammes() {
        return programmeChoices;
    }

    public List<LabelDesk.Person> getChairs() {
        return chairs;
    }

    public CampaignForm getForm() {
        return form;
    }
}
