package fr.la27eregion.label.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One version of a programme's scoring grid: its criteria, each with a weight and a maximum score. Written once,
 * never changed: revising the criteria writes the next version ({@link #next}), and a campaign keeps the version it
 * froze, so last year's scores are read against last year's criteria. No setter changes a grid or its criteria.
 */
/*
 * Kept in the shared cache: a grid version never changes once written (every column is not updatable; a revision is a
 * new version), so a cached grid is never stale, on one server or several. Every application's page, JSON and
 * assessment reads its campaign's grid; from the cache that is no statement.
 */
@Entity
@Cacheable
@Table(name = "scoring_grid")
@NamedQuery(name = ScoringGrid.OF_PROGRAMME, query = "SELECT g FROM ScoringGrid g WHERE g.programme.id = :programme"
        + " ORDER BY g.gridVersion DESC")
public class ScoringGrid implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OF_PROGRAMME = "ScoringGrid.ofProgramme";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "programme_id", updatable = false)
    private LabelProgramme programme;

    @Column(name = "grid_version", nullable = false, updatable = false)
    private int gridVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "grid", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<ScoringCriterion> criteria = new ArrayList<>();

    protected ScoringGrid() {
        // for JPA
    }

    /**
     * The first grid of a programme, or the next version after {@code previous}, from checked criteria
     * ({@link CriterionDetails#checkAll}), in the order given.
     */
    public static ScoringGrid next(LabelProgramme programme, ScoringGrid previous, List<CriterionDetails> criteria,
                                   Instant now) {
        ScoringGrid grid = new ScoringGrid();
        grid.programme = programme;
        grid.gridVersion = previous == null ? 1 : previous.gridVersion + 1;
        grid.createdAt = now;
        for (int i = 0; i < criteria.size(); i++) {
            grid.criteria.add(new ScoringCriterion(grid, i, criteria.get(i)));
        }
        return grid;
    }

    /**
     * The weighted total of scores given per criterion id: the sum of score × weight over the sum of
     * max × weight, on 100, to two decimals; empty while a criterion has no score.
     */
    public Optional<BigDecimal> weightedTotal(java.util.Map<Long, Integer> scores) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (ScoringCriterion criterion : criteria) {
            Integer score = scores.get(criterion.id());
            if (score == null) {
                return Optional.empty();
            }
            sum = sum.add(criterion.weight().multiply(BigDecimal.valueOf(score)));
            max = max.add(criterion.weight().multiply(BigDecimal.valueOf(criterion.maxScore())));
        }
        if (max.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(sum.multiply(BigDecimal.valueOf(100)).divide(max, 2, java.math.RoundingMode.HALF_UP));
    }

    /** The criterion of this grid with this id, if it is one. */
    public Optional<ScoringCriterion> criterion(long criterionId) {
        return criteria.stream().filter(c -> c.id() != null && c.id() == criterionId).findFirst();
    }

    public Long id() {
        return id;
    }

    public LabelProgramme programme() {
        return programme;
    }

    public int gridVersion() {
        return gridVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<ScoringCriterion> criteria() {
        return List.copyOf(criteria);
    }

    /** The criteria as details, to revise from. */
    public List<CriterionDetails> details() {
        return criteria.stream().map(ScoringCriterion::details).toList();
    }
}
