package fr.la27eregion.opendata.boundary;

import fr.la27eregion.label.entity.LabelState;
import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.ProjectStage;

import java.util.List;

import static fr.la27eregion.opendata.boundary.Column.coded;
import static fr.la27eregion.opendata.boundary.Column.optional;
import static fr.la27eregion.opendata.boundary.Column.required;

/**
 * The datasets of the open data, each with its columns in order. Only public facts of public records: a member is an
 * organisation with a current membership (as the members page lists them), a project is one whose visibility is
 * {@code PUBLIC}, a label is one of the public register (every label awarded, with its state on the day). Never a
 * person, a contact, a fee, an agreement, a reason, an internal note or a verification code.
 */
public enum Dataset {

    MEMBERS("members", List.of(
            required("organisation_id", ColumnType.INTEGER),
            required("name", ColumnType.TEXT),
            coded("kind", OrganisationKind.class, "membership.OrganisationKind."),
            optional("territory_code", ColumnType.TEXT),
            optional("territory_name", ColumnType.TEXT),
            optional("website", ColumnType.URL),
            coded("membership_state", Organisations.LISTED, "members.state."),
            optional("member_until", ColumnType.DATE))),

    PROJECTS("projects", List.of(
            required("project_id", ColumnType.INTEGER),
            required("url", ColumnType.PATH),
            required("title", ColumnType.TEXT),
            required("summary", ColumnType.TEXT),
            required("description", ColumnType.TEXT),
            required("lead_organisation_id", ColumnType.INTEGER),
            required("lead_organisation", ColumnType.TEXT),
            required("partners", ColumnType.LIST),
            coded("kind", ProjectKind.class, "project.ProjectKind."),
            coded("stage", ProjectStage.class, "project.ProjectStage."),
            required("themes", ColumnType.LIST),
            required("territories", ColumnType.LIST),
            optional("started_on", ColumnType.DATE),
            optional("ended_on", ColumnType.DATE),
            optional("budget_euros", ColumnType.DECIMAL),
            optional("published_at", ColumnType.DATE_TIME),
            required("updated_at", ColumnType.DATE_TIME))),

    LABELS("labels", List.of(
            required("certificate_number", ColumnType.TEXT),
            coded("state", LabelState.class, "label.LabelState."),
            required("programme", ColumnType.TEXT),
            required("programme_name_fr", ColumnType.TEXT),
            required("programme_name_en", ColumnType.TEXT),
            optional("level", ColumnType.INTEGER),
            required("mentions", ColumnType.LIST),
            required("awarded_on", ColumnType.DATE),
            required("valid_until", ColumnType.DATE),
            required("project_title", ColumnType.TEXT),
            optional("project_url", ColumnType.PATH),
            required("organisation", ColumnType.TEXT),
            optional("region_code", ColumnType.TEXT),
            optional("region_name", ColumnType.TEXT),
            optional("renewed_by", ColumnType.TEXT)));

    private final String slug;
    private final List<Column> columns;

    Dataset(String slug, List<Column> columns) {
        this.slug = slug;
        this.columns = columns;
    }

    /** Its name in addresses and files ({@code members}). */
    public String slug() {
        return slug;
    }

    public List<Column> columns() {
        return columns;
    }

    public String getSlug() {
        return slug;
    }

    public List<Column> getColumns() {
        return columns;
    }

    /** The dataset of this name, or null. */
    public static Dataset bySlug(String slug) {
        for (Dataset dataset : values()) {
            if (dataset.slug.equals(slug)) {
                return dataset;
            }
        }
        return null;
    }
}
