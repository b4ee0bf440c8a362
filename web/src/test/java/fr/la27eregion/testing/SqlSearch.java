package fr.la27eregion.testing;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Records of every kind the intranet's search box finds (home.boundary.Search), each holding one made-up word of its
 * own written with accents ({@code Écluse<letters>}, found as {@code ecluse<letters>}), written straight into the
 * test database as the superuser: organisation A (a member, with a coordinator), organisation B (a member, with a
 * coordinator), organisation C (an applicant only); A's public project and its submitted application, a reviewer
 * assigned to it, A's label (on a network project of A, awarded through an application of A); B's draft project and
 * its draft application, B's network project and its submitted application; a jury campaign with an application of B
 * reviewed (its chair reads it) and one submitted (not yet the jury's).
 *
 * @param word the word every record holds, without its accents (as a reader would type it)
 */
public record SqlSearch(String word, long organisationA, long organisationB, long organisationC,
                        String coordinatorA, String coordinatorB, String reviewer,
                        long publicProjectA, long labelProjectA, long draftProjectB, long networkProjectB,
                        long applicationA, long labelApplicationA, long draftApplicationB, long applicationB,
                        long labelA, String certificateA, String juryChair, long juryCampaign,
                        long reviewedB, long submittedForJuryB) {

    /** Seeds the records of a new word. */
    public static SqlSearch seed() {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        String accented = "Écluse" + letters;
        String word = "ecluse" + letters;
        String nameA = "Région " + accented;
        String nameB = "Métropole " + accented;
        long a = organisation(nameA, "ACTIVE");
        long b = organisation(nameB, "ACTIVE");
        long c = organisation("Candidate " + accented, "APPLIED");
        String coordinatorA = account("coord-" + letters + "-a", "MEMBER_COORDINATOR", a);
        String coordinatorB = account("coord-" + letters + "-b", "MEMBER_COORDINATOR", b);

        long publicA = project(nameA, "PUBLIC", "Les écluses de " + accented + " ouvertes à tous");
        long draftB = project(nameB, "DRAFT", "Brouillon de " + accented);
        long networkB = project(nameB, "NETWORK", "Réseau de " + accented);

        SqlReviews.Campaign campaign = SqlReviews.campaign(1, false, false);
        long applicationA = application(campaign, publicA, a, "SUBMITTED");
        long draftApplicationB = application(campaign, draftB, b, "DRAFT");
        long applicationB = application(campaign, networkB, b, "SUBMITTED");
        SqlReviews.Reviewer reviewer = SqlReviews.reviewer(null);
        Superuser.update("INSERT INTO assessment (application_id, reviewer_account_id, state, due_on, assigned_at,"
                + " changed_at) VALUES (?, ?, 'ASSIGNED', current_date + 10, now(), now())", applicationA,
                reviewer.id());

        long label = SqlJury.label(nameA);
        long labelProject = Superuser.number("SELECT project_id FROM label WHERE id = ?", label);
        // renamed after the label was awarded: the application's and the label's words follow (V24's triggers)
        Superuser.update("UPDATE project SET title = ? WHERE id = ?", "Le label de " + accented, labelProject);
        long labelApplication = Superuser.number("SELECT application_id FROM label WHERE id = ?", label);

        SqlJury.Jury jury = SqlJury.jury(1);
        long reviewed = SqlJury.reviewed(jury, nameB, null, new int[] {4, 8});
        long submittedForJury = SqlReviews.submitted(jury.campaign(), nameB, List.of());
        Superuser.update("UPDATE project SET title = ? WHERE id IN (SELECT project_id FROM label_application"
                + " WHERE id IN (?, ?))", "Évalué à " + accented, reviewed, submittedForJury);
        String certificate = Superuser.column("SELECT certificate_number FROM label WHERE id = ?", label).get(0);
        return new SqlSearch(word, a, b, c, coordinatorA, coordinatorB, reviewer.username(), publicA, labelProject,
                draftB, networkB, applicationA, labelApplication, draftApplicationB, applicationB, label, certificate,
                jury.chair().username(), jury.campaignId(), reviewed, submittedForJury);
    }

    private static long organisation(String name, String membership) {
        String siret = String.format("9%013d", Math.floorMod(System.nanoTime(), 10_000_000_000_000L));
        long id = Superuser.number("INSERT INTO organisation (name, kind, siret, address) VALUES (?, 'ASSOCIATE', ?,"
                + " '1 quai des Écluses, Rennes') RETURNING id", name, siret);
        Superuser.update("INSERT INTO membership (organisation_id, category, state, period_start, period_end,"
                + " applied_at, changed_at) VALUES (?, 'ASSOCIATE', ?, CASE WHEN ? = 'ACTIVE' THEN current_date END,"
                + " CASE WHEN ? = 'ACTIVE' THEN current_date + 365 END, now(), now())", id, membership, membership,
                membership);
        return id;
    }

    private static String account(String username, String role, long organisation) {
        long id = Superuser.number("INSERT INTO account (username, display_name, email, password_hash,"
                + " organisation_id) SELECT ?, ?, ?, password_hash, ? FROM account WHERE username = 'reviewer'"
                + " RETURNING id", username, "Test " + username, username + "@test.invalid", organisation);
        Superuser.update("INSERT INTO account_role (account_id, role) VALUES (?, ?)", id, role);
        return username;
    }

    private static long project(String organisationName, String visibility, String title) {
        long id = SqlProjects.project(organisationName, visibility);
        Superuser.update("UPDATE project SET title = ? WHERE id = ?", title, id);
        return id;
    }

    private static long application(SqlReviews.Campaign campaign, long project, long organisation, String state) {
        return Superuser.number("INSERT INTO label_application (campaign_id, project_id, organisation_id, state,"
                + " created_at, updated_at, changed_at, submitted_at) VALUES (?, ?, ?, ?, now(), now(), now(),"
                + " CASE WHEN ? = 'DRAFT' THEN NULL ELSE now() END) RETURNING id", campaign.campaignId(), project,
                organisation, state, state);
    }
}
