package fr.la27eregion.testing;

import java.util.List;

/**
 * One item of each kind of waiting work (home.boundary.WaitingWork) for a new organisation of its own, written
 * straight into the test database as the superuser ({@link Superuser}), with its own coordinator, contributor,
 * reviewer and jury chair (the test accounts' password). Dates the secretariat's lists order by are set in 2000-2001,
 * so the seeded items come first whatever other tests left on the shared server.
 *
 * @param organisationId      the new organisation
 * @param organisationName    its name
 * @param coordinator         its coordinator's username
 * @param contributor         its contributor's username
 * @param reviewer            a reviewer (of no organisation) with one open assignment, overdue
 * @param juryChair           the chair of a jury campaign with one reviewed application of the organisation
 * @param toDecide            a membership of another new organisation, applied, for the secretariat to review
 * @param membership          the organisation's membership: active, its period ended on 2001-01-01 (to renew)
 * @param campaignId          the open campaign of its applications, closing in two days
 * @param submitted           an application submitted without reviewers, with an applicant's message unanswered
 * @param missingReviewers    submitted, one reviewer of two assigned (overdue)
 * @param recused             in review, one reviewer recused and not replaced
 * @param changesRequested    changes requested, the secretariat's message last
 * @param draft               a draft
 * @param juryCampaignId      the campaign chaired by {@code juryChair}, ready for decision
 * @param labelId             an active label of the organisation valid for twenty more days
 * @param failedMailRecipient the recipient of a mail that failed for good
 * @param projects            every project the organisation leads
 */
public record SqlWaitingWork(long organisationId, String organisationName, String coordinator, String contributor,
                             String reviewer, String juryChair, long toDecide, long membership, long campaignId,
                             long submitted, long missingReviewers, long recused, long changesRequested, long draft,
                             long juryCampaignId, long labelId, String failedMailRecipient, List<Long> projects) {

    /** Seeds a new organisation and one item of each kind for it. */
    public static SqlWaitingWork seed(String prefix) {
        String unique = prefix + Long.toString(System.nanoTime(), 36);
        String name = "Organisation " + unique;
        long organisation = organisation(name);
        String coordinator = account("coord-" + unique, "MEMBER_COORDINATOR", organisation);
        String contributor = account("contrib-" + unique, "CONTRIBUTOR", organisation);
        long toDecide = Superuser.number("INSERT INTO membership (organisation_id, category, state, applied_at,"
                + " changed_at) VALUES (?, 'ASSOCIATE', 'APPLIED', timestamp '2000-01-01', timestamp '2000-01-01')"
                + " RETURNING id", organisation("Candidate " + unique));
        long membership = Superuser.number("INSERT INTO membership (organisation_id, category, state, period_start,"
                + " period_end, applied_at, changed_at) VALUES (?, 'ASSOCIATE', 'ACTIVE', date '2000-01-02',"
                + " date '2001-01-01', now(), now()) RETURNING id", organisation);

        SqlReviews.Campaign campaign = SqlReviews.campaign(2, false, false);
        Superuser.update("UPDATE campaign SET closes_at = now() + interval '2 days' WHERE id = ?",
                campaign.campaignId());
        long submitted = SqlReviews.submitted(campaign, name, List.of());
        long missing = SqlReviews.submitted(campaign, name, List.of());
        long recused = SqlReviews.submitted(campaign, name, List.of());
        long changes = SqlReviews.submitted(campaign, name, List.of());
        long draft = SqlReviews.submitted(campaign, name, List.of());
        Superuser.update("UPDATE label_application SET submitted_at = timestamp '2000-01-03', changed_at ="
                + " timestamp '2000-01-03' WHERE id IN (?, ?, ?)", submitted, missing, recused);
        Superuser.update("UPDATE label_application SET state = 'IN_REVIEW' WHERE id = ?", recused);
        Superuser.update("UPDATE label_application SET state = 'CHANGES_REQUESTED' WHERE id = ?", changes);
        Superuser.update("UPDATE label_application SET state = 'DRAFT', submitted_at = NULL WHERE id = ?", draft);

        SqlReviews.Reviewer reviewer = SqlReviews.reviewer(null);
        assessment(missing, reviewer.id(), "ASSIGNED");
        assessment(recused, SqlReviews.reviewer(null).id(), "RECUSED");
        assessment(recused, SqlReviews.reviewer(null).id(), "SUBMITTED");
        long secretariat = Superuser.number("SELECT id FROM account WHERE username = ?", TestAccounts.of(
                fr.la27eregion.identity.entity.Role.NETWORK_ADMIN));
        long applicant = Superuser.number("SELECT id FROM account WHERE username = ?", coordinator);
        message(submitted, applicant, "APPLICANT");
        message(changes, applicant, "APPLICANT");
        message(changes, secretariat, "SECRETARIAT");

        SqlJury.Jury jury = SqlJury.jury(1);
        SqlJury.reviewed(jury, name, null, new int[] {4, 8});
        long label = SqlJury.label(name);
        Superuser.update("UPDATE label SET valid_until = current_date + 20 WHERE id = ?", label);

        String recipient = "failed-" + unique + "@test.invalid";
        Superuser.update("INSERT INTO outgoing_mail (recipient, subject, body, created_at, attempts,"
                + " next_attempt_at, last_error) VALUES (?, 'Essai', 'Essai', timestamp '2000-01-04', 12,"
                + " now() + interval '10 years', 'refused')", recipient);
        List<Long> projects = Superuser.column("SELECT id::text FROM project WHERE lead_organisation_id = ?",
                organisation).stream().map(Long::valueOf).toList();
        return new SqlWaitingWork(organisation, name, coordinator, contributor, reviewer.username(),
                jury.chair().username(), toDecide, membership, campaign.campaignId(), submitted, missing, recused,
                changes, draft, jury.campaign().campaignId(), label, recipient, projects);
    }

    private static long organisation(String name) {
        String siret = String.format("9%013d", Math.floorMod(System.nanoTime(), 10_000_000_000_000L));
        return Superuser.number("INSERT INTO organisation (name, kind, siret) VALUES (?, 'ASSOCIATE', ?)"
                + " RETURNING id", name, siret);
    }

    /** A new account of this one role for the organisation, with the test accounts' password; its username. */
    public static String account(String username, String role, long organisation) {
        long id = Superuser.number("INSERT INTO account (username, display_name, email, password_hash,"
                + " organisation_id) SELECT ?, ?, ?, password_hash, ? FROM account WHERE username = 'reviewer'"
                + " RETURNING id", username, "Test " + username, username + "@test.invalid", organisation);
        Superuser.update("INSERT INTO account_role (account_id, role) VALUES (?, ?)", id, role);
        return username;
    }

    private static void assessment(long application, long reviewer, String state) {
        Superuser.update("INSERT INTO assessment (application_id, reviewer_account_id, state, due_on, assigned_at,"
                + " changed_at, conflict_declared, conflict_reason) VALUES (?, ?, ?, date '2001-01-05', now(), now(),"
                + " ?, ?)", application, reviewer, state, "RECUSED".equals(state),
                "RECUSED".equals(state) ? "Je conseille ce projet." : null);
    }

    private static void message(long application, long author, String side) {
        Superuser.update("INSERT INTO application_message (application_id, author_account_id, author_side, body,"
                + " sent_at) VALUES (?, ?, ?, 'Un message.', timestamp '2000-01-05' + (SELECT count(*)"
                + " FROM application_message WHERE application_id = ?) * interval '1 hour')", application, author,
                side, application);
    }
}
