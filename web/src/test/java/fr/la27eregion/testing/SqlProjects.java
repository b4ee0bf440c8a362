package fr.la27eregion.testing;

/**
 * Projects for the tests of what hangs on a project (attachments, the API), written straight into the test database
 * as the superuser ({@link Superuser}): each test makes its own, so none depends on another's leftovers.
 */
public final class SqlProjects {

    private SqlProjects() {
    }

    /** A new project led by the test organisation of this name, in this visibility ({@code DRAFT}...). */
    public static long project(String organisationName, String visibility) {
        long organisation = Superuser.number("SELECT id FROM organisation WHERE name = ?", organisationName);
        return Superuser.number("INSERT INTO project (title, slug, summary, lead_organisation_id, kind, stage,"
                + " visibility, created_at, updated_at, changed_at) VALUES (?, 'projet-d-essai', ?, ?, 'INNOVATION',"
                + " 'IDEA', ?, now(), now(), now()) RETURNING id", "Projet d'essai " + System.nanoTime(),
                "Un projet des tests.", organisation, visibility);
    }
}
