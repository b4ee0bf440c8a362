package fr.la27eregion.identity.control;

import jakarta.persistence.TypedQuery;

import java.util.Optional;

/**
 * Which organisations' non-public records a caller reaches, as a predicate of a query (DESIGN §4: scoping is part
 * of the query, nothing is loaded and then filtered): every organisation, or one. A boundary appends
 * {@link #where(String)} to its JPQL and {@link #bind} sets the parameter, so the rows the caller may not see are
 * never read. A caller who reaches no organisation is scoped to an id no organisation has.
 *
 * <p>Later scopes (a project's visibility, an assigned reviewer, the jury of a campaign) are further predicates
 * of the same kind.
 */
public final class OrganisationScope {

    /** The query parameter the predicate uses. */
    public static final String PARAMETER = "scopeOrganisation";

    private static final OrganisationScope ALL = new OrganisationScope(null);
    /** Identity keys start at 1: no organisation has this id. */
    private static final long NO_ORGANISATION = -1L;

    private final Long only;

    private OrganisationScope(Long only) {
        this.only = only;
    }

    /** The secretariat's and auditors' scope. */
    public static OrganisationScope all() {
        return ALL;
    }

    /** One organisation's records, or none when the caller acts for none. */
    public static OrganisationScope only(Optional<Long> organisation) {
        return new OrganisationScope(organisation.orElse(NO_ORGANISATION));
    }

    /** Whether every organisation is in scope. */
    public boolean isAll() {
        return only == null;
    }

    /** Whether this organisation's records are in scope (for a key the caller gives, compared without a query). */
    public boolean includes(long organisationId) {
        return only == null || only == organisationId;
    }

    /**
     * The predicate to append to a JPQL {@code WHERE} clause that already has a condition: empty for every
     * organisation, {@code AND <path> = :scopeOrganisation} otherwise.
     *
     * @param path the organisation's id in the query ({@code m.organisation.id})
     */
    public String where(String path) {
        return only == null ? "" : " AND " + path + " = :" + PARAMETER;
    }

    /** Sets the predicate's parameter on a query built with {@link #where(String)}. */
    public <T> TypedQuery<T> bind(TypedQuery<T> query) {
        return only == null ? query : query.setParameter(PARAMETER, only);
    }
}
