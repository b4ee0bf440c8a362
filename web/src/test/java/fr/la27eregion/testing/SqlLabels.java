package fr.la27eregion.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Labels for the tests of a label's life, written straight into the test database as the superuser
 * ({@link Superuser}), as {@link SqlReviews} does for the review, and consistent with {@code V17__label.sql}: a
 * programme with a grid, a closed campaign, an application of a new project of the test organisation, awarded
 * and answered, and its label. Each test makes its own: a certificate number of the year 1999 (no award ever takes
 * one of that year) with a number of its own, and an unguessable-enough code of its own.
 */
public final class SqlLabels {

    /** A label as made here, with what the tests check against. */
    public record Awarded(long programmeId, long gridId, long labelId, long applicationId, long projectId,
                          String certificateNumber, String verificationCode, String projectTitle,
                          List<Long> criteria) {
    }

    private SqlLabels() {
    }

    /**
     * A label of a new project of this test organisation, awarded on {@code awardedOn}, valid until
     * {@code validUntil}, in this state; its programme renewable or not, its grid of the criteria {@code usagers}
     * and {@code donnees} (both answered).
     */
    public static Awarded label(String organisationName, String state, LocalDate awardedOn, LocalDate validUntil,
                                boolean renewable) {
        String code = "LIFE" + Long.toString(System.nanoTime(), 36).toUpperCase();
        long programme = Superuser.number("INSERT INTO label_programme (code, name_fr, name_en, validity_months,"
                + " renewable, levels, mentions, created_at, updated_at) VALUES (?, 'Label d''essai', 'Test label',"
                + " 24, ?, 3, '{\"Coup de cœur\"}', now(), now()) RETURNING id", code, renewable);
        long grid = grid(programme, 1, "usagers", "donnees");
        long campaign = campaign(programme, grid, code + "-C", Instant.now().minus(400, ChronoUnit.DAYS),
                Instant.now().minus(300, ChronoUnit.DAYS));
        long organisation = SqlReviews.organisation(organisationName);
        long project = SqlProjects.project(organisationName, "NETWORK");
        String title = (String) Superuser.rows("SELECT title FROM project WHERE id = ?", project).get(0)
                .get("title");
        long application = Superuser.number("INSERT INTO label_application (campaign_id, project_id,"
                + " organisation_id, state, created_at, updated_at, changed_at, submitted_at, reviewed_at,"
                + " decided_at, level, mentions, decision_motivation) VALUES (?, ?, ?, 'AWARDED', now(), now(),"
                + " now(), now(), now(), now(), 2, '{\"Coup de cœur\"}', 'Un projet exemplaire.') RETURNING id",
                campaign, project, organisation);
        List<Long> criteria = Superuser.column("SELECT id FROM scoring_criterion WHERE grid_id = ? ORDER BY"
                + " position", grid).stream().map(Long::valueOf).toList();
        for (long criterion : criteria) {
            Superuser.update("INSERT INTO application_answer (application_id, criterion_id, answer) VALUES (?, ?, ?)",
                    application, criterion, "Réponse d'origine au critère " + criterion + ".");
        }
        String number = String.format("L27-1999-%09d", Math.floorMod(System.nanoTime(), 1_000_000_000L));
        String verification = "T" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-"
                + Long.toString(Double.doubleToLongBits(Math.random()), 36).toUpperCase();
        long label = Superuser.number("INSERT INTO label (application_id, programme_id, project_id, organisation_id,"
                + " certificate_number, verification_code, level, mentions, awarded_on, valid_until, state,"
                + " changed_at) VALUES (?, ?, ?, ?, ?, ?, 2, '{\"Coup de cœur\"}', ?, ?, ?, now()) RETURNING id",
                application, programme, project, organisation, number, verification, java.sql.Date.valueOf(awardedOn),
                java.sql.Date.valueOf(validUntil), state);
        return new Awarded(programme, grid, label, application, project, number, verification, title, criteria);
    }

    /** A grid version of the programme with criteria of these codes, in order. */
    public static long grid(long programme, int version, String... codes) {
        long grid = Superuser.number("INSERT INTO scoring_grid (programme_id, grid_version, created_at)"
                + " VALUES (?, ?, now()) RETURNING id", programme, version);
        for (int i = 0; i < codes.length; i++) {
            Superuser.number("INSERT INTO scoring_criterion (grid_id, position, code, label_fr, label_en, weight,"
                    + " max_score) VALUES (?, ?, ?, ?, ?, 1.00, 5) RETURNING id", grid, i, codes[i],
                    "Critère " + codes[i], "Criterion " + codes[i]);
        }
        return grid;
    }

    /** A campaign of the programme on this grid, open from {@code opens} to {@code closes}. */
    public static long campaign(long programme, long grid, String code, Instant opens, Instant closes) {
        return Superuser.number("INSERT INTO campaign (programme_id, grid_id, code, title_fr, title_en, opens_at,"
                + " closes_at, created_at, updated_at) VALUES (?, ?, ?, 'Campagne d''essai', 'Test campaign', ?, ?,"
                + " now(), now()) RETURNING id", programme, grid, code, java.sql.Timestamp.from(opens),
                java.sql.Timestamp.from(closes));
    }
}
