package fr.la27eregion.testing;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Awarded labels for the tests of the public register and verification, written straight into the test database
 * as the superuser ({@link Superuser}), as V17 wants them: a programme with a one-criterion grid, a campaign, and
 * for each label a project of the holder organisation, its {@code AWARDED} application and the label. Each test
 * makes its own programme, so its filters find only its labels.
 */
public final class RegisterLabels {

    /** A programme of the tests and a campaign of it (closed, or open now). */
    public record Programme(long id, String code, long campaignId) {
    }

    /** A label made here: its id, certificate number and verification code (the stored, grouped form). */
    public record MadeLabel(long id, String number, String code, long projectId) {
    }

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 10_000_000L);

    private RegisterLabels() {
    }

    /** A programme (names in French and English, levels, mentions) with its grid and a campaign, open or closed. */
    public static Programme programme(String nameFr, String nameEn, boolean openCampaign) {
        String code = "PUB" + Long.toString(System.nanoTime(), 36).toUpperCase();
        long programme = Superuser.number("INSERT INTO label_programme (code, name_fr, name_en, levels, mentions,"
                + " created_at, updated_at) VALUES (?, ?, ?, 3, '{\"Coup de cœur\"}', now(), now()) RETURNING id",
                code, nameFr, nameEn);
        long grid = Superuser.number("INSERT INTO scoring_grid (programme_id, grid_version, created_at)"
                + " VALUES (?, 1, now()) RETURNING id", programme);
        Superuser.update("INSERT INTO scoring_criterion (grid_id, position, code, label_fr, label_en, guidance_fr,"
                + " guidance_en, weight, max_score) VALUES (?, 0, 'usagers', 'Conception centrée sur les usagers',"
                + " 'User-centred design', 'Comment les usagers ont-ils été associés ?',"
                + " 'How were users involved?', 1, 5)", grid);
        Superuser.update("INSERT INTO scoring_criterion (grid_id, position, code, label_fr, label_en, weight,"
                + " max_score) VALUES (?, 1, 'donnees', 'Ouverture des données', 'Openness of data', 2, 10)", grid);
        String period = openCampaign ? "now() - interval '10 days', now() + interval '20 days'"
                : "now() - interval '400 days', now() - interval '300 days'";
        long campaign = Superuser.number("INSERT INTO campaign (programme_id, grid_id, code, title_fr, title_en,"
                + " opens_at, closes_at, jury_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, " + period
                + ", current_date + 60, now(), now()) RETURNING id", programme, grid, code + "-C",
                "Appel " + nameFr, "Call " + nameEn);
        return new Programme(programme, code, campaign);
    }

    /** A new associate organisation of this name, in the region of this territory code (null: none). */
    public static long organisation(String name, String territoryCode) {
        String siret = String.format("9%013d", Math.abs(RANDOM.nextLong()) % 10_000_000_000_000L);
        return Superuser.number("INSERT INTO organisation (name, kind, territory_id, siret) VALUES (?, 'ASSOCIATE',"
                + " (SELECT id FROM territory WHERE code = ?), ?) RETURNING id", name, territoryCode, siret);
    }

    /**
     * A label of the programme held by the organisation, for a new project of this title and visibility
     * ({@code PUBLIC}, {@code NETWORK}...), in this state, awarded on a day and valid until another.
     */
    public static MadeLabel label(Programme programme, long organisation, String title, String visibility,
                                  String state, LocalDate awardedOn, LocalDate validUntil, Integer level,
                                  List<String> mentions) {
        long project = Superuser.number("INSERT INTO project (title, slug, summary, lead_organisation_id, kind,"
                + " stage, visibility, created_at, updated_at, changed_at) VALUES (?, 'projet-labellise', ?, ?,"
                + " 'INNOVATION', 'DEPLOYED', ?, now(), now(), now()) RETURNING id", title,
                "Un projet labellisé des tests.", organisation, visibility);
        String mentionArray = "{" + String.join(",", mentions.stream().map(m -> "\"" + m + "\"").toList()) + "}";
        long application = Superuser.number("INSERT INTO label_application (campaign_id, project_id,"
                + " organisation_id, state, created_at, updated_at, changed_at, submitted_at, decided_at, level,"
                + " mentions, decision_motivation) VALUES (?, ?, ?, 'AWARDED', now(), now(), now(), now(), now(), ?,"
                + " ?::text[], 'Un projet exemplaire.') RETURNING id", programme.campaignId(), project, organisation,
                level, mentionArray);
        String number = "L27-" + awardedOn.getYear() + "-" + String.format("%08d", SERIAL.incrementAndGet());
        String code = newCode();
        long label = Superuser.number("INSERT INTO label (application_id, programme_id, project_id, organisation_id,"
                + " certificate_number, verification_code, level, mentions, awarded_on, valid_until, state,"
                + " changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, now()) RETURNING id", application,
                programme.id(), project, organisation, number, code, level, mentionArray, awardedOn, validUntil,
                state);
        return new MadeLabel(label, number, code, project);
    }

    /** Notes that {@code renewal} renewed {@code old} (the old one's state is the caller's). */
    public static void renewedBy(MadeLabel old, MadeLabel renewal) {
        Superuser.update("UPDATE label SET renewed_by_label_id = ? WHERE id = ?", renewal.id(), old.id());
    }

    /** A verification code as the platform makes them: 24 symbols of Crockford's base32 in groups of four. */
    public static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
