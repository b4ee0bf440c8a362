package fr.la27eregion.project.control;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.project.entity.ProjectAction;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.project.entity.ProjectVisibility;
import fr.la27eregion.project.entity.StageAction;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static fr.la27eregion.project.entity.ProjectAction.PUBLISH;
import static fr.la27eregion.project.entity.ProjectAction.SHARE;
import static fr.la27eregion.project.entity.ProjectAction.WITHDRAW;
import static fr.la27eregion.project.entity.ProjectStage.DEPLOYED;
import static fr.la27eregion.project.entity.ProjectStage.EVALUATED;
import static fr.la27eregion.project.entity.ProjectStage.EXPERIMENTING;
import static fr.la27eregion.project.entity.ProjectStage.IDEA;
import static fr.la27eregion.project.entity.ProjectStage.STOPPED;
import static fr.la27eregion.project.entity.ProjectVisibility.DRAFT;
import static fr.la27eregion.project.entity.ProjectVisibility.NETWORK;
import static fr.la27eregion.project.entity.ProjectVisibility.PUBLIC;
import static fr.la27eregion.project.entity.StageAction.DEPLOY;
import static fr.la27eregion.project.entity.StageAction.EVALUATE;
import static fr.la27eregion.project.entity.StageAction.RESUME;
import static fr.la27eregion.project.entity.StageAction.START;
import static fr.la27eregion.project.entity.StageAction.STOP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every (state, action) pair of the two project workflows against the contract of issue 10, written out here
 * independently of the production tables: allowed pairs lead where it says, with its reasons and actors; every
 * other pair is refused.
 */
class ProjectWorkflowTest {

    private static final Set<Actor> CONTRIBUTOR = Actor.holding(Set.of(Role.CONTRIBUTOR));
    private static final Set<Actor> COORDINATOR = Actor.holding(Set.of(Role.MEMBER_COORDINATOR));
    private static final Set<Actor> SECRETARIAT = Actor.holding(Set.of(Role.NETWORK_ADMIN));
    private static final Set<Actor> AUDITOR = Actor.holding(Set.of(Role.AUDITOR));

    @Test
    void visibilityMovesAsTheContractSays() {
        Map<String, ProjectVisibility> expected = new HashMap<>();
        expected.put(DRAFT + "+" + SHARE, NETWORK);
        expected.put(PUBLIC + "+" + SHARE, NETWORK);
        expected.put(DRAFT + "+" + PUBLISH, PUBLIC);
        expected.put(NETWORK + "+" + PUBLISH, PUBLIC);
        expected.put(NETWORK + "+" + WITHDRAW, DRAFT);
        expected.put(PUBLIC + "+" + WITHDRAW, DRAFT);
        int allowed = 0;
        for (ProjectVisibility state : ProjectVisibility.values()) {
            for (ProjectAction action : ProjectAction.values()) {
                var found = ProjectWorkflow.TABLE.find(state, action);
                ProjectVisibility to = expected.get(state + "+" + action);
                if (to == null) {
                    assertThat(found).as(state + " + " + action).isEmpty();
                    continue;
                }
                allowed++;
                assertThat(found).as(state + " + " + action).get().satisfies(line -> {
                    assertThat(line.to()).isEqualTo(to);
                    assertThat(line.reasonRequired()).isEqualTo(action == WITHDRAW);
                    assertThat(line.allows(COORDINATOR)).isTrue();
                    assertThat(line.allows(SECRETARIAT)).isTrue();
                    assertThat(line.allows(CONTRIBUTOR)).as("a contributor decides no visibility").isFalse();
                    assertThat(line.allows(AUDITOR)).isFalse();
                });
            }
        }
        assertThat(allowed).isEqualTo(6).isEqualTo(ProjectWorkflow.TABLE.lines().size() - 1);
        assertThat(ProjectWorkflow.TABLE.creation()).get().satisfies(line -> {
            assertThat(line.action()).isEqualTo(ProjectAction.CREATE);
            assertThat(line.to()).isEqualTo(DRAFT);
            assertThat(line.allows(CONTRIBUTOR)).isTrue();
            assertThat(line.allows(COORDINATOR)).isTrue();
            assertThat(line.allows(SECRETARIAT)).isTrue();
            assertThat(line.allows(AUDITOR)).isFalse();
        });
    }

    @Test
    void stageMovesAsTheContractSays() {
        Map<String, ProjectStage> expected = new HashMap<>();
        expected.put(IDEA + "+" + START, EXPERIMENTING);
        expected.put(IDEA + "+" + DEPLOY, DEPLOYED);
        expected.put(EXPERIMENTING + "+" + DEPLOY, DEPLOYED);
        expected.put(EXPERIMENTING + "+" + EVALUATE, EVALUATED);
        expected.put(DEPLOYED + "+" + EVALUATE, EVALUATED);
        expected.put(IDEA + "+" + STOP, STOPPED);
        expected.put(EXPERIMENTING + "+" + STOP, STOPPED);
        expected.put(DEPLOYED + "+" + STOP, STOPPED);
        expected.put(STOPPED + "+" + RESUME, EXPERIMENTING);
        int allowed = 0;
        for (ProjectStage state : ProjectStage.values()) {
            for (StageAction action : StageAction.values()) {
                var found = ProjectWorkflow.STAGES.find(state, action);
                ProjectStage to = expected.get(state + "+" + action);
                if (to == null) {
                    assertThat(found).as(state + " + " + action).isEmpty();
                    continue;
                }
                allowed++;
                assertThat(found).as(state + " + " + action).get().satisfies(line -> {
                    assertThat(line.to()).isEqualTo(to);
                    assertThat(line.reasonRequired()).isEqualTo(action == STOP);
                    assertThat(line.allows(CONTRIBUTOR)).isTrue();
                    assertThat(line.allows(COORDINATOR)).isTrue();
                    assertThat(line.allows(SECRETARIAT)).isTrue();
                    assertThat(line.allows(AUDITOR)).isFalse();
                });
            }
        }
        assertThat(allowed).isEqualTo(9).isEqualTo(ProjectWorkflow.STAGES.lines().size());
        assertThat(ProjectWorkflow.STAGES.creation()).as("a stage is set at creation, not by a step").isEmpty();
        assertThat(ProjectWorkflow.STAGES.from(EVALUATED)).as("an evaluated project is done").isEmpty();
    }

    @Test
    void aContributorIsOfferedNoVisibilityStepAndACoordinatorTheirs() {
        assertThat(ProjectWorkflow.TABLE.possible(DRAFT, CONTRIBUTOR)).isEmpty();
        assertThat(ProjectWorkflow.TABLE.possible(DRAFT, COORDINATOR)).extracting(p -> p.action())
                .containsExactly(SHARE, PUBLISH);
        assertThat(ProjectWorkflow.TABLE.possible(PUBLIC, SECRETARIAT)).extracting(p -> p.action())
                .containsExactly(SHARE, WITHDRAW);
    }
}
