package fr.la27eregion.project.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.web.RuleMessages;
import fr.la27eregion.project.boundary.Projects;
import fr.la27eregion.project.control.RichText;
import fr.la27eregion.project.entity.LinkDetails;
import fr.la27eregion.project.entity.OutsidePartnerDetails;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectDetails;
import fr.la27eregion.project.entity.ProjectStage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backs {@code app/projects/edit.xhtml} (a new project) and {@code edit.xhtml?id=N} (revising one): the form of a
 * project's details with its pickers (partner organisations by name, themes, territories by kind), the repeatable
 * rows of outside partners and links, and the preview of what the server will keep of the rich texts, rendered by
 * the server's own sanitiser. A revision is checked against the version the form was opened at: someone else's
 * change meanwhile is a clear message, never a lost update. The rules are the boundary's; this view shows them.
 */
@Named
@ViewScoped
public class ProjectEditView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@code outsidePartners[2].name} → the row's index and the field. */
    private static final Pattern ROW_FIELD = Pattern.compile("(outsidePartners|links)\\[(\\d+)]\\.(\\w+)");

    @Inject
    private Projects projects;

    @Inject
    private ProjectChoices choices;

    private String requestedId;
    private Long id;
    private int version;
    private boolean notFound;
    private boolean refused;
    private boolean secretariat;
    private ProjectDetails form;
    /** The partners chosen (organisation ids as text, as the picker keeps them) and the names it showed. */
    private List<String> partners = new ArrayList<>();
    private String lead;
    /** What the pickers hold before their choice joins the list. */
    private String partnerToAdd;
    private String territoryToAdd;
    private final Map<String, String> organisationNames = new HashMap<>();

    /** Reads the project of the address (none: a new one), once per view. */
    public void load() {
        if (form != null) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        secretariat = faces.getExternalContext().isUserInRole(Role.NETWORK_ADMIN_NAME);
        if (requestedId == null || requestedId.isBlank()) {
            form = new ProjectDetails();
            form.setStage(ProjectStage.IDEA);
            return;
        }
        try {
            Project project = projects.find(Long.parseLong(requestedId.strip()));
            if (!projects.edits(project)) {
                refused = true;
                faces.getExternalContext().setResponseStatus(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            id = project.id();
            version = project.version();
            form = ProjectDetails.of(project);
            project.partners().forEach(organisation -> remember(organisation));
            partners = new ArrayList<>(form.getPartnerOrganisationIds().stream().map(String::valueOf).toList());
            remember(project.leadOrganisation());
            lead = String.valueOf(project.leadOrganisation().id());
        } catch (NumberFormatException | RecordNotFound unknown) {
            notFound = true;
            faces.getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void remember(Organisation organisation) {
        organisationNames.put(String.valueOf(organisation.id()), organisation.name());
    }

    // ----- the pickers -----

    /** The member organisations whose name contains the text, by id (their names kept for the labels). */
    public List<String> completeOrganisation(String text) {
        List<String> ids = new ArrayList<>();
        for (Organisation organisation : projects.organisationsNamed(text, 20)) {
            remember(organisation);
            ids.add(String.valueOf(organisation.id()));
        }
        return ids;
    }

    public String organisationName(String organisationId) {
        return organisationNames.getOrDefault(organisationId, organisationId);
    }

    /** The territories whose name or code contains the text, by code. */
    public List<String> completeTerritory(String text) {
        return choices.territoriesMatching(text).stream().map(ProjectChoices.Choice::value).toList();
    }

    /** The group a territory is listed under: regions of today, before 2016, European regions. */
    public String territoryGroup(String code) {
        return choices.getTerritories().stream().filter(choice -> choice.value().equals(code)).findFirst()
                .map(choice -> RuleMessages.label("project.TerritoryKind." + choice.group())).orElse("");
    }

    /** The organisation chosen in the picker joins the partners. */
    public void addPartner() {
        if (partnerToAdd != null && !partnerToAdd.isBlank() && !partners.contains(partnerToAdd)) {
            partners.add(partnerToAdd);
        }
        partnerToAdd = null;
    }

    public void removePartner(String organisationId) {
        partners.remove(organisationId);
    }

    /** The territory chosen in the picker joins the project's territories. */
    public void addTerritory() {
        if (territoryToAdd != null && !territoryToAdd.isBlank() && !form.getTerritoryCodes().contains(territoryToAdd)) {
            form.getTerritoryCodes().add(territoryToAdd);
        }
        territoryToAdd = null;
    }

    public void removeTerritory(String code) {
        form.getTerritoryCodes().remove(code);
    }

    public void addOutsidePartner() {
        form.getOutsidePartners().add(new OutsidePartnerDetails());
    }

    public void removeOutsidePartner(int index) {
        form.getOutsidePartners().remove(index);
    }

    public void addLink() {
        form.getLinks().add(new LinkDetails());
    }

    public void removeLink(int index) {
        form.getLinks().remove(index);
    }

    /** What the server will keep of the description: the sanitiser's own output. */
    public String getDescriptionPreview() {
        return RichText.sanitise(form == null ? null : form.getDescription());
    }

    public String getLessonsPreview() {
        return RichText.sanitise(form == null ? null : form.getLessons());
    }

    // ----- saving -----

    /** Records or revises the project, then shows its page; a refusal is shown beside its field. */
    public String save() {
        try {
            List<Long> ids = new ArrayList<>();
            for (String partner : partners) {
                ids.add(Long.parseLong(partner.strip()));
            }
            form.setPartnerOrganisationIds(ids);
            if (secretariat && id == null) {
                form.setLeadOrganisationId(lead == null || lead.isBlank() ? null : Long.parseLong(lead.strip()));
            }
            Project saved = id == null ? projects.create(form) : projects.update(id, version, form);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            RuleMessages.info(id == null ? "project.created" : "project.saved", saved.title());
            return "/app/projects/project?faces-redirect=true&id=" + saved.id();
        } catch (NumberFormatException notAnId) {
            RuleMessages.error("edit:partnerToAdd", "project.rule.unknownOrganisation", "?");
            return null;
        } catch (RuntimeException refusal) {
            RuleMessages.show(refusal, ProjectEditView::input, "edit:formMessages");
            return null;
        }
    }

    /** The input of a field the boundary names. */
    static String input(String field) {
        Matcher row = ROW_FIELD.matcher(field);
        if (row.matches()) {
            String list = row.group(1).equals("links") ? "links" : "outside";
            String input = switch (row.group(3)) {
                case "name" -> "outsideName";
                case "countryCode" -> "outsideCountry";
                case "kind" -> "outsideKind";
                case "url" -> "linkUrl";
                default -> "linkLabel";
            };
            return "edit:" + list + ":" + row.group(2) + ":" + input;
        }
        return switch (field.replaceAll("\\[\\d+]$", "")) {
            case "summary" -> "edit:projectSummary";
            case "title", "description", "lessons", "kind", "stage", "startedOn", "endedOn",
                 "budgetEuros", "contactName", "contactEmail", "contactPhone" -> "edit:" + field;
            case "partnerOrganisationIds" -> "edit:partnerToAdd";
            case "leadOrganisationId" -> "edit:lead";
            case "territoryCodes" -> "edit:territoryToAdd";
            case "themeCodes" -> "edit:themes";
            default -> null;
        };
    }

    // ----- what the page asks -----

    public String getRequestedId() {
        return requestedId;
    }

    public void setRequestedId(String requestedId) {
        this.requestedId = requestedId;
    }

    public ProjectDetails getForm() {
        return form;
    }

    public List<String> getPartners() {
        return partners;
    }

    public String getPartnerToAdd() {
        return partnerToAdd;
    }

    public void setPartnerToAdd(String partnerToAdd) {
        this.partnerToAdd = partnerToAdd;
    }

    public String getTerritoryToAdd() {
        return territoryToAdd;
    }

    public void setTerritoryToAdd(String territoryToAdd) {
        this.territoryToAdd = territoryToAdd;
    }

    public String getLead() {
        return lead;
    }

    public void setLead(String lead) {
        this.lead = lead;
    }

    public Long getId() {
        return id;
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public boolean isRefused() {
        return refused;
    }

    public boolean isFound() {
        return form != null;
    }

    public boolean isSecretariat() {
        return secretariat;
    }
}
