package fr.la27eregion.label.boundary;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.label.entity.CriterionDetails;
import fr.la27eregion.label.entity.DecisionKind;
import fr.la27eregion.label.entity.DecisionTemplate;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.label.entity.ProgrammeDetails;
import fr.la27eregion.label.entity.ScoringCriterion;
import fr.la27eregion.label.entity.ScoringGrid;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Label programmes and their scoring grids, run by the secretariat: a programme is created with its first grid;
 * revising its settings changes the programme; revising its criteria writes the grid's next version and never
 * touches an earlier one, so a campaign keeps scoring against the version it froze. Decision templates are added
 * per programme. Everyone reads programmes and grids (the public side lists open campaigns); templates are read by
 * the secretariat, the jury and auditors. Every change is version-checked on the programme and journaled last.
 */
@Stateless
public class Programmes {

    public static final String CREATE = "label-programme.create";
    public static final String UPDATE = "label-programme.update";
    public static final String GRID = "label-programme.grid";
    public static final String TEMPLATE = "label-programme.template";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Journal journal;

    @Inject
    private Clock clock;

    /**
     * Creates a programme with the first version of its grid.
     *
     * @throws RuleViolation naming the field: a wrong detail or criterion, or a code already taken
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public LabelProgramme create(ProgrammeDetails details, List<CriterionDetails> criteria) {
        if (details == null) {
            throw new RuleViolation("code", "label.field.required", "A programme's details are required.");
        }
        details.check();
        CriterionDetails.checkAll(criteria);
        if (byCode(details.getCode().strip()).isPresent()) {
            throw new RuleViolation("code", "label.field.codeTaken", "The code " + details.getCode().strip()
                    + " is taken.", details.getCode().strip());
        }
        Instant now = clock.instant();
        LabelProgramme programme = LabelProgramme.create(details, now);
        em.persist(programme);
        ScoringGrid grid = ScoringGrid.next(programme, null, criteria, now);
        em.persist(grid);
        em.flush();
        journal.append(Subject.of(LabelProgramme.JOURNAL_TYPE, programme.id()), CREATE,
                LabelProgramme.JOURNAL_TYPE, String.valueOf(programme.id()), null, null, null, describe(programme, grid));
        return programme;
    }

    /**
     * Revises a programme's settings (not its code), as seen at {@code versionSeen}.
     *
     * @throws RecordNotFound no such programme
     * @throws StaleRecord    it changed since the caller saw it
     * @throws RuleViolation  naming the field
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public LabelProgramme revise(long id, int versionSeen, ProgrammeDetails details) {
        LabelProgramme programme = find(id);
        fresh(programme, versionSeen);
        if (details == null) {
            throw new RuleViolation("code", "label.field.required", "A programme's details are required.");
        }
        details.setCode(programme.code());
        programme.revise(details.check(), clock.instant());
        em.flush();
        journal.append(Subject.of(LabelProgramme.JOURNAL_TYPE, id), UPDATE,
                LabelProgramme.JOURNAL_TYPE, String.valueOf(id), null, null, null, describe(programme, latestGrid(id)));
        return programme;
    }

    /**
     * Writes the next version of a programme's grid from these criteria, as the programme was seen at
     * {@code versionSeen}; the earlier versions, and the campaigns that froze them, are untouched.
     *
     * @return the new version
     * @throws RecordNotFound no such programme
     * @throws StaleRecord    it changed since the caller saw it (another revision)
     * @throws RuleViolation  naming the criterion's field
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public ScoringGrid reviseGrid(long id, int versionSeen, List<CriterionDetails> criteria) {
        LabelProgramme programme = find(id);
        fresh(programme, versionSeen);
        CriterionDetails.checkAll(criteria);
        Instant now = clock.instant();
        ScoringGrid grid = ScoringGrid.next(programme, latestGrid(id), criteria, now);
        em.persist(grid);
        // the programme's version guards its grids too: two revisions from the same version, one wins
        programme.revise(programme.details(), now);
        em.flush();
        journal.append(Subject.of(LabelProgramme.JOURNAL_TYPE, id), GRID,
                LabelProgramme.JOURNAL_TYPE, String.valueOf(id), null, null, null, describe(programme, grid));
        return grid;
    }

    /**
     * Adds a decision template to a programme.
     *
     * @throws RecordNotFound no such programme
     * @throws RuleViolation  naming the field
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public DecisionTemplate addTemplate(long id, DecisionKind kind, String title, String textFr, String textEn) {
        LabelProgramme programme = find(id);
        DecisionTemplate template = DecisionTemplate.create(programme, kind, title, textFr, textEn);
        em.persist(template);
        em.flush();
        Map<String, Object> details = new HashMap<>();
        details.put("programme", id);
        details.put("template", template.id());
        details.put("kind", kind.name());
        details.put("title", template.title());
        journal.append(Subject.of(LabelProgramme.JOURNAL_TYPE, id), TEMPLATE,
                LabelProgramme.JOURNAL_TYPE, String.valueOf(id), null, null, null, details);
        return template;
    }

    /** Every programme, by code. */
    @PermitAll
    public List<LabelProgramme> all() {
        return em.createNamedQuery(LabelProgramme.ALL, LabelProgramme.class).getResultList();
    }

