package fr.la27eregion.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * What the jury's tests need, written straight into the test database as the superuser ({@link Superuser}), on top of
 * {@link SqlReviews}: a campaign whose programme grants levels 1 to 3 and two mentions, with decision templates and
 * a new jury chair account; applications already reviewed, each with its submitted assessments (scores per
 * criterion, the totals as the server computes them); a label an earlier campaign awarded, for renewals. Each test
 * makes its own.
 */
public final class SqlJury {

    /** The mentions of every programme made here. */
    public static final List<String> MENTIONS = List.of("Coopération exemplaire", "Données ouvertes");

    /** A campaign of {@link SqlReviews#campaign}, its chair (a new JURY account) and its programme's templates. */
    public record Jury(SqlReviews.Campaign campaign, SqlReviews.Reviewer chair, long awardTemplate,
                       long rejectTemplate) {

        public long campaignId() {
            return campaign.campaignId();
        }
    }

    private SqlJury() {
    }

    /** A campaign asking for {@code reviewers} per application, chaired by a new jury account. */
    public static Jury jury(int reviewers) {
        SqlReviews.Campaign campaign = SqlReviews.campaign(reviewers, false, false);
        Superuser.update("UPDATE label_programme SET levels = 3, mentions = ?::text[], validity_months = 24"
                + " WHERE id = ?", "{\"" + String.join("\",\"", MENTIONS) + "\"}", campaign.programmeId());
        SqlReviews.Reviewer chair = account("jury-", "JURY", "Présidente ");
        Superuser.update("UPDATE campaign SET jury_chair_account_id = ?, jury_on = current_date WHERE id = ?",
                chair.id(), campaign.campaignId());
        long award = Superuser.number("INSERT INTO decision_template (programme_id, kind, title, text_fr, text_en)"
                + " VALUES (?, 'AWARD', 'Projet exemplaire', 'Le jury salue un projet exemplaire.',"
                + " 'The jury praises an exemplary project.') RETURNING id", campaign.programmeId());
        long reject = Superuser.number("INSERT INTO decision_template (programme_id, kind, title, text_fr, text_en)"
                + " VALUES (?, 'REJECT', 'Évaluation insuffisante', 'L''évaluation d''impact manque.',"
                + " 'The impact evaluation is missing.') RETURNING id", campaign.programmeId());
        return new Jury(campaign, chair, award, reject);
    }

    /** A new enabled account holding one role, with the test accounts' password. */
    public static SqlReviews.Reviewer account(String prefix, String role, String displayPrefix) {
        String username = prefix + Long.toString(System.nanoTime(), 36);
        long id = Superuser.number("INSERT INTO account (username, display_name, email, password_hash)"
                + " SELECT ?, ?, ?, password_hash FROM account WHERE username = 'reviewer' RETURNING id", username,
                displayPrefix + username, username + "@test.invalid");
        Superuser.update("INSERT INTO account_role (account_id, role) VALUES (?, ?)", id, role);
        return new SqlReviews.Reviewer(id, username);
    }

    /**
     * A reviewed application of a new project of this test organisation: one submitted assessment per pair of
     * scores (first criterion out of 5 with weight 1, second out of 10 with weight 2), its total the mean of theirs.
     *
     * @param renewalOf the label it renews, or null
     */
    public static long reviewed(Jury jury, String applicant, Long renewalOf, int[]... scores) {
        long application = SqlReviews.submitted(jury.campaign(), applicant, List.of());
        List<Double> totals = new ArrayList<>();
        for (int[] pair : scores) {
            SqlReviews.Reviewer reviewer = SqlReviews.reviewer(null);
            double total = Math.round((pair[0] + 2.0 * pair[1]) / 25.0 * 100 * 100) / 100.0;
            totals.add(total);
            long assessment = Superuser.number("INSERT INTO assessment (application_id, reviewer_account_id, state,"
                    + " due_on, comments, weighted_total, assigned_at, changed_at, submitted_at)"
                    + " VALUES (?, ?, 'SUBMITTED', current_date, ?, ?::numeric, now(), now(), now()) RETURNING id",
                    application, reviewer.id(), "Avis de " + reviewer.username(), String.valueOf(total));
            Superuser.update("INSERT INTO assessment_score (assessment_id, criterion_id, score) VALUES (?, ?, ?),"
                    + " (?, ?, ?)", assessment, jury.campaign().firstCriterion(), pair[0], assessment,
                    jury.campaign().secondCriterion(), pair[1]);
        }
        double mean = totals.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Superuser.update("UPDATE label_application SET state = 'REVIEWED', reviewed_at = now(),"
                        + " weighted_total = round(?::numeric, 2), renewal_of_label_id = ? WHERE id = ?",
                String.valueOf(mean), renewalOf, application);
        return application;
    }

    /** An active label of an application of another campaign (decided in SQL), awarded a year ago. */
    public static long label(String holder) {
        Jury earlier = jury(1);
        long application = reviewed(earlier, holder, null, new int[] {4, 8});
        Superuser.update("UPDATE label_application SET state = 'AWARDED', decided_at = now() - interval '1 year',"
                + " level = 1, decision_motivation = 'Décidé en SQL.' WHERE id = ?", application);
        String code = Long.toString(System.nanoTime(), 32).toUpperCase();
        return Superuser.number("INSERT INTO label (application_id, programme_id, project_id, organisation_id,"
                        + " certificate_number, verification_code, level, awarded_on, valid_until, state, changed_at)"
                        + " SELECT a.id, c.programme_id, a.project_id, a.organisation_id, ?, ?, 1,"
                        + " current_date - 365, current_date + 365, 'ACTIVE', now() FROM label_application a"
                        + " JOIN campaign c ON c.id = a.campaign_id WHERE a.id = ? RETURNING id",
                String.format("L27-1999-%06d", Math.floorMod(System.nanoTime(), 1_000_000)), "SQL-" + code, application);
    }

    /** The application's version as stored. */
    public static int version(long application) {
        return (int) Superuser.number("SELECT version FROM label_application WHERE id = ?", application);
    }
}
