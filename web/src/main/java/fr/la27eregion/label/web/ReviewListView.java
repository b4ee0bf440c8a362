package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.Assessments;
import fr.la27eregion.label.boundary.ReviewAssignment;
import fr.la27eregion.label.entity.AssessmentState;
import fr.la27eregion.platform.web.Language;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Backs {@code app/labels/reviews.xhtml}, "Mes évaluations": the caller's assignments (not the recused ones), the
 * soonest due first ({@link Assessments#mine}), each opening its review page. An application of a blind programme
 * is named by its number, not by its project's title (which often names its town); an assessment still to submit
 * whose due date has passed is flagged overdue in words, not by colour alone.
 */
@Named
@ViewScoped
public class ReviewListView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An assignment as a row of the list shows it. */
    public record Row(long applicationId, String projectTitle, boolean blind, String campaign, String campaignCode,
                      AssessmentState state, LocalDate dueOn, boolean overdue) implements Serializable {

        static Row of(ReviewAssignment assignment, Locale locale, DueDates due) {
            boolean english = "en".equals(locale.getLanguage());
            return new Row(assignment.applicationId(), assignment.blind() ? null : assignment.projectTitle(),
                    assignment.blind(), english ? assignment.campaignTitleEn() : assignment.campaignTitleFr(),
                    assignment.campaignCode(), assignment.state(), assignment.dueOn(),
                    assignment.state() == AssessmentState.ASSIGNED && due.passed(assignment.dueOn()));
        }
    }

    @Inject
    private Assessments assessments;

    @Inject
    private Language language;

    @Inject
    private DueDates due;

    private List<Row> rows;

    @PostConstruct
    void init() {
        rows = assessments.mine().stream().map(assignment -> Row.of(assignment, language.getLocale(), due))
                .toList();
    }

    public List<Row> getRows() {
        return rows;
    }
}
