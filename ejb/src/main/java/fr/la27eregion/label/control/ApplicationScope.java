package fr.la27eregion.label.control;

import jakarta.persistence.TypedQuery;

import java.util.Optional;

/**
 * Which label applications a caller reads, as a predicate of queries, so an application out of scope is never
 * read at all and answers as an unknown one does (404): the secretariat and auditors read every application; the
 * people of an applicant organisation (coordinators, contributors) read their organisation's; nobody else reads
 * any (reviewers' assignments and the jury's campaigns come with the review and the jury).
 *
 * <p>Built for the caller of the request by {@link ApplicationScopes}; JPQL queries append {@link #where} and
 * {@link #bind}.
 */
public final class ApplicationScope {

    static final String OWN = "scopeOwn";
    static final String ALL = "scopeAll";

    /** Identity keys start at 1: no organisation has this id. */
    private static final long NO_ORGANISATION = -1L;

    private static final ApplicationScope EVERYTHING = new ApplicationScope(true, NO_ORGANISATION);
    private static final ApplicationScope NOTHING = new ApplicationScope(false, NO_ORGANISATION);

    private final boolean everything;
    private final long own;

    private ApplicationScope(boolean everything, long own) {
        this.everything = everything;
        this.own = own;
    }

    /** The secretariat's and auditors' scope: every application. */
    public static ApplicationScope everything() {
        return EVERYTHING;
    }

    /** No application (anonymous callers, accounts of no applicant organisation). */
    public static ApplicationScope nothing() {
        return NOTHING;
    }

    /** The applications of one organisation, for its coordinators and contributors. */
    public static ApplicationScope ofOrganisation(long organisation) {
        return new ApplicationScope(false, organisation);
    }

    /** Whether every application is in scope. */
    public boolean seesEverything() {
        return everything;
    }

    /** The organisation whose applications are in scope, if one. */
    public Optional<Long> ownOrganisation() {
        return own == NO_ORGANISATION ? Optional.empty() : Optional.of(own);
    }

    /** The predicate over the application alias, beginning with {@code AND}. */
    public String where(String alias) {
        return " AND (:" + ALL + " = TRUE OR " + alias + ".organisation.id = :" + OWN + ")";
    }

    /** Binds the predicate's parameters. */
    public <T> TypedQuery<T> bind(TypedQuery<T> query) {
        return query.setParameter(ALL, everything).setParameter(OWN, own);
    }
}
