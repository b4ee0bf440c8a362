package fr.la27eregion.label.control;

import fr.la27eregion.label.entity.ApplicationState;
import jakarta.persistence.TypedQuery;

import java.util.Optional;
import java.util.Set;

/**
 * Which label applications a caller reads, as a predicate of queries, so an application out of scope is never
 * read at all and answers as an unknown one does (404): the secretariat and auditors read every application; the
 * people of an applicant organisation (coordinators, contributors) read their organisation's; a campaign's jury
 * chair reads its applications once reviewed or decided (the ones its ranking lists); nobody else reads any
 * (reviewers' assignments come with the review). Labels are read by the organisation part alone
 * ({@link #whereOwned}): the chair's part is the applications'.
 *
 * <p>Built for the caller of the request by {@link ApplicationScopes}; JPQL queries append {@link #where} and
 * {@link #bind} (applications), or {@link #whereOwned} and {@link #bindOwned} (labels).
 */
public final class ApplicationScope {

    /** The states in which the campaign's jury chair reads an application: those of its ranking. */
    public static final Set<ApplicationState> FOR_THE_JURY = Set.of(ApplicationState.REVIEWED,
            ApplicationState.AWARDED, ApplicationState.REJECTED);

    static final String OWN = "scopeOwn";
    static final String ALL = "scopeAll";
    static final String CHAIR = "scopeChair";
    static final String JURY_STATES = "scopeJuryStates";

    /** Identity keys start at 1: no organisation nor account has this id. */
    private static final long NOBODY = -1L;

    private static final ApplicationScope EVERYTHING = new ApplicationScope(true, NOBODY, NOBODY);
    private static final ApplicationScope NOTHING = new ApplicationScope(false, NOBODY, NOBODY);

    private final boolean everything;
    private final long own;
    private final long chair;

    private ApplicationScope(boolean everything, long own, long chair) {
        this.everything = everything;
        this.own = own;
        this.chair = chair;
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
        return new ApplicationScope(false, organisation, NOBODY);
    }

    /**
     * The applications of an organisation (null: none) and those of the campaigns an account chairs the jury of
     * (null: none), once reviewed or decided.
     */
    public static ApplicationScope of(Long organisation, Long juryChair) {
        if (organisation == null && juryChair == null) {
            return NOTHING;
        }
        return new ApplicationScope(false, organisation == null ? NOBODY : organisation,
                juryChair == null ? NOBODY : juryChair);
    }

    /** Whether every application is in scope. */
    public boolean seesEverything() {
        return everything;
    }

    /** The organisation whose applications are in scope, if one. */
    public Optional<Long> ownOrganisation() {
        return own == NOBODY ? Optional.empty() : Optional.of(own);
    }

    /** The account whose chaired campaigns' reviewed and decided applications are in scope, if one. */
    public Optional<Long> juryChair() {
        return chair == NOBODY ? Optional.empty() : Optional.of(chair);
    }

    /** The predicate over the application alias, beginning with {@code AND}. */
    public String where(String alias) {
        return " AND (:" + ALL + " = TRUE OR " + alias + ".organisation.id = :" + OWN + " OR (" + alias
                + ".campaign.juryChairAccountId = :" + CHAIR + " AND " + alias + ".state IN :" + JURY_STATES + "))";
    }

    /** Binds the parameters of {@link #where}. */
    public <T> TypedQuery<T> bind(TypedQuery<T> query) {
        return bindOwned(query).setParameter(CHAIR, chair).setParameter(JURY_STATES, FOR_THE_JURY);
    }

    /** The organisation part alone, over an alias with an {@code organisation} (a label), from {@code AND}. */
    public String whereOwned(String alias) {
        return " AND (:" + ALL + " = TRUE OR " + alias + ".organisation.id = :" + OWN + ")";
    }

    /**
     * {@link #where} for native SQL over {@code label_application} as {@code alias} (the search box): {@code TRUE} for
     * every application, {@code FALSE} for none, otherwise a parenthesised condition. Its values are the scope's own
     * numbers and states, inlined, never a caller's text.
     */
    public String sql(String alias) {
        if (everything) {
            return "TRUE";
        }
        if (own == NOBODY && chair == NOBODY) {
            return "FALSE";
        }
        StringBuilder predicate = new StringBuilder("(").append(alias).append(".organisation_id = ").append(own);
        if (chair != NOBODY) {
            predicate.append(" OR (").append(alias).append(".state IN (")
                    .append(FOR_THE_JURY.stream().map(state -> "'" + state.name() + "'").sorted()
                            .collect(java.util.stream.Collectors.joining(", ")))
                    .append(") AND EXISTS (SELECT 1 FROM campaign jc WHERE jc.id = ").append(alias)
                    .append(".campaign_id AND jc.jury_chair_account_id = ").append(chair).append("))");
        }
        return predicate.append(')').toString();
    }

    /** {@link #whereOwned} for native SQL over a table with an {@code organisation_id} (a label) as {@code alias}. */
    public String sqlOwned(String alias) {
        return everything ? "TRUE" : "(" + alias + ".organisation_id = " + own + ")";
    }

    /** Binds the parameters of {@link #whereOwned}. */
    public <T> TypedQuery<T> bindOwned(TypedQuery<T> query) {
        return query.setParameter(ALL, everything).setParameter(OWN, own);
    }
}
