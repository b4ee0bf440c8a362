package fr.la27eregion.label.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A call for applications of a programme: open from {@link #opensAt()} (included) to {@link #closesAt()}
 * (excluded), by the server's clock, never the browser's; the grid version it froze when it was created; the day
 * of its jury and the {@code JURY} account that chairs it and records the decisions.
 */
@Entity
@Table(name = "campaign")
@NamedQuery(name = Campaign.ALL, query = "SELECT c FROM Campaign c JOIN FETCH c.programme"
        + " ORDER BY c.opensAt DESC, c.id DESC")
@NamedQuery(name = Campaign.OPEN, query = "SELECT c FROM Campaign c JOIN FETCH c.programme"
        + " WHERE c.opensAt <= :now AND c.closesAt > :now ORDER BY c.closesAt, c.id")
@NamedQuery(name = Campaign.BY_CODE, query = "SELECT c FROM Campaign c WHERE c.code = :code")
@NamedQuery(name = Campaign.USING_GRID, query = "SELECT COUNT(c) FROM Campaign c WHERE c.grid.id = :grid")
public class Campaign extends CodedRecord {

    private static final long serialVersionUID = 1L;

    public static final String ALL = "Campaign.all";
    public static final String OPEN = "Campaign.open";
    public static final String BY_CODE = "Campaign.byCode";
    public static final String USING_GRID = "Campaign.usingGrid";
    /** How the journal names campaigns. */
    public static final String JOURNAL_TYPE = "Campaign";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "programme_id", updatable = false)
    private LabelProgramme programme;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "grid_id", updatable = false)
    private ScoringGrid grid;

    @Column(name = "title_fr", nullable = false, length = CampaignDetails.MAX_TITLE)
    private String titleFr;

    @Column(name = "title_en", nullable = false, length = CampaignDetails.MAX_TITLE)
    private String titleEn;

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Column(name = "jury_on")
    private LocalDate juryOn;

    @Column(name = "jury_chair_account_id")
    private Long juryChairAccountId;

    protected Campaign() {
        // for JPA
    }

    /** A new campaign of the programme, freezing the grid version given (its programme's latest), from checked details. */
    public static Campaign create(LabelProgramme programme, ScoringGrid grid, CampaignDetails details, Instant now) {
        if (grid.programme() != programme) {
            throw new IllegalArgumentException("The grid is not the programme's");
        }
        Campaign campaign = new Campaign();
        campaign.programme = programme;
        campaign.grid = grid;
        campaign.created(details.getCode(), now);
        campaign.revise(details, now);
        return campaign;
    }

    /** Changes the titles, dates and chair (never the programme, the code or the grid), from checked details. */
    public void revise(CampaignDetails details, Instant now) {
        titleFr = details.getTitleFr().strip();
        titleEn = details.getTitleEn().strip();
        opensAt = details.getOpensAt();
        closesAt = details.getClosesAt();
        juryOn = details.getJuryOn();
        juryChairAccountId = details.getJuryChairAccountId();
        revised(now);
    }

    /** Whether applications may be submitted at this instant: opened, not yet closed. */
    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** Whether this account chairs the campaign's jury. */
    public boolean chairedBy(Long accountId) {
        return accountId != null && accountId.equals(juryChairAccountId);
    }

    /** The title in the reader's language (French unless English). */
    public String title(Locale locale) {
        return inLanguage(locale, titleFr, titleEn);
    }

    public LabelProgramme programme() {
        return programme;
    }

    public ScoringGrid grid() {
        return grid;
    }

    public String titleFr() {
        return titleFr;
    }

    public String titleEn() {
        return titleEn;
    }

    public Instant opensAt() {
        return opensAt;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public Optional<LocalDate> juryOn() {
        return Optional.ofNullable(juryOn);
    }

    public Optional<Long> juryChairAccountId() {
        return Optional.ofNullable(juryChairAccountId);
    }
}
