package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.Campaigns;
import fr.la27eregion.label.boundary.LabelApplications;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import fr.la27eregion.project.boundary.Projects;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Backs {@code app/labels/new.xhtml}, "Nouvelle candidature": the campaigns open now by the server's clock (each
 * with what it asks: its criteria) and the projects the caller's organisation leads; the chosen pair becomes a draft
 * ({@link LabelApplications#create}) and the browser goes to its page. The boundary decides every right and
 * refusal (a closed campaign, a project that already applied in it), shown beside the field they are about.
 */
@Named
@ViewScoped
public class NewApplicationView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** At most this many of the organisation's projects offered (the boundary's page). */
    private static final int MAX_PROJECTS = 200;

    /** An open campaign as the page offers it, with the criteria it asks to answer. */
    public record CampaignChoice(long id, String code, String title, String programme, Instant closesAt,
                                 List<String> criteria) implements Serializable {
    }

    /** A project of the caller's organisation. */
    public record ProjectChoice(long id, String title) implements Serializable {
    }

    @Inject
    private LabelApplications applications;

    @Inject
    private Campaigns campaigns;

    @Inject
    private Projects projects;

    @Inject
    private Language language;

    private boolean applicant;
    private List<CampaignChoice> open = List.of();
    private List<ProjectChoice> led = List.of();
    private Long campaignId;
    private Long projectId;

    @PostConstruct
    void init() {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        applicant = context.isUserInRole("CONTRIBUTOR") || context.isUserInRole("MEMBER_COORDINATOR");
        if (!applicant) {
            return;
        }
        Locale locale = language.getLocale();
        open = campaigns.open().stream().map(campaign -> choice(campaign, locale)).toList();
        // a coordinator's or contributor's "mine" is what their organisation leads
        led = projects.mine("", 0, MAX_PROJECTS).stream()
                .map(project -> new ProjectChoice(project.id(), project.title())).toList();
        if (open.size() == 1) {
            campaignId = open.get(0).id();
        }
    }

    private static CampaignChoice choice(Campaign campaign, Locale locale) {
        return new CampaignChoice(campaign.id(), campaign.code(), campaign.title(locale),
                campaign.programme().name(locale),
                campaign.closesAt(),
                campaign.grid().criteria().stream().map(criterion -> criterion.label(locale)).toList());
    }

    /** Starts the draft and opens its page; a refusal is shown beside its field. */
    public String start() {
        try {
            LabelApplication created = applications.create(campaignId, projectId);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            RuleMessages.info("labels.new.started");
            return "/app/labels/application?faces-redirect=true&id=" + created.id();
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> switch (field) {
                case "campaignId" -> "newApplication:campaign";
                case "projectId" -> "newApplication:project";
                default -> null;
            }, "newApplication:formMessage");
            return null;
        }
    }

    public boolean isApplicant() {
        return applicant;
    }

    public List<CampaignChoice> getOpen() {
        return open;
    }

    public List<ProjectChoice> getLed() {
        return led;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }

    public Long getProjectId() {
        return projectId;
    }

    public void setProjectId(Long projectId) {
        this.projectId = projectId;
    }
}
