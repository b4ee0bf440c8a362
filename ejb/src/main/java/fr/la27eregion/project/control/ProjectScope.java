package fr.la27eregion.project.control;

import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectVisibility;
import jakarta.persistence.TypedQuery;

import java.util.Optional;

/**
 * Which projects a caller sees and which they change (DESIGN §2 and §3), as predicates of queries, so the rows a
 * caller may not see are never read (a draft of organisation A never reaches B, not even by id):
 * <ul>
 *     <li>everyone sees {@code PUBLIC} projects;</li>
 *     <li>signed-in people of a member organisation of the network also see {@code NETWORK} projects;</li>
 *     <li>the people of the lead organisation (coordinators, contributors) also see its drafts;</li>
 *     <li>the secretariat and auditors see every project.</li>
 * </ul>
 * The secretariat changes every project; coordinators and contributors change their own organisation's projects
 * (the workflow's table then says which steps each may take).
 *
 * <p>Built for the caller of the request by {@link ProjectScopes}; JPQL queries append {@link #where} and
 * {@link #bind}, native SQL (search) appends {@link #sql}, whose values are the scope's own numbers, never a
 * caller's text.
 */
public final class ProjectScope {

    /** The JPQL parameters the predicate uses. */
    static final String OWN = "scopeOwn";
    static final String NETWORK = "scopeNetwork";

    /** Identity keys start at 1: no organisation has this id. */
    private static final long NO_ORGANISATION = -1L;

    private static final ProjectScope EVERYTHING = new ProjectScope(true, true, NO_ORGANISATION, true);
    private static final ProjectScope PUBLIC_ONLY = new ProjectScope(false, false, NO_ORGANISATION, false);

    private final boolean everything;
    private final boolean network;
    private final long own;
    private final boolean editsEverything;

    private ProjectScope(boolean everything, boolean network, long own, boolean editsEverything) {
        this.everything = everything;
        this.network = network;
        this.own = own;
        this.editsEverything = editsEverything;
    }

    /** The secretariat's scope: sees and changes every project. */
    public static ProjectScope secretariat() {
        return EVERYTHING;
    }

    /** An auditor's scope: sees every project, changes none. */
    public static ProjectScope auditor() {
        return new ProjectScope(true, true, NO_ORGANISATION, false);
    }

    /** Anonymous visitors, and signed-in people of no member organisation: public projects only. */
    public static ProjectScope publicOnly() {
        return PUBLIC_ONLY;
    }

    /**
     * A signed-in person: public projects, network projects when their organisation is a member of the network,
     * and the projects (drafts too) their organisation leads when they work on its projects.
     *
     * @param organisation the organisation whose projects they read and change (a coordinator's or a contributor's)
     * @param member       whether their organisation is a member of the network
     */
    public static ProjectScope of(Optional<Long> organisation, boolean member) {
        return new ProjectScope(false, member, organisation.orElse(NO_ORGANISATION), false);
    }

    /** Whether every project is in scope (secretariat, auditor). */
    public boolean seesEverything() {
        return everything;
    }

    /** Whether {@code NETWORK} projects are in scope. */
    public boolean seesNetwork() {
        return network;
    }

    /** The organisation whose drafts are in scope, if any. */
    public Optional<Long> ownOrganisation() {
        return own == NO_ORGANISATION ? Optional.empty() : Optional.of(own);
    }

    /** Whether the caller sees this project. */
    public boolean sees(Project project) {
        return sees(project.visibility(), project.leadOrganisation().id());
    }

    /** Whether the caller sees a project of this visibility led by this organisation. */
    public boolean sees(ProjectVisibility visibility, long leadOrganisation) {
        return everything || visibility == ProjectVisibility.PUBLIC
                || network && visibility == ProjectVisibility.NETWORK
                || own == leadOrganisation;
    }

    /** Whether the caller changes this project's content (the workflow's table decides its steps). */
    public boolean edits(Project project) {
        return editsEverything || own != NO_ORGANISATION && own == project.leadOrganisation().id();
    }

    /**
     * The predicate to append to a JPQL {@code WHERE} clause that already has a condition: empty for every
     * project, otherwise {@code AND (<alias>.visibility = PUBLIC OR ...)}.
     *
     * @param alias the project in the query ({@code p})
     */
    public String where(String alias) {
        if (everything) {
            return "";
        }
        return " AND (" + alias + ".visibility = fr.la27eregion.project.entity.ProjectVisibility.PUBLIC"
                + " OR (:" + NETWORK + " = TRUE AND " + alias
                + ".visibility = fr.la27eregion.project.entity.ProjectVisibility.NETWORK)"
                + " OR " + alias + ".leadOrganisation.id = :" + OWN + ")";
    }

    /** Sets the predicate's parameters on a query built with {@link #where(String)}. */
    public <T> TypedQuery<T> bind(TypedQuery<T> query) {
        return everything ? query : query.setParameter(NETWORK, network).setParameter(OWN, own);
    }

    /**
     * The same predicate for native SQL, over the {@code project} table as {@code alias}: {@code TRUE} for every
     * project, otherwise a parenthesised condition. Its values are the scope's (a boolean and an id), inlined.
     */
    public String sql(String alias) {
        if (everything) {
            return "TRUE";
        }
        StringBuilder predicate = new StringBuilder("(").append(alias).append(".visibility = 'PUBLIC'");
        if (network) {
            predicate.append(" OR ").append(alias).append(".visibility = 'NETWORK'");
        }
        if (own != NO_ORGANISATION) {
            predicate.append(" OR ").append(alias).append(".lead_organisation_id = ").append(own);
        }
        return predicate.append(')').toString();
    }
}
