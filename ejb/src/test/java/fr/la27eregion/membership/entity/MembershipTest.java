package fr.la27eregion.membership.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembershipTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static Membership active() {
        Membership membership = new Membership();
        Steps.perform(membership, MembershipAction.REVIEW, null, null, TODAY);
        Steps.perform(membership, MembershipAction.APPROVE, null, null, TODAY);
        Steps.perform(membership, MembershipAction.ACTIVATE, null, "CONV-2026-018", TODAY);
        return membership;
    }

    @Test
    void activationNeedsTheSignedAgreementAndStartsAOneYearPeriod() {
        Membership membership = new Membership();
        Steps.perform(membership, MembershipAction.REVIEW, null, null, TODAY);
        Steps.perform(membership, MembershipAction.APPROVE, null, null, TODAY);
        assertThatThrownBy(() -> Steps.perform(membership, MembershipAction.ACTIVATE, null, " ", TODAY))
                .isInstanceOfSatisfying(MembershipRefused.class,
                        refused -> assertThat(refused.rule()).isEqualTo(MembershipRefused.Rule.AGREEMENT_REQUIRED));
        assertThat(membership.state()).isEqualTo(MembershipState.APPROVED);

        Steps.perform(membership, MembershipAction.ACTIVATE, null, "CONV-2026-018", TODAY);
        assertThat(membership.state()).isEqualTo(MembershipState.ACTIVE);
        assertThat(membership.periodEnd()).isEqualTo(LocalDate.of(2027, 11, 24));
        assertThat(membership.agreementReference()).isEqualTo("CONV-2026-018");
    }

    @Test
    void aSuspensionNeedsAReasonAndKeepsIt() {
        Membership membership = active();
        assertThatThrownBy(() -> Steps.perform(membership, MembershipAction.SUSPEND, "  ", null, TODAY))
                .isInstanceOfSatisfying(MembershipRefused.class,
                        refused -> assertThat(refused.rule()).isEqualTo(MembershipRefused.Rule.REASON_REQUIRED));
        assertThat(membership.state()).isEqualTo(MembershipState.ACTIVE);

        Steps.perform(membership, MembershipAction.SUSPEND, " Cotisation impayée ", null, TODAY);
        assertThat(membership.state()).isEqualTo(MembershipState.SUSPENDED);
        assertThat(membership.lastReason()).isEqualTo("Cotisation impayée");
    }

    @Test
    void anActionNotAllowedFromTheStateIsRefusedAndChangesNothing() {
        Membership membership = new Membership();
        assertThatThrownBy(() -> Steps.perform(membership, MembershipAction.SUSPEND, "x", null, TODAY))
                .isInstanceOfSatisfying(MembershipRefused.class,
                        refused -> assertThat(refused.rule()).isEqualTo(MembershipRefused.Rule.NOT_FROM_THIS_STATE));
        assertThat(membership.state()).isEqualTo(MembershipState.APPLIED);
    }

    @Test
    void renewingExtendsFromTheEndOfThePeriodOrFromTodayWhenItLapsed() {
        Membership membership = active();
        Steps.perform(membership, MembershipAction.RENEW, null, null, TODAY.plusMonths(11));
        assertThat(membership.periodEnd()).isEqualTo(LocalDate.of(2028, 11, 24));

        Steps.perform(membership, MembershipAction.LAPSE, null, null, LocalDate.of(2029, 2, 1));
        Steps.perform(membership, MembershipAction.RENEW, null, null, LocalDate.of(2029, 3, 1));
        assertThat(membership.state()).isEqualTo(MembershipState.ACTIVE);
        assertThat(membership.periodEnd()).isEqualTo(LocalDate.of(2030, 2, 28));
    }

    @Test
    void anOversizeReasonIsRefused() {
        Membership membership = active();
        assertThatThrownBy(() -> Steps.perform(membership, MembershipAction.SUSPEND, "x".repeat(2001), null, TODAY))
                .isInstanceOf(MembershipRefused.class).hasMessageContaining("2000");
        assertThat(membership.state()).isEqualTo(MembershipState.ACTIVE);
    }
}
