package fr.la27eregion.project.api;

import fr.la27eregion.platform.api.Names;
import fr.la27eregion.platform.workflow.PossibleAction;
import fr.la27eregion.project.entity.LinkDetails;
import fr.la27eregion.project.entity.OutsidePartnerDetails;
import fr.la27eregion.project.entity.OutsidePartnerKind;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectDetails;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.Theme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A project of the catalogue as the API reads and writes it. The rich texts ({@code description}, {@code lessons})
 * are HTML: what is sent is sanitised by the server (a small safe subset survives: paragraphs, emphasis, lists,
 * links, headings h3/h4, quotes) and what is read is the kept HTML. Names of kinds, stages and partner kinds are
 * the enumerations' constants; an unknown one is a 400 that lists them.
 */
@Schema(name = "Project", description = "An innovation project of the catalogue")
public record ProjectJson(
        @Schema(readOnly = true) Long id,
        @Schema(description = "The version as read: required to change it (PUT), 409 when someone changed it since")
        Integer version,
        @Schema(required = true, maxLength = Project.MAX_TITLE, example = "Laboratoire d'innovation publique")
        String title,
        @Schema(required = true, maxLength = Project.MAX_SUMMARY) String summary,
        @Schema(description = "HTML, sanitised by the server") String description,
        @Schema(description = "Lessons learned: HTML, sanitised by the server") String lessons,
        @Schema(required = true, enumeration = {"INNOVATION", "EXPERIMENT", "INTER_REGIONAL", "INTERNATIONAL",
                "FORESIGHT"}) String kind,
        @Schema(enumeration = {"IDEA", "EXPERIMENTING", "DEPLOYED", "EVALUATED", "STOPPED"},
                description = "Set at creation only; then it moves by transitions") String stage,
        @Schema(readOnly = true, enumeration = {"DRAFT", "NETWORK", "PUBLIC"}) String visibility,
        LocalDate startedOn,
        LocalDate endedOn,
        @Schema(minimum = "0") BigDecimal budgetEuros,
        @Schema(maxLength = Project.MAX_CONTACT_NAME) String contactName,
        @Schema(maxLength = Project.MAX_CONTACT_EMAIL) String contactEmail,
        @Schema(maxLength = Project.MAX_CONTACT_PHONE) String contactPhone,
        @Schema(description = "The lead organisation: the secretariat names it; for others it is their own")
        Long leadOrganisationId,
        @Schema(readOnly = true) String leadOrganisationName,
        @Schema(description = "Member organisations of the network taking part") List<Long> partnerOrganisationIds,
        List<OutsidePartnerJson> outsidePartners,
        @Schema(description = "Territory codes: FR-53, FR-22-2015, ES51", example = "[\"FR-53\"]")
        List<String> territoryCodes,
        List<String> themeCodes,
        List<LinkJson> links,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt,
        @Schema(readOnly = true) Instant publishedAt,
        @Schema(readOnly = true, description = "The transitions the caller may take now (visibility and stage)")
        List<String> actions,
        @Schema(readOnly = true, description = "What each action of actions needs besides the version (reason)")
        Map<String, List<String>> needs) {

    /** A partner outside the network. */
    @Schema(name = "OutsidePartner")
    public record OutsidePartnerJson(
            @Schema(required = true, example = "Université de Rennes") String name,
            @Schema(required = true, example = "FR", description = "ISO 3166-1 alpha-2") String countryCode,
            @Schema(required = true, enumeration = {"UNIVERSITY", "RESEARCH", "COMPANY", "DESIGN_STUDIO",
                    "ASSOCIATION", "PUBLIC_BODY", "LOCAL_AUTHORITY", "OTHER"}) String kind) {
    }

    /** A link to read more. */
    @Schema(name = "ProjectLink")
    public record LinkJson(@Schema(required = true, example = "https://www.la27eregion.fr/") String url,
                           String label) {
    }

    static ProjectJson of(Project project, List<? extends PossibleAction<?, ?>> possible) {
        Map<String, List<String>> needs = new TreeMap<>();
        possible.stream().filter(action -> !action.needs().isEmpty())
                .forEach(action -> needs.put(action.action().name(), action.needs().stream().sorted().toList()));
        return new ProjectJson(project.id(), project.version(), project.title(), project.summary(),
                project.description(), project.lessons(), project.kind().name(), project.stage().name(),
                project.visibility().name(), project.startedOn(), project.endedOn(), project.budgetEuros(),
                project.contactName(), project.contactEmail(), project.contactPhone(),
                project.leadOrganisation().id(), project.leadOrganisation().name(),
                project.partners().stream().map(Organisation::id).sorted().toList(),
                project.outsidePartners().stream().map(partner -> new OutsidePartnerJson(partner.name(),
                        partner.countryCode(), partner.kind().name())).toList(),
                project.territories().stream().map(Territory::code).sorted().toList(),
                project.themes().stream().map(Theme::code).sorted().toList(),
                project.links().stream().map(link -> new LinkJson(link.url(), link.label())).toList(),
                project.createdAt(), project.updatedAt(), project.publishedAt(),
                possible.stream().map(action -> action.action().name()).toList(), needs);
    }

    /** The details as the boundary checks them. */
    ProjectDetails details() {
        ProjectDetails details = new ProjectDetails();
        details.setTitle(title);
        details.setSummary(summary);
        details.setDescription(description);
        details.setLessons(lessons);
        details.setKind(Names.parse(ProjectKind.class, kind, "kind"));
        details.setStage(Names.parse(ProjectStage.class, stage, "stage"));
        details.setStartedOn(startedOn);
        details.setEndedOn(endedOn);
        details.setBudgetEuros(budgetEuros);
        details.setContactName(contactName);
        details.setContactEmail(contactEmail);
        details.setContactPhone(contactPhone);
        details.setLeadOrganisationId(leadOrganisationId);
        details.setPartnerOrganisationIds(partnerOrganisationIds == null ? new ArrayList<>()
                : new ArrayList<>(partnerOrganisationIds));
        List<OutsidePartnerJson> outside = outsidePartners == null ? List.of() : outsidePartners;
        details.setOutsidePartners(new ArrayList<>(IntStream.range(0, outside.size()).mapToObj(i -> outside.get(i) == null
                ? new OutsidePartnerDetails() : new OutsidePartnerDetails(outside.get(i).name(),
                outside.get(i).countryCode(), Names.parse(OutsidePartnerKind.class, outside.get(i).kind(),
                "outsidePartners[" + i + "].kind"))).toList()));
        details.setTerritoryCodes(territoryCodes == null ? new ArrayList<>() : new ArrayList<>(territoryCodes));
        details.setThemeCodes(themeCodes == null ? new ArrayList<>() : new ArrayList<>(themeCodes));
        details.setLinks(links == null ? new ArrayList<>() : new ArrayList<>(links.stream().map(link -> link == null
                ? new LinkDetails() : new LinkDetails(link.url(), link.label())).toList()));
        return details;
    }
}
