package fr.la27eregion.membership.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules the daily job asks before it acts ({@link Membership#reminderDue}, {@link Membership#lapseDue}), with
 * the installation's defaults: the reminder 30 days before the end of the period, the lapse 60 days after it.
 */
class MembershipDeadlineRulesTest {

    private static final int REMINDER_DAYS = 30;
    private static final int GRACE_DAYS = 60;
    /** Activated on 25 November 2026: the period ends on 24 November 2027. */
    private static final LocalDate ACTIVATED = LocalDate.of(2026, 11, 25);
    private static final LocalDate END = LocalDate.of(2027, 11, 24);

    private static Membership active() {
        Membership membership = new Membership();
        Steps.perform(membership, MembershipAction.REVIEW, null, null, ACTIVATED);
        Steps.perform(membership, MembershipAction.APPROVE, null, null, ACTIVATED);
        Steps.perform(membership, MembershipAction.ACTIVATE, null, "CONV-2026-018", ACTIVATED);
        assertThat(membership.periodEnd()).isEqualTo(END);
        return membership;
    }

    @Test
    void theReminderIsDueFromThirtyDaysBeforeTheEndUntilTheLastDay() {
        Membership membership = active();
        assertThat(membership.reminderDue(END.minusDays(31), REMINDER_DAYS)).as("31 days before").isFalse();
        assertThat(membership.reminderDue(END.minusDays(30), REMINDER_DAYS)).as("30 days before").isTrue();
        assertThat(membership.reminderDue(END, REMINDER_DAYS)).as("the last day").isTrue();
        assertThat(membership.reminderDue(END.plusDays(1), REMINDER_DAYS)).as("once ended: the lapse's business")
                .isFalse();
    }

    @Test
    void theReminderGoesOutOncePerPeriodAndAgainForTheNextOne() {
        Membership membership = active();
        LocalDate day = END.minusDays(30);
        membership.reminded();
        assertThat(membership.reminderDue(day, REMINDER_DAYS)).isFalse();
        assertThat(membership.reminderDue(day.plusDays(1), REMINDER_DAYS)).as("nor the next days").isFalse();

        Steps.perform(membership, MembershipAction.RENEW, null, null, day);
        LocalDate nextEnd = END.plusYears(1);
        assertThat(membership.periodEnd()).isEqualTo(nextEnd);
        assertThat(membership.reminderDue(nextEnd.minusDays(30), REMINDER_DAYS)).as("the renewed period's").isTrue();
    }

    @Test
    void onlyAnActiveMembershipIsReminded() {
        Membership membership = active();
        Steps.perform(membership, MembershipAction.SUSPEND, "Cotisation impayée", null, END.minusDays(40));
        assertThat(membership.reminderDue(END.minusDays(30), REMINDER_DAYS)).isFalse();
        assertThat(new Membership().reminderDue(END.minusDays(30), REMINDER_DAYS)).as("an application").isFalse();
    }

    @Test
    void aMembershipLapsesTheDayAfterTheGracePeriod() {
        Membership membership = active();
        assertThat(membership.lapseDue(END, GRACE_DAYS)).isFalse();
        assertThat(membership.lapseDue(END.plusDays(GRACE_DAYS), GRACE_DAYS)).as("the grace period's last day")
                .isFalse();
        assertThat(membership.lapseDue(END.plusDays(GRACE_DAYS + 1), GRACE_DAYS)).isTrue();
    }

    @Test
    void onlyAnActiveMembershipLapses() {
        Membership suspended = active();
        Steps.perform(suspended, MembershipAction.SUSPEND, "Cotisation impayée", null, END.minusDays(10));
        assertThat(suspended.lapseDue(END.plusDays(365), GRACE_DAYS)).isFalse();

        Membership renewed = active();
        Steps.perform(renewed, MembershipAction.RENEW, null, null, END.minusDays(5));
        assertThat(renewed.lapseDue(END.plusDays(GRACE_DAYS + 1), GRACE_DAYS)).as("renewed in time").isFalse();
        assertThat(new Membership().lapseDue(END.plusDays(365), GRACE_DAYS)).as("an application").isFalse();
    }
}