    /**
     * A programme.
     *
     * @throws RecordNotFound no such programme
     */
    @PermitAll
    public LabelProgramme find(long id) {
        LabelProgramme programme = em.find(LabelProgramme.class, id);
        if (programme == null) {
            throw new RecordNotFound("There is no label programme " + id + ".");
        }
        return programme;
    }

    /** The programme with this code, if any. */
    @PermitAll
    public Optional<LabelProgramme> byCode(String code) {
        return em.createNamedQuery(LabelProgramme.BY_CODE, LabelProgramme.class).setParameter("code", code)
                .getResultStream().findFirst();
    }

    /** The versions of a programme's grid, the latest first. */
    @PermitAll
    public List<ScoringGrid> grids(long programmeId) {
        return em.createNamedQuery(ScoringGrid.OF_PROGRAMME, ScoringGrid.class).setParameter("programme", programmeId)
                .getResultList();
    }

    /** The latest version of a programme's grid (the one a new campaign freezes); null for none. */
    @PermitAll
    public ScoringGrid latestGrid(long programmeId) {
        return em.createNamedQuery(ScoringGrid.OF_PROGRAMME, ScoringGrid.class).setParameter("programme", programmeId)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /** The criteria of a grid version, in order. */
    @PermitAll
    public List<ScoringCriterion> criteria(long gridId) {
        ScoringGrid grid = em.find(ScoringGrid.class, gridId);
        if (grid == null) {
            throw new RecordNotFound("There is no scoring grid " + gridId + ".");
        }
        return grid.criteria();
    }

    /** Whether a campaign froze this grid version (it is then read, never revised). */
    @PermitAll
    public boolean inUse(long gridId) {
        return em.createNamedQuery(fr.la27eregion.label.entity.Campaign.USING_GRID, Long.class)
                .setParameter("grid", gridId).getSingleResult() > 0;
    }

    /** A programme's decision templates. */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.JURY_NAME, Role.AUDITOR_NAME})
    public List<DecisionTemplate> templates(long programmeId) {
        return em.createNamedQuery(DecisionTemplate.OF_PROGRAMME, DecisionTemplate.class)
                .setParameter("programme", programmeId).getResultList();
    }

    private static void fresh(LabelProgramme programme, int versionSeen) {
        if (programme.version() != versionSeen) {
            throw new StaleRecord("This programme was changed by someone else (version " + programme.version()
                    + ", not " + versionSeen + "): reload it and try again.");
        }
    }

    private static Map<String, Object> describe(LabelProgramme programme, ScoringGrid grid) {
        Map<String, Object> details = new HashMap<>();
        details.put("code", programme.code());
        details.put("version", programme.version());
        details.put("reviewersPerApplication", programme.reviewersPerApplication());
        details.put("validityMonths", programme.validityMonths());
        details.put("blind", programme.blind());
        if (grid != null) {
            details.put("gridVersion", grid.gridVersion());
            details.put("criteria", grid.criteria().stream().map(ScoringCriterion::code).toList());
        }
        return details;
    }
}
