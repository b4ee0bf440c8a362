package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.JuryRanking;
import fr.la27eregion.label.control.JuryRankingSql;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A campaign's jury ranking: its reviewed and decided applications, the best weighted total first. */
@Schema(name = "JuryRanking")
public record JuryJson(
        Long campaignId,
        String campaignCode,
        String titleFr,
        String titleEn,
        LocalDate juryOn,
        @Schema(description = "The display name of the campaign's jury chair") String chairName,
        @Schema(description = "Whether the caller chairs this jury (and so decides)") Boolean chair,
        @Schema(description = "The programme's highest level (levels run from 1); absent when it has none")
        Integer levels,
        @Schema(description = "The mentions the jury may grant") List<String> mentions,
        @Schema(description = "The programme's decision templates") List<TemplateJson> templates,
        @Schema(description = "The campaign's frozen grid: the columns of every assessment's scores")
        List<CriterionJson> criteria,
        @Schema(description = "Applications of the campaign still with the applicant or the reviewers") Long waiting,
        @Schema(description = "Whether the chair was told the campaign is ready for the jury") Boolean ready,
        List<RowJson> applications) {

    /** A decision template: the text a decision's motivation may start from. */
    @Schema(name = "JuryDecisionTemplate")
    public record TemplateJson(Long id, @Schema(enumeration = {"AWARD", "REJECT"}) String kind, String title,
                               String textFr, String textEn) {
    }

    /** A criterion of the campaign's grid. */
    @Schema(name = "JuryCriterion")
    public record CriterionJson(Long id, String code, String labelFr, String labelEn, BigDecimal weight,
                                Integer maxScore) {
    }

    /** An application of the ranking, with its submitted assessments side by side. */
    @Schema(name = "JuryRankedApplication")
    public record RowJson(
            @Schema(description = "1 for the best total; equal totals share a rank") Integer rank,
            Long applicationId,
            @Schema(description = "Give it with a decision; 409 when stale") Integer version,
            @Schema(enumeration = {"REVIEWED", "AWARDED", "REJECTED"}) String state,
            @Schema(description = "The mean of the reviewers' weighted totals, on 100") BigDecimal weightedTotal,
            @Schema(description = "The highest reviewer's total less the lowest's; absent with fewer than two")
            BigDecimal spread,
            String projectTitle,
            String applicant,
            Integer level,
            List<String> mentions,
            String motivation,
            Instant decidedAt,
            Long labelId,
            String certificateNumber,
            @Schema(description = "The label this application renews, if it is a renewal") Long renewalOfLabelId,
            List<ReviewJson> assessments) {
    }

    /** A submitted assessment: the reviewer, the total and a score per criterion of the grid, in its order. */
    @Schema(name = "JuryAssessment")
    public record ReviewJson(Long assessmentId, String reviewerName, BigDecimal weightedTotal,
                             List<ScoreJson> scores, String comments) {
    }

    /** A criterion's score. */
    @Schema(name = "JuryScore")
    public record ScoreJson(Long criterionId, Integer score) {
    }

    static JuryJson of(JuryRanking ranking) {
        return new JuryJson(ranking.campaignId(), ranking.campaignCode(), ranking.titleFr(), ranking.titleEn(),
                ranking.juryOn(), ranking.chairName(), ranking.chair(), ranking.levels(), ranking.mentions(),
                ranking.templates().stream().map(t -> new TemplateJson(t.id(), t.kind(), t.title(), t.textFr(),
                        t.textEn())).toList(),
                ranking.criteria().stream().map(c -> new CriterionJson(c.id(), c.code(), c.labelFr(), c.labelEn(),
                        c.weight(), c.maxScore())).toList(),
                ranking.waiting(), ranking.ready(),
                ranking.rows().stream().map(row -> row(row, ranking.criteria())).toList());
    }

    private static RowJson row(JuryRankingSql.Row row, List<JuryRanking.Criterion> criteria) {
        return new RowJson(row.rank(), row.applicationId(), row.version(), row.state().name(), row.weightedTotal(),
                row.spread(), row.projectTitle(), row.applicant(), row.level(), row.mentions(), row.motivation(),
                row.decidedAt(), row.labelId(), row.certificateNumber(), row.renewalOfLabelId(),
                row.reviews().stream().map(review -> new ReviewJson(review.assessmentId(), review.reviewerName(),
                        review.total(), criteria.stream().filter(c -> review.score(c.id()) != null)
                        .map(c -> new ScoreJson(c.id(), review.score(c.id()))).toList(), review.comments()))
                        .toList());
    }
}
