package fr.la27eregion.label.control;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.label.entity.ApplicationAction;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.AssessmentAction;
import fr.la27eregion.label.entity.AssessmentState;
import fr.la27eregion.label.entity.LabelAction;
import fr.la27eregion.label.entity.LabelState;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.TransitionTable;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every (state, action) pair of the three label workflows against DESIGN §3 and the contract of issue 11, written
 * out here independently of the production tables: an allowed pair leads where the diagram says, needs a reason
 * exactly where it says, and is open to exactly the roles it names (and to no other role of the platform); every
 * other pair is refused.
 */
class LabelWorkflowsTest {

    /** One expected line: where it leads, whether it needs a reason, who takes it. */
    private record Line(Enum<?> to, boolean reason, Set<Actor> who) {
    }

    private static final Actor SECRETARIAT = Actor.of(Role.NETWORK_ADMIN);
    private static final Actor COORDINATOR = Actor.of(Role.MEMBER_COORDINATOR);
    private static final Actor CONTRIBUTOR = Actor.of(Role.CONTRIBUTOR);
    private static final Actor REVIEWER = Actor.of(Role.REVIEWER);
    private static final Actor JURY = Actor.of(Role.JURY);

    private static Line to(Enum<?> to, Actor... who) {
        return new Line(to, false, Set.of(who));
    }

    private static Line withReason(Enum<?> to, Actor... who) {
        return new Line(to, true, Set.of(who));
    }

    /** Every actor there is: each role, the platform, anyone. */
    private static Set<Actor> everyActor() {
        Set<Actor> all = new java.util.HashSet<>(Set.of(Actor.SYSTEM, Actor.ANYONE));
        for (Role role : Role.values()) {
            all.add(Actor.of(role));
        }
        return all;
    }

    private static <S extends Enum<S>, A extends Enum<A>> void matches(TransitionTable<S, A> table, Class<S> states,
                                                                       Class<A> actions, Map<String, Line> expected) {
        int allowed = 0;
        for (S state : EnumSet.allOf(states)) {
            for (A action : EnumSet.allOf(actions)) {
                var found = table.find(state, action);
                Line line = expected.get(state + "+" + action);
                if (line == null) {
                    assertThat(found).as(state + " + " + action + " is refused").isEmpty();
                    continue;
                }
                allowed++;
                assertThat(found).as(state + " + " + action).get().satisfies(made -> {
                    assertThat(made.to()).isEqualTo(line.to());
                    assertThat(made.reasonRequired()).as("reason").isEqualTo(line.reason());
                    for (Actor actor : everyActor()) {
                        assertThat(made.allows(Set.of(actor))).as(state + " + " + action + " by " + actor)
                                .isEqualTo(line.who().contains(actor));
                    }
                });
            }
        }
        assertThat(allowed).isEqualTo(expected.size())
                .isEqualTo(table.lines().size() - (table.creation().isPresent() ? 1 : 0));
    }

