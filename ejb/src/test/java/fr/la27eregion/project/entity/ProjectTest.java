package fr.la27eregion.project.entity;

import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.membership.entity.OrganisationDetails;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.platform.workflow.TransitionTable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A project's own behaviour: created as a draft, revised field by field, its slug, its two workflows' moves. */
class ProjectTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static final TransitionTable<ProjectVisibility, ProjectAction> VISIBILITY =
            TransitionTable.of(ProjectVisibility.class, ProjectAction.class)
                    .allow(ProjectVisibility.DRAFT, ProjectAction.PUBLISH, ProjectVisibility.PUBLIC)
                    .allowWithReason(ProjectVisibility.PUBLIC, ProjectAction.WITHDRAW, ProjectVisibility.DRAFT)
                    .build();
    private static final TransitionTable<ProjectStage, StageAction> STAGES =
            TransitionTable.of(ProjectStage.class, StageAction.class)
                    .allowWithReason(ProjectStage.IDEA, StageAction.STOP, ProjectStage.STOPPED)
                    .build();

    static Organisation organisation() {
        OrganisationDetails details = new OrganisationDetails();
        details.setKind(OrganisationKind.ASSOCIATE);
        details.setName("Agence régionale du numérique");
        details.setSiret("73282932000074");
        return Organisation.create(details, null, NOW);
    }

    private static Project project() {
        return Project.create(ProjectDetailsTest.valid(), new ProjectReferences(organisation(), Set.of(), Set.of(),
                Set.of()), new RichContent("<p>Un</p>", "Un"), RichContent.EMPTY, "contributor", NOW);
    }

    @Test
    void aNewProjectIsADraftAtItsFirstStage() {
        Project project = project();
        assertThat(project.visibility()).isEqualTo(ProjectVisibility.DRAFT);
        assertThat(project.stage()).isEqualTo(ProjectStage.IDEA);
        assertThat(project.slug()).isEqualTo("la-cantine-des-lycees-en-circuit-court");
        assertThat(project.description()).isEqualTo("<p>Un</p>");
        assertThat(project.outsidePartners()).containsExactly(
                new OutsidePartner("Université de Rennes", "FR", OutsidePartnerKind.UNIVERSITY));
        assertThat(project.budgetEuros()).isEqualByComparingTo("125000.5");
        assertThat(project.createdAt()).isEqualTo(NOW);
        assertThat(project.publishedAt()).isNull();
    }

    @Test
    void anUpdateNamesTheFieldsThatChanged() {
        Project project = project();
        ProjectDetails details = ProjectDetailsTest.valid();
        details.setTitle("  Une autre cantine ");
        details.setBudgetEuros(new java.math.BigDecimal("125000.50"));
        details.getLinks().get(0).setLabel("Le nouveau site");
        var changed = project.update(details, new ProjectReferences(project.leadOrganisation(), Set.of(), Set.of(),
                Set.of()), new RichContent("<p>Un</p>", "Un"), new RichContent("<p>Leçon</p>", "Leçon"),
                NOW.plusSeconds(60));
        assertThat(changed).containsExactly("lessons", "links", "title");
        assertThat(project.title()).isEqualTo("Une autre cantine");
        assertThat(project.slug()).isEqualTo("une-autre-cantine");
        assertThat(project.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(project.update(details, new ProjectReferences(project.leadOrganisation(), Set.of(), Set.of(),
                Set.of()), new RichContent("<p>Un</p>", "Un"), new RichContent("<p>Leçon</p>", "Leçon"),
                NOW.plusSeconds(120))).as("the same details again").isEmpty();
        assertThat(project.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void slugs() {
        assertThat(Project.slug("L'Œuvre des écoles — Région Île-de-France, 2030 !")).isEqualTo(
                "l-oeuvre-des-ecoles-region-ile-de-france-2030");
        assertThat(Project.slug("???")).isEqualTo("projet");
        assertThat(Project.slug("a".repeat(79) + " b c")).hasSizeLessThanOrEqualTo(Project.MAX_SLUG)
                .doesNotEndWith("-");
    }

    @Test
    void visibilityMovesByItsLineAndWithdrawingNeedsAReason() {
        Project project = project();
        project.perform(VISIBILITY.find(ProjectVisibility.DRAFT, ProjectAction.PUBLISH).orElseThrow(),
                ProjectInputs.NONE);
        project.touch(NOW);
        assertThat(project.visibility()).isEqualTo(ProjectVisibility.PUBLIC);
        assertThat(project.publishedAt()).isEqualTo(NOW);
        var withdraw = VISIBILITY.find(ProjectVisibility.PUBLIC, ProjectAction.WITHDRAW).orElseThrow();
        assertThatThrownBy(() -> project.perform(withdraw, new ProjectInputs("  ")))
                .isInstanceOfSatisfying(ProjectRefused.class,
                        refused -> assertThat(refused.rule()).isEqualTo(ProjectRefused.Rule.REASON_REQUIRED));
        project.perform(withdraw, new ProjectInputs(" Données à vérifier "));
        assertThat(project.visibility()).isEqualTo(ProjectVisibility.DRAFT);
        assertThat(project.lastReason()).isEqualTo("Données à vérifier");
        assertThatThrownBy(() -> project.perform(withdraw, new ProjectInputs("encore")))
                .isInstanceOfSatisfying(ProjectRefused.class,
                        refused -> assertThat(refused.rule()).isEqualTo(ProjectRefused.Rule.NOT_FROM_THIS_STATE));
    }

    @Test
    void theStageMovesThroughItsRecord() {
        Project project = project();
        StageRecord stage = project.stages();
        assertThat(stage.state()).isEqualTo(ProjectStage.IDEA);
        stage.perform(STAGES.find(ProjectStage.IDEA, StageAction.STOP).orElseThrow(), new ProjectInputs("Budget"));
        assertThat(project.stage()).isEqualTo(ProjectStage.STOPPED);
        assertThat(project.visibility()).isEqualTo(ProjectVisibility.DRAFT);
        assertThat(stage.lastReason()).isEqualTo("Budget");
        assertThat(List.of(stage.version())).containsExactly(project.version());
    }
}
