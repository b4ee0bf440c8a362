package fr.la27eregion.project.entity;

import fr.la27eregion.platform.rules.RuleViolation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A project as a person types it (the intranet form, the API, the demo data): a plain bean that forms bind to,
 * checked by {@link #check()} before it reaches an entity. The rich texts ({@link #getDescription()},
 * {@link #getLessons()}) are HTML as typed; the server keeps only what its sanitiser lets through. Organisations,
 * territories and themes are named by id or code here; whether they exist is checked where the catalogue is read
 * ({@code project.control.Catalogue}), still naming the field.
 *
 * <p>{@link #getLeadOrganisationId()} is the secretariat's choice; for everyone else the lead is their own
 * organisation, whatever this says. {@link #getStage()} is the stage a new project starts at ({@link
 * ProjectStage#IDEA} when none); after that the stage moves by its own workflow only.
 */
public class ProjectDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    /** At most this many characters of HTML as typed, for each rich text. */
    public static final int MAX_RICH_TEXT = 50_000;
    public static final int MAX_PARTNERS = 50;
    public static final int MAX_OUTSIDE_PARTNERS = 30;
    public static final int MAX_TERRITORIES = 40;
    public static final int MAX_THEMES = 20;
    public static final int MAX_LINKS = 20;
    /** Project dates before this year or after {@link #LAST_YEAR} are typing errors. */
    public static final int FIRST_YEAR = 1950;
    public static final int LAST_YEAR = 2100;

    private String title;
    private String summary;
    private String description;
    private String lessons;
    private ProjectKind kind;
    private ProjectStage stage;
    private LocalDate startedOn;
    private LocalDate endedOn;
    private BigDecimal budgetEuros;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private Long leadOrganisationId;
    private List<Long> partnerOrganisationIds = new ArrayList<>();
    private List<OutsidePartnerDetails> outsidePartners = new ArrayList<>();
    private List<String> territoryCodes = new ArrayList<>();
    private List<String> themeCodes = new ArrayList<>();
    private List<LinkDetails> links = new ArrayList<>();

    /** The details of a project as it is, to edit them. */
    public static ProjectDetails of(Project project) {
        ProjectDetails details = new ProjectDetails();
        details.title = project.title();
        details.summary = project.summary();
        details.description = project.description();
        details.lessons = project.lessons();
        details.kind = project.kind();
        details.stage = project.stage();
        details.startedOn = project.startedOn();
        details.endedOn = project.endedOn();
        details.budgetEuros = project.budgetEuros();
        details.contactName = project.contactName();
        details.contactEmail = project.contactEmail();
        details.contactPhone = project.contactPhone();
        details.leadOrganisationId = project.leadOrganisation().id();
        details.partnerOrganisationIds = new ArrayList<>(project.partners().stream()
                .map(organisation -> organisation.id()).sorted().toList());
        details.outsidePartners = new ArrayList<>(project.outsidePartners().stream().map(OutsidePartnerDetails::of)
                .toList());
        details.territoryCodes = new ArrayList<>(project.territories().stream().map(t -> t.code()).sorted().toList());
        details.themeCodes = new ArrayList<>(project.themes().stream().map(t -> t.code()).sorted().toList());
        details.links = new ArrayList<>(project.links().stream().map(LinkDetails::of).toList());
        return details;
    }

    /**
     * Checks each field and names the first that is wrong.
     *
     * @throws RuleViolation with the field ({@code title}, {@code links[1].url}) and the message key
     *                       ({@code project.field.*}, {@code project.rule.*})
     */
    public void check() {
        ProjectFields.text("title", title, Project.MAX_TITLE, true);
        ProjectFields.text("summary", summary, Project.MAX_SUMMARY, true);
        ProjectFields.text("description", description, MAX_RICH_TEXT, false);
        ProjectFields.text("lessons", lessons, MAX_RICH_TEXT, false);
        if (kind == null) {
            throw ProjectFields.required("kind");
        }
        year("startedOn", startedOn);
        year("endedOn", endedOn);
        if (startedOn != null && endedOn != null && endedOn.isBefore(startedOn)) {
            throw new RuleViolation("endedOn", "project.rule.datesOrder", "A project ends after it starts.");
        }
        ProjectFields.euros("budgetEuros", budgetEuros);
        ProjectFields.text("contactName", contactName, Project.MAX_CONTACT_NAME, false);
        ProjectFields.email("contactEmail", contactEmail);
        ProjectFields.phone("contactPhone", contactPhone);
        ProjectFields.count("partnerOrganisationIds", size(partnerOrganisationIds), MAX_PARTNERS);
        if (partnerOrganisationIds != null && partnerOrganisationIds.contains(null)) {
            throw ProjectFields.required("partnerOrganisationIds");
        }
        ProjectFields.count("outsidePartners", size(outsidePartners), MAX_OUTSIDE_PARTNERS);
        for (int i = 0; i < size(outsidePartners); i++) {
            String field = "outsidePartners[" + i + "].";
            OutsidePartnerDetails partner = outsidePartners.get(i);
            if (partner == null) {
                throw ProjectFields.required(field + "name");
            }
            ProjectFields.text(field + "name", partner.getName(), OutsidePartner.MAX_NAME, true);
            ProjectFields.country(field + "countryCode", partner.getCountryCode());
            if (partner.getKind() == null) {
                throw ProjectFields.required(field + "kind");
            }
        }
        codes("territoryCodes", territoryCodes, MAX_TERRITORIES, 32);
        codes("themeCodes", themeCodes, MAX_THEMES, 40);
        ProjectFields.count("links", size(links), MAX_LINKS);
        for (int i = 0; i < size(links); i++) {
            String field = "links[" + i + "].";
            LinkDetails link = links.get(i);
            if (link == null) {
                throw ProjectFields.required(field + "url");
            }
            ProjectFields.webAddress(field + "url", link.getUrl(), ProjectLink.MAX_URL);
            ProjectFields.text(field + "label", link.getLabel(), ProjectLink.MAX_LABEL, false);
        }
    }

    private static void year(String field, LocalDate date) {
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
            throw new RuleViolation(field, "project.field.year",
                    field + " is between " + FIRST_YEAR + " and " + LAST_YEAR + ".", FIRST_YEAR, LAST_YEAR);
        }
    }

    private static void codes(String field, List<String> codes, int max, int length) {
        ProjectFields.count(field, size(codes), max);
        for (int i = 0; i < size(codes); i++) {
            ProjectFields.text(field + "[" + i + "]", codes.get(i), length, true);
        }
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    /** The outside partners as a project keeps them (names trimmed, country codes in capitals). */
    List<OutsidePartner> outsidePartnersKept() {
        return outsidePartners == null ? List.of() : outsidePartners.stream()
                .map(p -> new OutsidePartner(p.getName().strip(), p.getCountryCode().strip().toUpperCase(Locale.ROOT),
                        p.getKind())).toList();
    }

    /** The links as a project keeps them (trimmed, an empty label as none). */
    List<ProjectLink> linksKept() {
        return links == null ? List.of() : links.stream()
                .map(link -> new ProjectLink(link.getUrl().strip(), ProjectFields.clean(link.getLabel()))).toList();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getLessons() {
        return lessons;
    }

    public void setLessons(String lessons) {
        this.lessons = lessons;
    }

    public ProjectKind getKind() {
        return kind;
    }

    public void setKind(ProjectKind kind) {
        this.kind = kind;
    }

    public ProjectStage getStage() {
        return stage;
    }

    public void setStage(ProjectStage stage) {
        this.stage = stage;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public void setStartedOn(LocalDate startedOn) {
        this.startedOn = startedOn;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public void setEndedOn(LocalDate endedOn) {
        this.endedOn = endedOn;
    }

    public BigDecimal getBudgetEuros() {
        return budgetEuros;
    }

    public void setBudgetEuros(BigDecimal budgetEuros) {
        this.budgetEuros = budgetEuros;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public Long getLeadOrganisationId() {
        return leadOrganisationId;
    }

    public void setLeadOrganisationId(Long leadOrganisationId) {
        this.leadOrganisationId = leadOrganisationId;
    }

    public List<Long> getPartnerOrganisationIds() {
        return partnerOrganisationIds;
    }

    public void setPartnerOrganisationIds(List<Long> partnerOrganisationIds) {
        this.partnerOrganisationIds = partnerOrganisationIds;
    }

    public List<OutsidePartnerDetails> getOutsidePartners() {
        return outsidePartners;
    }

    public void setOutsidePartners(List<OutsidePartnerDetails> outsidePartners) {
        this.outsidePartners = outsidePartners;
    }

    public List<String> getTerritoryCodes() {
        return territoryCodes;
    }

    public void setTerritoryCodes(List<String> territoryCodes) {
        this.territoryCodes = territoryCodes;
    }

    public List<String> getThemeCodes() {
        return themeCodes;
    }

    public void setThemeCodes(List<String> themeCodes) {
        this.themeCodes = themeCodes;
    }

    public List<LinkDetails> getLinks() {
        return links;
    }

    public void setLinks(List<LinkDetails> links) {
        this.links = links;
    }
}