    @Test
    void applicationsMoveAsTheDiagramSays() {
        Map<String, Line> expected = new HashMap<>();
        expected.put("DRAFT+SUBMIT", to(ApplicationState.SUBMITTED, COORDINATOR));
        expected.put("SUBMITTED+REQUEST_CHANGES", withReason(ApplicationState.CHANGES_REQUESTED, SECRETARIAT));
        expected.put("CHANGES_REQUESTED+RESUBMIT", to(ApplicationState.SUBMITTED, COORDINATOR));
        expected.put("SUBMITTED+DECLARE_INELIGIBLE", withReason(ApplicationState.INELIGIBLE, SECRETARIAT));
        expected.put("SUBMITTED+START_REVIEW", to(ApplicationState.IN_REVIEW, Actor.SYSTEM));
        expected.put("IN_REVIEW+COMPLETE_REVIEW", to(ApplicationState.REVIEWED, Actor.SYSTEM));
        expected.put("REVIEWED+AWARD", withReason(ApplicationState.AWARDED, JURY));
        expected.put("REVIEWED+REJECT", withReason(ApplicationState.REJECTED, JURY));
        for (String from : new String[] {"DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "IN_REVIEW"}) {
            expected.put(from + "+WITHDRAW", to(ApplicationState.WITHDRAWN, COORDINATOR));
        }
        matches(ApplicationWorkflow.TABLE, ApplicationState.class, ApplicationAction.class, expected);

        assertThat(ApplicationWorkflow.TABLE.creation()).get().satisfies(line -> {
            assertThat(line.action()).isEqualTo(ApplicationAction.CREATE);
            assertThat(line.to()).isEqualTo(ApplicationState.DRAFT);
            for (Actor actor : everyActor()) {
                assertThat(line.allows(Set.of(actor))).as("a draft started by " + actor)
                        .isEqualTo(actor == CONTRIBUTOR || actor == COORDINATOR);
            }
        });
        for (ApplicationState end : EnumSet.of(ApplicationState.AWARDED, ApplicationState.REJECTED,
                ApplicationState.INELIGIBLE, ApplicationState.WITHDRAWN)) {
            assertThat(ApplicationWorkflow.TABLE.from(end)).as(end + " is final").isEmpty();
            assertThat(end.isFinal()).isTrue();
        }
    }

    @Test
    void aContributorIsOfferedNothingAndACoordinatorSendsOrTakesBack() {
        Set<Actor> contributor = Actor.holding(Set.of(Role.CONTRIBUTOR));
        for (ApplicationState state : ApplicationState.values()) {
            assertThat(ApplicationWorkflow.TABLE.possible(state, contributor)).as(state.name()).isEmpty();
        }
        assertThat(ApplicationWorkflow.TABLE.possible(ApplicationState.DRAFT,
                Actor.holding(Set.of(Role.MEMBER_COORDINATOR)))).extracting(p -> p.action())
                .containsExactly(ApplicationAction.SUBMIT, ApplicationAction.WITHDRAW);
        assertThat(ApplicationWorkflow.TABLE.possible(ApplicationState.SUBMITTED,
                Actor.holding(Set.of(Role.NETWORK_ADMIN)))).extracting(p -> p.action())
                .containsExactly(ApplicationAction.REQUEST_CHANGES, ApplicationAction.DECLARE_INELIGIBLE);
        assertThat(ApplicationWorkflow.TABLE.possible(ApplicationState.SUBMITTED,
                Actor.holding(Set.of(Role.AUDITOR)))).isEmpty();
    }

    @Test
    void assessmentsMoveAsTheDiagramSays() {
        Map<String, Line> expected = new HashMap<>();
        expected.put("ASSIGNED+SUBMIT", to(AssessmentState.SUBMITTED, REVIEWER));
        expected.put("ASSIGNED+RECUSE", withReason(AssessmentState.RECUSED, REVIEWER));
        matches(AssessmentWorkflow.TABLE, AssessmentState.class, AssessmentAction.class, expected);
        assertThat(AssessmentWorkflow.TABLE.creation()).get().satisfies(line -> {
            assertThat(line.action()).isEqualTo(AssessmentAction.ASSIGN);
            assertThat(line.to()).isEqualTo(AssessmentState.ASSIGNED);
            for (Actor actor : everyActor()) {
                assertThat(line.allows(Set.of(actor))).as("assigned by " + actor).isEqualTo(actor == SECRETARIAT);
            }
        });
    }

    @Test
    void labelsMoveAsTheDiagramSays() {
        Map<String, Line> expected = new HashMap<>();
        expected.put("ACTIVE+EXPIRE", to(LabelState.EXPIRED, Actor.SYSTEM));
        expected.put("SUSPENDED+EXPIRE", to(LabelState.EXPIRED, Actor.SYSTEM));
        expected.put("ACTIVE+SUSPEND", withReason(LabelState.SUSPENDED, SECRETARIAT));
        expected.put("SUSPENDED+REINSTATE", to(LabelState.ACTIVE, SECRETARIAT));
        expected.put("ACTIVE+REVOKE", withReason(LabelState.REVOKED, SECRETARIAT));
        expected.put("SUSPENDED+REVOKE", withReason(LabelState.REVOKED, SECRETARIAT));
        expected.put("ACTIVE+RENEW", to(LabelState.RENEWED, Actor.SYSTEM));
        expected.put("EXPIRED+RENEW", to(LabelState.RENEWED, Actor.SYSTEM));
        matches(LabelWorkflow.TABLE, LabelState.class, LabelAction.class, expected);
        assertThat(LabelWorkflow.TABLE.creation()).get().satisfies(line -> {
            assertThat(line.action()).isEqualTo(LabelAction.AWARD);
            assertThat(line.to()).isEqualTo(LabelState.ACTIVE);
            for (Actor actor : everyActor()) {
                assertThat(line.allows(Set.of(actor))).as("awarded by " + actor).isEqualTo(actor == JURY);
            }
        });
        assertThat(LabelWorkflow.TABLE.from(LabelState.REVOKED)).isEmpty();
        assertThat(LabelWorkflow.TABLE.from(LabelState.RENEWED)).isEmpty();
    }
}
