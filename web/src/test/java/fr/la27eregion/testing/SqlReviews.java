package fr.la27eregion.testing;

import java.util.List;

/**
 * What the review's tests need, written straight into the test database as the superuser ({@link Superuser}), as
 * {@link SqlProjects} does for projects: a programme with a two-criterion grid and an open campaign, submitted
 * applications, reviewer accounts of a chosen organisation (their password is the test accounts', copied from the
 * {@code reviewer} account's hash). Each test makes its own, so none depends on another's leftovers.
 */
public final class SqlReviews {

    /** The grid of every campaign made here: a criterion of weight 1 scored out of 5, one of weight 2 out of 10. */
    public record Campaign(long programmeId, long campaignId, long firstCriterion, long secondCriterion) {
    }

    /** A reviewer account: its id and its username. */
    public record Reviewer(long id, String username) {
    }

    private SqlReviews() {
    }

    /** A programme asking for {@code reviewers} reviewers per application, its grid, and an open campaign. */
    public static Campaign campaign(int reviewers, boolean blind, boolean scoresOpenAfterSubmit) {
        String code = "REV" + Long.toString(System.nanoTime(), 36).toUpperCase();
        long programme = Superuser.number("INSERT INTO label_programme (code, name_fr, name_en,"
                + " reviewers_per_application, blind, scores_open_after_submit, created_at, updated_at)"
                + " VALUES (?, 'Programme d''essai', 'Test programme', ?, ?, ?, now(), now()) RETURNING id", code,
                reviewers, blind, scoresOpenAfterSubmit);
        long grid = Superuser.number("INSERT INTO scoring_grid (programme_id, grid_version, created_at)"
                + " VALUES (?, 1, now()) RETURNING id", programme);
        long first = criterion(grid, 0, "usagers", "1.00", 5);
        long second = criterion(grid, 1, "cooperation", "2.00", 10);
        long campaign = Superuser.number("INSERT INTO campaign (programme_id, grid_id, code, title_fr, title_en,"
                + " opens_at, closes_at, created_at, updated_at) VALUES (?, ?, ?, 'Campagne d''essai',"
                + " 'Test campaign', now() - interval '30 days', now() + interval '30 days', now(), now())"
                + " RETURNING id", programme, grid, code + "-C");
        return new Campaign(programme, campaign, first, second);
    }

    private static long criterion(long grid, int position, String code, String weight, int max) {
        return Superuser.number("INSERT INTO scoring_criterion (grid_id, position, code, label_fr, label_en, weight,"
                + " max_score) VALUES (?, ?, ?, ?, ?, ?::numeric, ?) RETURNING id", grid, position, code,
                "Critère " + code, "Criterion " + code, weight, max);
    }

    /**
     * A submitted application of a new project led by the test organisation of this name, with these member
     * partners, answered on both criteria.
     */
    public static long submitted(Campaign campaign, String applicant, List<String> partners) {
        long project = SqlProjects.project(applicant, "NETWORK");
        for (String partner : partners) {
            Superuser.update("INSERT INTO project_partner (project_id, organisation_id) VALUES (?, ?)", project,
                    organisation(partner));
        }
        long application = Superuser.number("INSERT INTO label_application (campaign_id, project_id, organisation_id,"
                + " state, created_at, updated_at, changed_at, submitted_at) VALUES (?, ?, ?, 'SUBMITTED', now(),"
                + " now(), now(), now()) RETURNING id", campaign.campaignId(), project, organisation(applicant));
        for (long criterion : List.of(campaign.firstCriterion(), campaign.secondCriterion())) {
            Superuser.update("INSERT INTO application_answer (application_id, criterion_id, answer) VALUES (?, ?, ?)",
                    application, criterion, "Notre réponse au critère " + criterion + ".");
        }
        return application;
    }

    /** A new enabled reviewer account of this test organisation (null: of none). */
    public static Reviewer reviewer(String organisationName) {
        String username = "rev-" + Long.toString(System.nanoTime(), 36);
        Long organisation = organisationName == null ? null : organisation(organisationName);
        long id = Superuser.number("INSERT INTO account (username, display_name, email, password_hash,"
                + " organisation_id) SELECT ?, ?, ?, password_hash, ? FROM account WHERE username = 'reviewer'"
                + " RETURNING id", username, "Évaluatrice " + username, username + "@test.invalid", organisation);
        Superuser.update("INSERT INTO account_role (account_id, role) VALUES (?, 'REVIEWER')", id);
        return new Reviewer(id, username);
    }

    /** The id of the test organisation of this name. */
    public static long organisation(String name) {
        return Superuser.number("SELECT id FROM organisation WHERE name = ?", name);
    }
}
