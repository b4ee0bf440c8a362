package fr.la27eregion.label;

import fr.la27eregion.testing.SqlReviews;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The labels' schema (V17) on the shared server's database: Flyway applied it, the application role reads and
 * writes every table, and the constraints the other parts rely on hold (one live application per project and
 * campaign, a campaign closes after it opens, a certificate number's form), and the counts of reviewers each
 * application keeps (V26) follow its assessments.
 */
class LabelSchemaIT {

    private static final List<String> TABLES = List.of("label_programme", "scoring_grid", "scoring_criterion",
            "decision_template", "campaign", "label_application", "application_answer", "application_message",
            "application_attachment", "application_attachment_content", "assessment", "assessment_score", "label");

    @Test
    void flywayAppliedTheLabelsMigrationAndTheApplicationRoleWritesEveryTable() {
        TestServer.base();
        assertThat(Superuser.number("SELECT count(*) FROM flyway_schema_history WHERE version = '17' AND success"))
                .isEqualTo(1);
        String role = System.getProperty("test.db.user");
        for (String table : TABLES) {
            assertThat(Superuser.number("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", table))
                    .as(table).isEqualTo(1);
            assertThat(Superuser.number("SELECT CASE WHEN has_table_privilege(?, ?, 'SELECT, INSERT, UPDATE')"
                    + " THEN 1 ELSE 0 END", role, table)).as(role + " on " + table).isEqualTo(1);
        }
    }

    @Test
    void theConstraintsTheOtherPartsRelyOnHold() {
        TestServer.base();
        assertThatThrownBy(() -> Superuser.update("INSERT INTO label_programme (code, name_fr, name_en, created_at,"
                + " updated_at) VALUES ('x', 'a', 'b', now(), now())")).hasStackTraceContaining("label_programme_code_check");
        assertThatThrownBy(() -> Superuser.update("INSERT INTO campaign (programme_id, grid_id, code, title_fr,"
                + " title_en, opens_at, closes_at, created_at, updated_at) VALUES (1, 1, 'C-1', 'a', 'b',"
                + " now(), now() - interval '1 day', now(), now())")).hasStackTraceContaining("campaign_period");
        assertThat(Superuser.number("SELECT count(*) FROM pg_indexes WHERE indexname = 'label_application_live_idx'"
                + " AND indexdef LIKE '%UNIQUE%' AND indexdef LIKE '%WITHDRAWN%'")).isEqualTo(1);
        assertThat(Superuser.number("SELECT count(*) FROM pg_constraint WHERE conname = 'label_certificate_number_check'"))
                .isEqualTo(1);
    }

    @Test
    void anApplicationsCountsOfReviewersFollowItsAssessmentsAsTheyAreAddedRecusedRemovedAndMoved() {
        TestServer.base();
        String name = "Organisation comptée " + Long.toString(System.nanoTime(), 36);
        Superuser.update("INSERT INTO organisation (name, kind, siret) VALUES (?, 'ASSOCIATE', ?)", name,
                String.format("8%013d", Math.floorMod(System.nanoTime(), 10_000_000_000_000L)));
        SqlReviews.Campaign campaign = SqlReviews.campaign(2, false, false);
        long application = SqlReviews.submitted(campaign, name, List.of());
        assertThat(reviewers(application)).containsExactly(0L, 0L);

        long first = SqlReviews.reviewer(null).id();
        long second = SqlReviews.reviewer(null).id();
        String assign = "INSERT INTO assessment (application_id, reviewer_account_id, state, due_on, assigned_at,"
                + " changed_at) VALUES (?, ?, 'ASSIGNED', current_date + 10, now(), now())";
        Superuser.update(assign, application, first);
        Superuser.update(assign, application, second);
        assertThat(reviewers(application)).containsExactly(2L, 0L);

        Superuser.update("UPDATE assessment SET state = 'RECUSED', conflict_declared = true, conflict_reason = 'Lien'"
                + " WHERE application_id = ? AND reviewer_account_id = ?", application, first);
        assertThat(reviewers(application)).containsExactly(1L, 1L);

        Superuser.update("DELETE FROM assessment WHERE application_id = ? AND reviewer_account_id = ?", application,
                second);
        assertThat(reviewers(application)).containsExactly(0L, 1L);

        long another = SqlReviews.submitted(campaign, name, List.of());
        Superuser.update("UPDATE assessment SET application_id = ? WHERE application_id = ?", another, application);
        assertThat(reviewers(application)).as("the application the assessment left").containsExactly(0L, 0L);
        assertThat(reviewers(another)).as("the one it moved to").containsExactly(0L, 1L);
    }

    /** The application's kept counts: reviewers not recused, reviewers recused (V26). */
    private static List<Long> reviewers(long application) {
        return List.of(Superuser.number("SELECT reviewers_active FROM label_application WHERE id = ?", application),
                Superuser.number("SELECT reviewers_recused FROM label_application WHERE id = ?", application));
    }
}
