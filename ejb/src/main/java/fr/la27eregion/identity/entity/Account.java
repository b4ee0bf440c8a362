package fr.la27eregion.identity.entity;

import fr.la27eregion.platform.database.UtcTimestamp;
import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A person's (or a machine client's) account: who they are, how they prove it, what they may do.
 *
 * <p>The rules are here so that every path applies them: roles that act for an organisation need one, a password
 * follows {@link PasswordPolicy}, and repeated failed logins lock the account for a while. The password is kept
 * only as a PBKDF2 hash; the hashing function is given by the caller (Jakarta Security's
 * {@code Pbkdf2PasswordHash}), so this class stays free of container services and is tested without one.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_USERNAME, query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = Account.MATCHING, query = "SELECT a FROM Account a WHERE LOWER(a.username) LIKE :filter"
        + " OR LOWER(a.displayName) LIKE :filter OR LOWER(a.email) LIKE :filter ORDER BY a.username",
        hints = {
                // the roles of a whole page in one more query, not one per account (they are loaded eagerly)
                @QueryHint(name = "eclipselink.batch", value = "a.roles"),
                @QueryHint(name = "eclipselink.batch.type", value = "IN")})
// the time of a login, without the version: no concurrent change of the account is refused for it
@NamedQuery(name = Account.LOGGED_IN, query = "UPDATE Account a SET a.lastLoginAt = :now WHERE a.id = :id"
        + " AND (a.lastLoginAt IS NULL OR a.lastLoginAt < :since)")
@NamedQuery(name = Account.COUNT_MATCHING, query = "SELECT COUNT(a) FROM Account a WHERE LOWER(a.username) LIKE :filter"
        + " OR LOWER(a.displayName) LIKE :filter OR LOWER(a.email) LIKE :filter")
public class Account implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final String BY_USERNAME = "Account.byUsername";
    public static final String MATCHING = "Account.matching";
    public static final String COUNT_MATCHING = "Account.countMatching";
    public static final String LOGGED_IN = "Account.loggedIn";

    /** The languages an account reads: French, the default, and English. */
    public static final String FRENCH = "fr";
    public static final String ENGLISH = "en";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 400)
    private String passwordHash;

    /** The member organisation the account acts for; no foreign key until the membership feature adds it. */
    @Column(name = "organisation_id")
    private Long organisationId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role", nullable = false, length = 32)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(nullable = false)
    private boolean enabled = true;

    /** The language of the person's pages and mails: {@code fr} (the default) or {@code en}. */
    @Column(nullable = false, length = 2)
    private String language = FRENCH;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Convert(converter = UtcTimestamp.class)
    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Convert(converter = UtcTimestamp.class)
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Convert(converter = UtcTimestamp.class)
    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Version
    private int version;

    protected Account() {
        // for JPA
    }

    /**
     * A new, enabled account. The username is lower case letters, digits, '.', '_' or '-' (3 to 64), the
     * password follows the policy, and the roles follow {@link #changeRoles}.
     */
    public static Account create(String username, String displayName, String email, String password,
                                 Set<Role> roles, Long organisationId, UnaryOperator<String> hash, Instant now) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new RuleViolation("username", "identity.rule.usernameFormat",
                    "The username is 3 to 64 lower case letters, digits, '.', '_' or '-'.");
        }
        Account account = new Account();
        account.username = username;
        account.rename(displayName, email);
        account.changeRoles(roles, organisationId);
        account.changePassword(password, hash);
        account.createdAt = now;
        return account;
    }

    /** Changes the name shown and the e-mail address; both are required. */
    public void rename(String displayName, String email) {
        if (displayName == null || displayName.isBlank()) {
            throw new RuleViolation("displayName", "identity.rule.displayNameRequired", "The name is required.");
        }
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > 254) {
            throw new RuleViolation("email", "identity.rule.emailFormat", "The e-mail address is not valid.");
        }
        this.displayName = displayName.strip();
        this.email = email.strip();
    }

    /**
     * Gives the account exactly these roles, for this organisation. An account has at least one role; a
     * coordinator or contributor acts for one organisation, so the organisation is then required.
     */
    public void changeRoles(Set<Role> newRoles, Long newOrganisationId) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new RuleViolation("roles", "identity.rule.roleRequired", "An account needs at least one role.");
        }
        for (Role role : newRoles) {
            if (role.needsOrganisation() && newOrganisationId == null) {
                throw new RuleViolation("organisation", "identity.rule.organisationRequired",
                        "The role " + role + " acts for one member organisation: choose the organisation.", role);
            }
        }
        this.roles = EnumSet.copyOf(newRoles);
        this.organisationId = newOrganisationId;
    }

    /** Sets a new password after checking it against the policy; any lockout ends with it. */
    public void changePassword(String password, UnaryOperator<String> hash) {
        PasswordPolicy.check(username, password);
        this.passwordHash = hash.apply(password);
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    /**
     * Changes the password the person knows: the current one must be right (checked by the caller, which counts a
     * wrong one like a failed login), the new one follow the policy and differ from the current one.
     */
    public void replacePassword(String currentPassword, String newPassword, UnaryOperator<String> hash) {
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new RuleViolation("password", "identity.rule.passwordUnchanged",
                    "The new password must differ from the current one.");
        }
        changePassword(newPassword, hash);
    }

    /** Keeps the language the person reads: {@link #FRENCH} or {@link #ENGLISH}. */
    public void chooseLanguage(String code) {
        if (!FRENCH.equals(code) && !ENGLISH.equals(code)) {
            throw new RuleViolation("language", "identity.rule.languageUnknown",
                    "The language is 'fr' (French) or 'en' (English).");
        }
        this.language = code;
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    /** Whether a correct password would open the account now: enabled and not locked. */
    public boolean canLogIn(Instant now) {
        return enabled && !isLocked(now);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a failed login. The {@code maxFailures}-th failure in a row locks the account for {@code lock};
     * the count starts again once a lock has expired. Returns whether this failure locked the account.
     */
    public boolean recordFailedLogin(Instant now, int maxFailures, Duration lock) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            lockedUntil = null;
            failedLogins = 0;
        }
        if (isLocked(now)) {
            return false;
        }
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = now.plus(lock);
            return true;
        }
        return false;
    }

    /**
     * Whether a successful login would change nothing that matters: no failure to forget, no lockout to clear. Then
     * a login needs neither the account's lock nor a write (only, now and then, the time of the last login).
     */
    public boolean hasNothingToReset() {
        return failedLogins == 0 && lockedUntil == null;
    }

    /** A successful login clears the failures. */
    public void recordSuccessfulLogin(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Optional<Long> organisationId() {
        return Optional.ofNullable(organisationId);
    }

    public Set<Role> roles() {
        return Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    }

    public boolean enabled() {
        return enabled;
    }

    public String language() {
        return language;
    }

    public int failedLogins() {
        return failedLogins;
    }

    public Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    public Optional<Instant> lastLoginAt() {
        return Optional.ofNullable(lastLoginAt);
    }

    public int version() {
        return version;
    }
}
