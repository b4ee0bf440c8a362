package fr.la27eregion.identity.web;

import fr.la27eregion.identity.boundary.AccessTokens;
import fr.la27eregion.identity.boundary.Accounts;
import fr.la27eregion.identity.entity.AccessToken;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.membership.web.OrganisationChoice;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.web.PagedRows;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The accounts page of the network's secretariat ({@code /app/admin/users.xhtml}): a lazily paged, filtered list,
 * and forms to create an account, change its roles and organisation (chosen by name), disable or enable it and
 * issue a password reset link; and an account's personal access tokens, which the secretariat revokes.
 * Thin: every rule and every right is checked by the {@link Accounts} boundary.
 */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** When a reset link stops working, as people read it: Paris time, to the minute. */
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Inject
    private Accounts accounts;

    @Inject
    private Organisations organisations;

    @Inject
    private AccessTokens accessTokens;

    private String filter;
    private LazyDataModel<Account> list;

    // the account being created
    private String username;
    private String displayName;
    private String email;
    private transient String password;
    private List<Role> roles = new ArrayList<>();
    private OrganisationChoice organisation;

    // the account whose roles are being changed
    private Account selected;
    private List<Role> selectedRoles = new ArrayList<>();
    private OrganisationChoice selectedOrganisation;

    // the account whose access tokens are shown
    private Account tokensAccount;
    private List<AccessToken> tokensOf = List.of();

    @PostConstruct
    void initialize() {
        list = PagedRows.of(() -> accounts.count(filter),
                (first, size) -> accounts.page(filter, first, size),
                Account::id);
    }

    public void create() {
        try {
            Account created = accounts.create(username, displayName, email, password,
                    roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), idOf(organisation));
            RuleMessages.info("users.created", created.username());
            username = displayName = email = password = null;
            roles = new ArrayList<>();
            organisation = null;
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> "create:" + field, null);
        }
    }

    public void select(Account account) {
        selected = account;
        selectedRoles = new ArrayList<>(account.roles());
        selectedOrganisation = account.organisationId().map(this::choice).orElse(null);
    }

    /** The organisations whose name contains the text typed, for the organisation fields. */
    public List<OrganisationChoice> completeOrganisation(String text) {
        return organisations.search(text, 20).stream().map(OrganisationChoice::of).toList();
    }

    public void saveRoles() {
        try {
            selected = accounts.changeRoles(selected.id(), selected.version(),
                    selectedRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(selectedRoles),
                    idOf(selectedOrganisation));
            RuleMessages.info("users.rolesChanged", selected.username());
        } catch (RuntimeException refused) {
            RuleMessages.show(refused,
                    field -> "organisation".equals(field) ? "roles:selectedOrganisation" : "roles:selectedRoles",
                    "roles:selectedRoles");
        }
    }

    public void toggle(Account account) {
        try {
            Account changed = account.enabled() ? accounts.disable(account.id(), account.version())
                    : accounts.enable(account.id(), account.version());
            RuleMessages.info(changed.enabled() ? "users.enabled" : "users.disabled", changed.username());
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, null);
        }
    }

    public void resetPassword(Account account) {
        try {
            Accounts.PasswordResetIssued issued = accounts.requestPasswordReset(account.id());
            String until = UNTIL.format(issued.validUntil().atZone(Clocks.FRANCE));
            if (issued.mailedTo() == null) {
                RuleMessages.info("users.resetIssued", account.username(), until);
            } else {
                RuleMessages.info("users.resetMailed", account.username(), issued.mailedTo(), until);
            }
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, null);
        }
    }

    /** Shows the account's access tokens, newest first. */
    public void showTokens(Account account) {
        try {
            tokensOf = accessTokens.ofAccount(account.id());
            tokensAccount = account;
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, null);
        }
    }

    /** Revokes a token of the account shown: it stops working at once. */
    public void revokeToken(AccessToken token) {
        try {
            AccessToken revoked = accessTokens.revoke(token.id(), token.version());
            RuleMessages.info("users.tokens.revoked", revoked.name(), tokensAccount.username());
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, null);
        }
        showTokens(tokensAccount);
    }

    public Account getTokensAccount() {
        return tokensAccount;
    }

    public List<AccessToken> getTokensOf() {
        return tokensOf;
    }

    private static Long idOf(OrganisationChoice choice) {
        return choice == null ? null : choice.id();
    }

    /** The organisation of an account, by name; an organisation gone since is offered by its id only. */
    private OrganisationChoice choice(long organisationId) {
        try {
            return OrganisationChoice.of(organisations.find(organisationId));
        } catch (RecordNotFound gone) {
            return new OrganisationChoice(organisationId, String.valueOf(organisationId));
        }
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public LazyDataModel<Account> getList() {
        return list;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<Role> getRoles() {
        return roles;
    }

    public void setRoles(List<Role> roles) {
        this.roles = roles;
    }

    public OrganisationChoice getOrganisation() {
        return organisation;
    }

    public void setOrganisation(OrganisationChoice organisation) {
        this.organisation = organisation;
    }

    public Account getSelected() {
        return selected;
    }

    public List<Role> getSelectedRoles() {
        return selectedRoles;
    }

    public void setSelectedRoles(List<Role> selectedRoles) {
        this.selectedRoles = selectedRoles;
    }

    public OrganisationChoice getSelectedOrganisation() {
        return selectedOrganisation;
    }

    public void setSelectedOrganisation(OrganisationChoice selectedOrganisation) {
        this.selectedOrganisation = selectedOrganisation;
    }
}
