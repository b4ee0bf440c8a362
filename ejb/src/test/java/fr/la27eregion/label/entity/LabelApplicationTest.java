package fr.la27eregion.label.entity;

import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.project.entity.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules an application applies to its own steps, without a container: a submission only while its campaign is
 * open (opening included, closing excluded) and with every criterion answered; answers only while the applicant
 * holds it and only to the grid's criteria; a reason where the line needs one; a level and mentions the
 * programme grants. The lines are built here, not taken from the production table, which its own test checks.
 */
class LabelApplicationTest {

    private static final Instant OPENS = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-03-10T17:00:00Z");
    private static final Instant DURING = Instant.parse("2026-02-01T10:00:00Z");

    private ScoringGrid grid;
    private LabelApplication application;

    @BeforeEach
    void draft() throws ReflectiveOperationException {
        ProgrammeDetails details = new ProgrammeDetails();
        details.setCode("INNOV");
        details.setNameFr("Label");
        details.setNameEn("Label");
        details.setLevels(3);
        details.setMentions(List.of("Coup de cœur", "Open source"));
        LabelProgramme programme = LabelProgramme.create(details.check(), OPENS);
        grid = ScoringGrid.next(programme, null, CriterionDetails.checkAll(List.of(
                new CriterionDetails("users", "Usagers", "Users", "", "", new BigDecimal("2"), 5),
                new CriterionDetails("data", "Données", "Data", "", "", BigDecimal.ONE, 5))), OPENS);
        long id = 100;
        for (ScoringCriterion criterion : grid.criteria()) {
            set(criterion, "id", id++);
        }
        CampaignDetails call = new CampaignDetails();
        call.setCode("INNOV-2026");
        call.setTitleFr("Appel 2026");
        call.setTitleEn("Call 2026");
        call.setOpensAt(OPENS);
        call.setClosesAt(CLOSES);
        Campaign campaign = Campaign.create(programme, grid, call.check(), OPENS);
        Constructor<Project> constructor = Project.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        application = LabelApplication.draft(campaign, constructor.newInstance(), null, "lea", OPENS);
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    private static TransitionTable.Transition<ApplicationState, ApplicationAction> line(
            ApplicationState from, ApplicationAction action, ApplicationState to, boolean reason) {
        return new TransitionTable.Transition<>(from, action, to, Set.of(Actor.SYSTEM),
                reason ? Set.of(TransitionTable.REASON) : Set.of());
    }

    private void answerAll() {
        application.answer(Map.of(100L, "Ateliers avec les usagers", 101L, "Données ouvertes"), DURING);
    }

    @Test
    void aSubmissionNeedsEveryCriterionAnswered() {
        application.answer(Map.of(100L, "Ateliers"), DURING);
        assertThat(application.unanswered()).containsExactly("data");
        assertThatThrownBy(() -> application.perform(line(ApplicationState.DRAFT, ApplicationAction.SUBMIT,
                ApplicationState.SUBMITTED, false), ApplicationInputs.of(null, DURING)))
                .isInstanceOfSatisfying(LabelRefused.class, refused -> {
                    assertThat(refused.rule()).isEqualTo(LabelRefused.Rule.ANSWERS_MISSING);
                    assertThat(refused.arguments()).containsExactly("data");
                });
        assertThat(application.state()).isEqualTo(ApplicationState.DRAFT);
        application.answer(Map.of(101L, "Code ouvert"), DURING);
        application.perform(line(ApplicationState.DRAFT, ApplicationAction.SUBMIT, ApplicationState.SUBMITTED,
                false), ApplicationInputs.of(null, DURING));
        assertThat(application.state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(application.submittedAt()).contains(DURING);
    }

    @Test
    void aSubmissionIsTakenFromTheOpeningUpToButNotAtTheClosing() {
        answerAll();
        var submit = line(ApplicationState.DRAFT, ApplicationAction.SUBMIT, ApplicationState.SUBMITTED, false);
        for (Instant outside : List.of(OPENS.minusSeconds(1), CLOSES, CLOSES.plusSeconds(3600))) {
            assertThatThrownBy(() -> application.perform(submit, ApplicationInputs.of(null, outside)))
                    .as(outside.toString()).isInstanceOfSatisfying(LabelRefused.class, refused ->
                            assertThat(refused.rule()).isEqualTo(LabelRefused.Rule.CAMPAIGN_NOT_OPEN));
        }
        application.perform(submit, ApplicationInputs.of(null, OPENS));
        assertThat(application.state()).isEqualTo(ApplicationState.SUBMITTED);
    }

    @Test
    void answersChangeOnlyWhileTheApplicantHoldsItAndOnlyForTheGridsCriteria() {
        assertThatThrownBy(() -> application.answer(Map.of(999L, "Hors grille"), DURING))
                .isInstanceOfSatisfying(LabelRefused.class, refused ->
                        assertThat(refused.rule()).isEqualTo(LabelRefused.Rule.UNKNOWN_CRITERION));
        assertThatThrownBy(() -> application.answer(Map.of(100L, "x".repeat(LabelApplication.MAX_ANSWER + 1)),
                DURING)).isInstanceOfSatisfying(LabelRefused.class, refused ->
                assertThat(refused.rule()).isEqualTo(LabelRefused.Rule.ANSWER_TOO_LONG));
        answerAll();
        Map<Long, String> blank = new HashMap<>();
        blank.put(101L, "  ");
        assertThat(application.answer(blank, DURING)).containsExactly(101L);
        assertThat(application.answers()).containsOnlyKeys(100L);
        answerAll();
        application.perform(line(ApplicationState.DRAFT, ApplicationAction.SUBMIT, ApplicationState.SUBMITTED,
                false), ApplicationInputs.of(null, DURING));
        assertThatThrownBy(() -> application.answer(Map.of(100L, "Changé après l'envoi"), DURING))
                .isInstanceOfSatisfying(LabelRefused.class, refused ->
                        assertThat(refused.rule()).isEqualTo(LabelRefused.Rule.NOT_EDITABLE));
        application.perform(line(ApplicationState.SUBMITTED, ApplicationAction.REQUEST_CHANGES,
                ApplicationState.CHANGES_REQUESTED, true), ApplicationInputs.of("Précisez l'évaluation", DURING));
        assertThat(application.lastReason()).isEqualTo("Précisez l'évaluation");
        assertThat(application.answer(Map.of(100L, "Précisé"), DURING)).containsExactly(100L);
    }

    @Test
    void aLineNeedingAReasonRefusesNoneAndALineNotFromTheStateIsRefused() {
        answerAll();
        var requestChanges = line(ApplicationState.SUBMITTED, ApplicationAction.REQUEST_CHANGES,
                ApplicationState.CHANGES_REQUESTED, true);
        assertThatThrownBy(() -> application.perform(requestChanges, ApplicationInputs.of(null, DURING)))
                .as("not from DRAFT").isInstanceOfSatisfying(LabelRefused.class, refused ->
                        assertThat(refused.rule()).isEqualTo(LabelRefused.Rule.NOT_FROM_THIS_STATE));
        application.perform(line(ApplicationState.DRAFT, ApplicationAction.SUBMIT, ApplicationState.SUBMITTED,
                false), ApplicationInputs.of(null, DURING));
        assertThatThrownBy(() -> application.perform(requestChanges, ApplicationInputs.of("   ", DURING)))
                .isInstanceOfSatisfying(LabelRefused.class, refused -> {
                    assertThat(refused.rule()).isEqualTo(LabelRefused.Rule.REASON_REQUIRED);
                    assertThat(refused.field()).contains("reason");
                });
        assertThat(application.state()).isEqualTo(ApplicationState.SUBMITTED);
        application.perform(line(ApplicationState.SUBMITTED, ApplicationAction.WITHDRAW, ApplicationState.WITHDRAWN,
                false), ApplicationInputs.of(null, DURING));
        assertThat(application.state()).isEqualTo(ApplicationState.WITHDRAWN);
        assertThat(application.lastReason()).isNull();
    }

    @Test
    void anAwardGrantsOnlyTheProgrammesLevelsAndMentions() {
        var award = line(ApplicationState.DRAFT, ApplicationAction.AWARD, ApplicationState.AWARDED, true);
        assertThatThrownBy(() -> application.perform(award, new ApplicationInputs("Exemplaire", DURING, null,
                List.of()))).isInstanceOfSatisfying(LabelRefused.class, refused ->
                assertThat(refused.rule()).isEqualTo(LabelRefused.Rule.LEVEL_OUT_OF_RANGE));
        assertThatThrownBy(() -> application.perform(award, new ApplicationInputs("Exemplaire", DURING, 4,
                List.of()))).isInstanceOfSatisfying(LabelRefused.class, refused ->
                assertThat(refused.rule()).isEqualTo(LabelRefused.Rule.LEVEL_OUT_OF_RANGE));
        assertThatThrownBy(() -> application.perform(award, new ApplicationInputs("Exemplaire", DURING, 2,
                List.of("Inventée")))).isInstanceOfSatisfying(LabelRefused.class, refused ->
                assertThat(refused.rule()).isEqualTo(LabelRefused.Rule.UNKNOWN_MENTION));
        application.perform(award, new ApplicationInputs("Exemplaire", DURING, 2, List.of("Open source")));
        assertThat(application.level()).contains(2);
        assertThat(application.mentions()).containsExactly("Open source");
        assertThat(application.decisionMotivation()).contains("Exemplaire");
        assertThat(application.decidedAt()).contains(DURING);
    }

    @Test
    void theGridsWeightedTotalIsOnAHundred() {
        assertThat(grid.weightedTotal(Map.of(100L, 5, 101L, 5))).contains(new BigDecimal("100.00"));
        assertThat(grid.weightedTotal(Map.of(100L, 4, 101L, 1))).contains(new BigDecimal("60.00"));
        assertThat(grid.weightedTotal(Map.of(100L, 4))).isEmpty();
    }
}
