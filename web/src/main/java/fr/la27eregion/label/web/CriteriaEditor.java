package fr.la27eregion.label.web;

import fr.la27eregion.label.entity.CriterionDetails;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The criteria of a grid as the secretariat writes them ({@code WEB-INF/includes/label/criteria-editor.xhtml}): rows
 * added, removed and moved up or down before the grid is written, the order of the rows being the grid's. Used by
 * the new programme's form (its first grid) and by "revise the grid" (the next version, started from the latest).
 * The rules are {@link CriterionDetails#checkAll}'s, applied by the boundary; {@link #input} puts a refusal of
 * {@code criteria[2].weight} beside the weight of the third row.
 */
public class CriteriaEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Pattern FIELD = Pattern.compile("^criteria\\[(\\d+)]\\.(\\w+)$");

    private final List<CriterionDetails> rows = new ArrayList<>();

    /** An editor of one empty criterion (a new programme's grid). */
    public static CriteriaEditor empty() {
        CriteriaEditor editor = new CriteriaEditor();
        editor.add();
        return editor;
    }

    /** An editor started from a grid's criteria (copied: the grid is never changed). */
    public static CriteriaEditor of(List<CriterionDetails> criteria) {
        CriteriaEditor editor = new CriteriaEditor();
        criteria.forEach(c -> editor.rows.add(new CriterionDetails(c.getCode(), c.getLabelFr(), c.getLabelEn(),
                c.getGuidanceFr(), c.getGuidanceEn(), c.getWeight(), c.getMaxScore())));
        return editor;
    }

    public void add() {
        rows.add(new CriterionDetails());
    }

    public void remove(int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
    }

    public void up(int index) {
        if (index > 0 && index < rows.size()) {
            Collections.swap(rows, index, index - 1);
        }
    }

    public void down(int index) {
        if (index >= 0 && index < rows.size() - 1) {
            Collections.swap(rows, index, index + 1);
        }
    }

    public List<CriterionDetails> getRows() {
        return rows;
    }

    /**
     * The client id of the input a refusal's field names ({@code criteria[2].weight}), in the editor included in
     * the form {@code form}; the editor's own message for the list as a whole ({@code criteria}); {@code null} for
     * a field that is not the editor's.
     */
    public static String input(String form, String field) {
        if ("criteria".equals(field)) {
            return form + ":criteriaMessage";
        }
        Matcher row = FIELD.matcher(field);
        if (!row.matches()) {
            return null;
        }
        String input = "guidance".equals(row.group(2)) ? "guidanceFr" : row.group(2);
        return form + ":criteria:" + row.group(1) + ":" + input;
    }

    /** The client ids of a form's fields: the editor's, else {@code others}' (a field of the form itself). */
    public static java.util.function.Function<String, String> fields(String form, UnaryOperator<String> others) {
        return field -> {
            String input = input(form, field);
            return input != null ? input : others.apply(field);
        };
    }
}
