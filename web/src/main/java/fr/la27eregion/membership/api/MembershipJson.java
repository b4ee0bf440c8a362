package fr.la27eregion.membership.api;

import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipCategory;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.platform.workflow.PossibleAction;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A membership as its readers see it, with what the caller may do with it now ({@code actions}: the workflow's
 * transitions from its state that the caller's roles and organisation allow), so a client offers only those.
 */
@Schema(name = "Membership", description = "The terms on which an organisation belongs to the network, and where "
        + "they stand in the workflow")
public record MembershipJson(
        long id,
        OrganisationReference organisation,
        @Schema(type = SchemaType.STRING, enumeration = {"FULL", "PARTNER", "ASSOCIATE"}) MembershipCategory category,
        @Schema(type = SchemaType.STRING, enumeration = {"APPLIED", "UNDER_REVIEW", "APPROVED", "ACTIVE", "REJECTED",
                "WITHDRAWN", "SUSPENDED", "LAPSED", "TERMINATED"})
        MembershipState state,
        @Schema(type = SchemaType.STRING, format = "date", description = "ISO date; absent until activated",
                example = "2026-04-01") LocalDate periodStart,
        @Schema(type = SchemaType.STRING, format = "date", description = "ISO date; absent until activated",
                example = "2027-03-31") LocalDate periodEnd,
        @Schema(description = "Yearly fee in euros", example = "15000.00") BigDecimal fee,
        @Schema(example = "CONV-2026-014") String agreementReference,
        @Schema(description = "The motivation of the last transition that needed one") String lastReason,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant appliedAt,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant changedAt,
        @Schema(description = "Send it back with a transition") int version,
        @Schema(type = SchemaType.ARRAY, implementation = String.class, description = "What the caller may do now: "
                + "the actions of the Transition schema the caller's roles and organisation allow from this state")
        List<MembershipAction> actions,
        @Schema(description = "What each action of actions needs besides the version, by action: the Transition "
                + "members to fill (reason, agreement); an action that needs nothing more is absent",
                example = "{\"ACTIVATE\": [\"agreement\"], \"REJECT\": [\"reason\"]}")
        Map<String, List<String>> needs) {

    /** The organisation a membership belongs to, by id and name. */
    @Schema(name = "OrganisationReference")
    public record OrganisationReference(long id, String name) {
    }

    static MembershipJson of(Membership membership,
                             List<PossibleAction<MembershipState, MembershipAction>> possible) {
        Map<String, List<String>> needs = new TreeMap<>();
        possible.stream().filter(action -> !action.needs().isEmpty())
                .forEach(action -> needs.put(action.action().name(), action.needs().stream().sorted().toList()));
        return new MembershipJson(membership.id(),
                new OrganisationReference(membership.organisation().id(), membership.organisation().name()),
                membership.category(), membership.state(), membership.periodStart().orElse(null),
                membership.periodEnd(), membership.fee(), membership.agreementReference(), membership.lastReason(),
                membership.appliedAt(), membership.changedAt(), membership.version(),
                possible.stream().map(PossibleAction::action).toList(), needs);
    }
}
