package fr.la27eregion.membership.web;

import fr.la27eregion.platform.web.RuleMessages;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.boundary.BulkOutcome;
import fr.la27eregion.membership.boundary.Memberships;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipInputs;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.platform.workflow.PossibleAction;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The secretariat's membership desk ({@code /app/membership/desk.xhtml}): the memberships by state with the count
 * of each, filtered by organisation name and paged in the database; the workflow's actions on one membership, each
 * confirmed in a dialog that asks for what the transition needs (a reason, the agreement's reference); and the
 * renewal of several at once. Auditors read the same desk and act on nothing: the boundary offers them no action.
 * Thin: {@link Memberships} decides what may be done and does it.
 */
@Named
@ViewScoped
public class DeskView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The input of the dialog for each field a refusal may name; anything else goes beside the confirm button. */
    private static final Map<String, String> DIALOG_FIELDS = Map.of("reason", "action:reason",
            "agreement", "action:agreement");
    private static final String DIALOG_GENERAL = "action:confirm";

    @Inject
    private Memberships memberships;

    private MembershipState state;
    private String filter;
    private Map<MembershipState, Long> counts;
    private long shown;
    private LazyDataModel<DeskRow> rows;
    /**
     * What the caller may do from each state, as the boundary answered. For the secretariat and auditors it depends on
     * the state only (their roles reach every organisation), so one question per state serves every row.
     */
    private final Map<MembershipState, List<PossibleAction<MembershipState, MembershipAction>>> actionsByState =
            new EnumMap<>(MembershipState.class);
    private List<DeskRow> selected = new ArrayList<>();

    // the action being confirmed in the dialog
    private DeskRow acting;
    private MembershipAction action;
    private String reason;
    private String agreement;

    private List<Renewal> renewals = List.of();
    private String renewalSummary;

    @PostConstruct
    void initialize() {
        rows = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) memberships.count(state, filter);
            }

            @Override
            public List<DeskRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                      Map<String, FilterMeta> filterBy) {
                return memberships.desk(state, filter, first, pageSize).stream().map(DeskRow::of).toList();
            }

            @Override
            public String getRowKey(DeskRow row) {
                return String.valueOf(row.id());
            }

            @Override
            public DeskRow getRowData(String rowKey) {
                // a selection kept from another page is not among the rows shown: read it again
                List<DeskRow> page = getWrappedData();
                return (page == null ? List.<DeskRow>of() : page).stream()
                        .filter(row -> String.valueOf(row.id()).equals(rowKey)).findFirst()
                        .orElseGet(() -> {
                            try {
                                return DeskRow.of(memberships.find(Long.parseLong(rowKey)));
                            } catch (RecordNotFound | NumberFormatException gone) {
                                return null;
                            }
                        });
            }
        };
        refreshCounts();
    }

    /** Shows the memberships in one state, or all of them ({@code null}), from the first page. */
    public void show(MembershipState shownState) {
        state = shownState;
        filtered();
        // the buttons are drawn again with their new counts: the one pressed keeps the keyboard focus
        String pressed = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("jakarta.faces.source");
        if (pressed != null && pressed.matches("[\\w:-]+")) {
            PrimeFaces.current().executeScript("desk.focus('" + pressed + "')");
        }
    }

    /** After the organisation filter changed: the first page of what matches, and how many do. */
    public void filtered() {
        DataTable table = (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent("desk:table");
        if (table != null) {
            table.setFirst(0);
        }
        refreshCounts();
    }

    /** The actions the caller may take on the row's membership now, in the order of the workflow's verbs. */
    public List<MembershipAction> actionsOf(DeskRow row) {
        return possibleOn(row).stream().map(PossibleAction::action).toList();
    }

    private List<PossibleAction<MembershipState, MembershipAction>> possibleOn(DeskRow row) {
        return actionsByState.computeIfAbsent(row.state(), any -> memberships.actions(row.id()));
    }

    /** The action of the dialog as the boundary offered it, with what it needs (empty once no longer offered). */
    private java.util.Optional<PossibleAction<MembershipState, MembershipAction>> chosen() {
        return acting == null ? java.util.Optional.empty()
                : possibleOn(acting).stream().filter(possible -> possible.action() == action).findFirst();
    }

    /** Whether the row may be renewed by the caller, so offered to the bulk renewal. */
    public boolean renewable(DeskRow row) {
        return actionsOf(row).contains(MembershipAction.RENEW);
    }

    /** Opens the dialog that confirms an action on a membership. */
    public void open(DeskRow row, MembershipAction chosen) {
        acting = row;
        action = chosen;
        reason = null;
        agreement = null;
    }

    /** The name of an action's button for assistive technologies: the action and the organisation. */
    public String actionLabel(MembershipAction act, DeskRow row) {
        return RuleMessages.text("desk.actionLabel",
                RuleMessages.label("membership.MembershipAction." + act.name()), row.organisationName());
    }

    /** The name of a row's checkbox for assistive technologies: which organisation it selects for renewal. */
    public String selectLabel(DeskRow row) {
        return row == null ? RuleMessages.label("desk.select")
                : RuleMessages.text("desk.selectRow", row.organisationName());
    }

    /** The dialog's title: the action and the organisation. */
    public String getDialogTitle() {
        return acting == null ? "" : RuleMessages.text("desk.dialog.title",
                RuleMessages.label("membership.MembershipAction." + action.name()), acting.organisationName());
    }

    /** What the action does: from which state to which, and who is told. */
    public String getDialogText() {
        if (acting == null) {
            return "";
        }
        return chosen()
                .map(line -> RuleMessages.text("desk.dialog.text",
                        RuleMessages.label("membership.MembershipState." + line.from().name()),
                        RuleMessages.label("membership.MembershipState." + line.to().name())))
                .orElse("");
    }

    /** Whether the action in the dialog needs a written reason (a rejection, a suspension...). */
    public boolean isReasonRequired() {
        return chosen().map(PossibleAction::reasonRequired).orElse(false);
    }

    /** Whether the action in the dialog needs the reference of the signed agreement. */
    public boolean isAgreementRequired() {
        return chosen().map(possible -> possible.needs(MembershipInputs.AGREEMENT)).orElse(false);
    }

    /** Applies the action of the dialog; tells the dialog to close when done. */
    public void confirm() {
        if (acting == null) {
            return;
        }
        try {
            Membership done = memberships.perform(acting.id(), acting.version(), action, reason, agreement);
            RuleMessages.info("desk.done", acting.organisationName(),
                    RuleMessages.label("membership.MembershipAction." + action.name()),
                    RuleMessages.label("membership.MembershipState." + done.state().name()));
            PrimeFaces.current().ajax().addCallbackParam("done", true);
            PrimeFaces.current().ajax().addCallbackParam("row", acting.id());
            acting = null;
        } catch (RuntimeException refused) {
            DeskRefusals.show(refused, field -> DIALOG_FIELDS.getOrDefault(field, DIALOG_GENERAL));
        } finally {
            refreshCounts();
        }
    }

    /**
     * Renews the selected memberships, each as the desk showed it (its version): the boundary renews each in its own
     * transaction and says what became of every one.
     */
    public void renewSelected() {
        if (selected == null || selected.isEmpty()) {
            RuleMessages.error("desk:renewSelected", "desk.bulk.none");
            return;
        }
        Map<Long, Integer> versions = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (DeskRow row : selected) {
            versions.put(row.id(), row.version());
            names.put(row.id(), row.organisationName());
        }
        List<BulkOutcome> outcomes = memberships.renewAll(versions);
        renewals = outcomes.stream().map(outcome -> new Renewal(
                Objects.requireNonNullElse(outcome.organisation(), names.get(outcome.membershipId())),
                outcome.done(), said(outcome))).toList();
        long done = renewals.stream().filter(Renewal::done).count();
        renewalSummary = RuleMessages.text("desk.bulk.summary", done, renewals.size() - done);
        selected = new ArrayList<>();
        refreshCounts();
    }

    /** What became of a membership of a bulk renewal; a refusal says it was not renewed, then why. */
    private static String said(BulkOutcome outcome) {
        String text = RuleMessages.text(outcome.key());
        return outcome.done() || "membership.bulk.refused".equals(outcome.key()) ? text
                : RuleMessages.text("desk.bulk.notRenewed", text);
    }

    private void refreshCounts() {
        counts = memberships.countsByState();
        shown = memberships.count(state, filter);
    }

    /** Whether the caller is the secretariat: only then the page offers actions (the boundary decides anyway). */
    public boolean isSecretariat() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Role.NETWORK_ADMIN_NAME);
    }

    public MembershipState[] getStates() {
        return MembershipState.values();
    }

    /** How many memberships are in the state, whatever the organisation filter. */
    public long count(MembershipState inState) {
        return counts.getOrDefault(inState, 0L);
    }

    public long getTotal() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many memberships the table lists now (state and filter applied). */
    public long getShown() {
        return shown;
    }

    /** A time of the desk in France's time zone, for the date-time converter. */
    public LocalDateTime inFrance(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, Clocks.FRANCE);
    }

    public LazyDataModel<DeskRow> getRows() {
        return rows;
    }

    public MembershipState getState() {
        return state;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public List<DeskRow> getSelected() {
        return selected;
    }

    public void setSelected(List<DeskRow> selected) {
        this.selected = selected;
    }

    public DeskRow getActing() {
        return acting;
    }

    public MembershipAction getAction() {
        return action;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getAgreement() {
        return agreement;
    }

    public void setAgreement(String agreement) {
        this.agreement = agreement;
    }

    public List<Renewal> getRenewals() {
        return renewals;
    }

    /** How the last bulk renewal went, in one sentence (empty before any). */
    public String getRenewalSummary() {
        return renewalSummary;
    }

    /** A membership as the desk lists it, with the version the secretariat saw (detached from the database). */
    public record DeskRow(long id, int version, long organisationId, String organisationName, OrganisationKind kind,
                          MembershipState state, LocalDate periodEnd, Instant changedAt) implements Serializable {

        static DeskRow of(Membership membership) {
            return new DeskRow(membership.id(), membership.version(), membership.organisation().id(),
                    membership.organisation().name(), membership.organisation().kind(), membership.state(),
                    membership.periodEnd(), membership.changedAt());
        }

        // JavaBeans getters for Facelets expressions
        public long getId() {
            return id;
        }

        public long getOrganisationId() {
            return organisationId;
        }

        public String getOrganisationName() {
            return organisationName;
        }

        public OrganisationKind getKind() {
            return kind;
        }

        public MembershipState getState() {
            return state;
        }

        public LocalDate getPeriodEnd() {
            return periodEnd;
        }

        public Instant getChangedAt() {
            return changedAt;
        }
    }

    /** What became of one membership of a bulk renewal, in the reader's language. */
    public record Renewal(String organisation, boolean done, String outcome) implements Serializable {

        public String getOrganisation() {
            return organisation;
        }

        public boolean isDone() {
            return done;
        }

        public String getOutcome() {
            return outcome;
        }
    }
}
