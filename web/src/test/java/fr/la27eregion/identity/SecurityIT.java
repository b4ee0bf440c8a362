package fr.la27eregion.identity;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.identity.security.PlatformAuthentication;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access control on a real Payara Micro and PostgreSQL, from outside as a client would: HTTP Basic on the API,
 * lockout, and the authorization matrix of every boundary method and every REST endpoint.
 *
 * <p>The matrix tables below are the decisions. The methods and endpoints are found in the compiled code
 * ({@code @Stateless} and {@code @Singleton} classes of the EJB module, {@code @Path} resources of the web module),
 * so a new method or
 * endpoint without a line here fails {@link #everyBoundaryMethodHasADecision()} or
 * {@link #everyEndpointHasADecision()}. The test accounts (one per role) come from {@link TestAccounts}. The matrix
 * runs twice, with each account's password (HTTP Basic) and with a read-write personal access token of the
 * account: a token allows exactly what its account's roles allow.
 */
class SecurityIT {

    /** How the matrix's callers authenticate. */
    enum Credentials {
        BASIC,
        TOKEN
    }

    /** A read-write token of each test account, made once for the run (by the account itself). */
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Who calls: anonymous (no credentials) or the test account of one role. */
    static final String ANONYMOUS = "ANONYMOUS";
    /** No web caller, whatever their role: only the container (a timer) calls it. */
    static final Set<String> NOBODY = Set.of();
    static final Set<String> EVERYONE = callers(true, Role.values());
    static final Set<String> ANY_ACCOUNT = callers(false, Role.values());
    static final Set<String> ADMIN = callers(false, Role.NETWORK_ADMIN);
    static final Set<String> AUDIT = callers(false, Role.AUDITOR, Role.NETWORK_ADMIN);
    /** The secretariat and the organisation's coordinators (which organisation: the scoping tests). */
    static final Set<String> EDITORS = callers(false, Role.NETWORK_ADMIN, Role.MEMBER_COORDINATOR);
    /** Who reads an organisation's non-public records (which organisation: the scoping tests). */
    static final Set<String> READERS = callers(false, Role.NETWORK_ADMIN, Role.AUDITOR, Role.MEMBER_COORDINATOR,
            Role.CONTRIBUTOR);
    /** Who records projects and moves them (which organisation's: ProjectVisibilityIT). */
    static final Set<String> PROJECT_WRITERS = callers(false, Role.NETWORK_ADMIN, Role.MEMBER_COORDINATOR,
            Role.CONTRIBUTOR);
    /** The reviewers (which assessments: LabelReviewIT, the scope in the query). */
    static final Set<String> REVIEWERS = callers(false, Role.REVIEWER);
    /** Who reads a review: the secretariat, auditors, a campaign's jury chair, its reviewers (LabelReviewIT). */
    static final Set<String> REVIEW_READERS = callers(false, Role.NETWORK_ADMIN, Role.AUDITOR, Role.JURY,
            Role.REVIEWER);
    /** Who reads a campaign's jury ranking: the secretariat, auditors, its jury chair (JuryIT). */
    static final Set<String> JURY_READERS = callers(false, Role.NETWORK_ADMIN, Role.AUDITOR, Role.JURY);
    /** Who starts and answers label applications (which organisation's: LabelApplicationsIT). */
    static final Set<String> APPLICANTS = callers(false, Role.MEMBER_COORDINATOR, Role.CONTRIBUTOR);

    /** Boundary method ({@code Class#method}) → who may call it. */
    static final Map<String, Set<String>> BOUNDARIES = new TreeMap<>(Map.ofEntries(
            Map.entry("fr.la27eregion.referential.boundary.Territories#all", EVERYONE),
            Map.entry("fr.la27eregion.referential.boundary.Territories#ofKind", EVERYONE),
            Map.entry("fr.la27eregion.referential.boundary.Territories#byCode", EVERYONE),
            Map.entry("fr.la27eregion.referential.boundary.Themes#all", EVERYONE),
            // content of the public pages: written by the secretariat, read in every state by it and auditors
            Map.entry("fr.la27eregion.content.boundary.Contents#create", ADMIN),
            Map.entry("fr.la27eregion.content.boundary.Contents#update", ADMIN),
            Map.entry("fr.la27eregion.content.boundary.Contents#step", ADMIN),
            Map.entry("fr.la27eregion.content.boundary.Contents#projectChoices", ADMIN),
            Map.entry("fr.la27eregion.content.boundary.Contents#list", AUDIT),
            Map.entry("fr.la27eregion.content.boundary.Contents#find", AUDIT),
            Map.entry("fr.la27eregion.content.boundary.Contents#possible", AUDIT),
            // what is published, for everyone (ContentIT: nothing unpublished reaches them)
            Map.entry("fr.la27eregion.content.boundary.PublishedContent#single", EVERYONE),
            Map.entry("fr.la27eregion.content.boundary.PublishedContent#themeIntroduction", EVERYONE),
            Map.entry("fr.la27eregion.content.boundary.PublishedContent#published", EVERYONE),
            Map.entry("fr.la27eregion.content.boundary.PublishedContent#latest", EVERYONE),
            Map.entry("fr.la27eregion.content.boundary.PublishedContent#explainersOf", EVERYONE),
            Map.entry("fr.la27eregion.content.boundary.PublishedContent#featuredProjects", EVERYONE),
            Map.entry("fr.la27eregion.content.boundary.PublishedContent#themeProjects", EVERYONE),
            Map.entry("fr.la27eregion.content.boundary.PublishedContent#themeLabels", EVERYONE),
            // fired by the schema migration at start; with demo data off it does nothing whoever calls it
            Map.entry("fr.la27eregion.platform.demo.DemoData#load", EVERYONE),
            // the first administrator, when the schema is ready (an observer: no web caller; does nothing unless
            // configured and no administrator exists)
            Map.entry("fr.la27eregion.identity.boundary.FirstAdministrator#createIfNone", EVERYONE),
            // nobody is authenticated yet when a login is checked
            Map.entry("fr.la27eregion.identity.boundary.Logins#check", EVERYONE),
            // the mechanism checks the account of an open session before the container knows the caller
            Map.entry("fr.la27eregion.identity.boundary.Logins#stillAllowed", EVERYONE),
            // likewise: an intranet session is checked in the shared registry (ended since? its account disabled
            // since?) before the container knows the caller
            Map.entry("fr.la27eregion.identity.boundary.Logins#stillSignedIn", EVERYONE),
            Map.entry("fr.la27eregion.identity.boundary.Logins#logout", ANY_ACCOUNT),
            // an interactive login is recorded as the session opens, before the container knows the caller
            Map.entry("fr.la27eregion.identity.boundary.Logins#recordLogin", EVERYONE),
            // a refused bearer token (or Basic while it is off) is recorded before anyone is authenticated
            Map.entry("fr.la27eregion.identity.boundary.Logins#refusedCredential", EVERYONE),
            // every use case writes the journal in its own transaction as whoever acts; without a transaction
            // the container refuses the call (MANDATORY), which the probe counts as allowed: not a role check
            Map.entry("fr.la27eregion.journal.control.Journal#append", EVERYONE),
            Map.entry("fr.la27eregion.journal.boundary.JournalAudit#verify", AUDIT),
            Map.entry("fr.la27eregion.journal.boundary.JournalAudit#history", AUDIT),
            Map.entry("fr.la27eregion.journal.boundary.JournalAudit#lastVerification", AUDIT),
            Map.entry("fr.la27eregion.audit.boundary.Exports#exportJournal", AUDIT),
            Map.entry("fr.la27eregion.audit.boundary.Exports#exportTimeline", AUDIT),
            Map.entry("fr.la27eregion.audit.boundary.Exports#exportStatistics", AUDIT),
            Map.entry("fr.la27eregion.audit.boundary.Exports#mine", AUDIT),
            Map.entry("fr.la27eregion.audit.boundary.Exports#file", AUDIT),
            Map.entry("fr.la27eregion.audit.boundary.Exports#manifest", AUDIT),
            // the background writing of an export, called as the auditor who asked for it
            Map.entry("fr.la27eregion.audit.control.ExportRunner#run", AUDIT),
            Map.entry("fr.la27eregion.audit.control.ExportCompletion#done", AUDIT),
            Map.entry("fr.la27eregion.audit.control.ExportCompletion#failed", AUDIT),
            // the journal browser and its filters' choices (which entries: JournalBrowseIT)
            Map.entry("fr.la27eregion.journal.boundary.JournalAudit#browse", AUDIT),
            Map.entry("fr.la27eregion.journal.boundary.JournalAudit#actions", AUDIT),
            Map.entry("fr.la27eregion.journal.boundary.JournalAudit#entityTypes", AUDIT),
            Map.entry("fr.la27eregion.journal.boundary.JournalAudit#organisations", AUDIT),
            Map.entry("fr.la27eregion.journal.boundary.JournalAudit#programmes", AUDIT),
            // the auditor's workspace: read-only, for auditors and the secretariat (RecordTimelineIT, StatisticsIT)
            Map.entry("fr.la27eregion.journal.boundary.RecordTimelines#entries", AUDIT),
            Map.entry("fr.la27eregion.journal.boundary.RecordTimelines#stateAt", AUDIT),
            Map.entry("fr.la27eregion.audit.boundary.AuditStatistics#applicationsPerState", AUDIT),
            Map.entry("fr.la27eregion.audit.boundary.AuditStatistics#applicationsPerCampaign", AUDIT),
            Map.entry("fr.la27eregion.audit.boundary.AuditStatistics#stepTimes", AUDIT),
            Map.entry("fr.la27eregion.audit.boundary.AuditStatistics#reviewerLoad", AUDIT),
            Map.entry("fr.la27eregion.audit.boundary.AuditStatistics#membershipsPerMonth", AUDIT),
            Map.entry("fr.la27eregion.audit.boundary.AuditStatistics#programmes", AUDIT),
            Map.entry("fr.la27eregion.audit.boundary.AuditStatistics#campaigns", AUDIT),
            Map.entry("fr.la27eregion.journal.boundary.JournalAudit#startVerification", AUDIT),
            Map.entry("fr.la27eregion.journal.boundary.JournalAudit#progress", AUDIT),
            Map.entry("fr.la27eregion.journal.boundary.JournalAudit#verifications", AUDIT),
            // anchoring adds a proof about the journal and changes no record: auditors may do it too
            // an auditor changes nothing, not even the anchors: the secretariat anchors now (the timer every day)
            Map.entry("fr.la27eregion.journal.boundary.JournalAnchors#anchorNow", ADMIN),
            Map.entry("fr.la27eregion.journal.boundary.JournalAnchors#verify", AUDIT),
            Map.entry("fr.la27eregion.journal.boundary.JournalAnchors#newest", AUDIT),
            Map.entry("fr.la27eregion.journal.boundary.JournalSchedule#run", NOBODY),
            // each role's home: what waits for the caller, scoped in the queries (which records: HomeIT)
            Map.entry("fr.la27eregion.home.boundary.WaitingWork#home", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.home.boundary.WaitingWork#counts", ANY_ACCOUNT),
            // the intranet's search box: each kind scoped as its own list, in the queries (which records: SearchIT)
            Map.entry("fr.la27eregion.home.boundary.Search#find", ANY_ACCOUNT),
            // personal access tokens: one's own for every account, anyone's for the secretariat; a token is checked
            // before the container knows the caller, like a login
            Map.entry("fr.la27eregion.identity.boundary.AccessTokens#create", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.identity.boundary.AccessTokens#mine", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.identity.boundary.AccessTokens#revokeMine", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.identity.boundary.AccessTokens#ofAccount", ADMIN),
            Map.entry("fr.la27eregion.identity.boundary.AccessTokens#revoke", ADMIN),
            Map.entry("fr.la27eregion.identity.boundary.AccessTokens#authenticate", EVERYONE),
            // what authenticate writes (a refusal, the time of a use), in a transaction of its own: before anyone
            // is authenticated too
            Map.entry("fr.la27eregion.identity.boundary.AccessTokens#record", EVERYONE),
            // "My account": every account, its own only (the caller's principal names it: no id to pass)
            Map.entry("fr.la27eregion.identity.boundary.MyAccount#me", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.identity.boundary.MyAccount#changePassword", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.identity.boundary.MyAccount#changeLanguage", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.identity.boundary.MyAccount#sessions", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.identity.boundary.MyAccount#endSession", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.identity.boundary.MyAccount#endOtherSessions", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.identity.boundary.Accounts#page", ADMIN),
            Map.entry("fr.la27eregion.identity.boundary.Accounts#count", ADMIN),
            Map.entry("fr.la27eregion.identity.boundary.Accounts#create", ADMIN),
            Map.entry("fr.la27eregion.identity.boundary.Accounts#disable", ADMIN),
            Map.entry("fr.la27eregion.identity.boundary.Accounts#enable", ADMIN),
            Map.entry("fr.la27eregion.identity.boundary.Accounts#changeRoles", ADMIN),
            Map.entry("fr.la27eregion.identity.boundary.Accounts#requestPasswordReset", ADMIN),
            // the one-time link is the proof
            Map.entry("fr.la27eregion.identity.boundary.Accounts#resetPassword", EVERYONE),
            // an organisation that is not a member yet has no account: the secretariat's review is the gate
            Map.entry("fr.la27eregion.membership.boundary.Organisations#apply", EVERYONE),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#find", EVERYONE),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#members", EVERYONE),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#regionStates", EVERYONE),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#search", AUDIT),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#mine", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#contacts", READERS),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#contactNames", READERS),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#timeline", READERS),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#updateProfile", EDITORS),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#addContact", EDITORS),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#eraseContact", ADMIN),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#removedContacts", ADMIN),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#updateContact", EDITORS),
            Map.entry("fr.la27eregion.membership.boundary.Organisations#removeContact", EDITORS),
            Map.entry("fr.la27eregion.membership.boundary.Memberships#desk", AUDIT),
            Map.entry("fr.la27eregion.membership.boundary.Memberships#count", AUDIT),
            Map.entry("fr.la27eregion.membership.boundary.Memberships#countsByState", AUDIT),
            Map.entry("fr.la27eregion.membership.boundary.Memberships#find", READERS),
            Map.entry("fr.la27eregion.membership.boundary.Memberships#ofOrganisation", READERS),
            Map.entry("fr.la27eregion.membership.boundary.Memberships#actions", READERS),
            Map.entry("fr.la27eregion.membership.boundary.Memberships#perform", EDITORS),
            Map.entry("fr.la27eregion.membership.boundary.Memberships#move", EDITORS),
            Map.entry("fr.la27eregion.membership.boundary.Memberships#renewAll", ADMIN),
            // the daily job's steps: they only do what is due (a lapse past the grace period, one reminder per
            // period), whoever calls, and no endpoint or page calls them
            Map.entry("fr.la27eregion.membership.boundary.MembershipDeadlines#today", EVERYONE),
            Map.entry("fr.la27eregion.membership.boundary.MembershipDeadlines#dueToLapse", EVERYONE),
            Map.entry("fr.la27eregion.membership.boundary.MembershipDeadlines#dueForReminder", EVERYONE),
            Map.entry("fr.la27eregion.membership.boundary.MembershipDeadlines#lapse", EVERYONE),
            Map.entry("fr.la27eregion.membership.boundary.MembershipDeadlines#remind", EVERYONE),
            Map.entry("fr.la27eregion.platform.schedule.JobRuns#claim", EVERYONE),
            // @Singleton beans. The daily job runs from the container's timer only: refused to every web caller
            Map.entry("fr.la27eregion.membership.boundary.MembershipSchedule#run", NOBODY),
            // the outbox only sends what is queued or due, whoever asks, and no endpoint or page calls it; the
            // observer and the asynchronous sender are called by the container after a commit
            Map.entry("fr.la27eregion.notification.boundary.FailedMails#count", ADMIN),
            Map.entry("fr.la27eregion.notification.boundary.FailedMails#page", ADMIN),
            Map.entry("fr.la27eregion.notification.boundary.FailedMails#requeue", ADMIN),
            Map.entry("fr.la27eregion.notification.boundary.Outbox#sendDue", EVERYONE),
            Map.entry("fr.la27eregion.notification.boundary.Outbox#queued", EVERYONE),
            Map.entry("fr.la27eregion.notification.boundary.Outbox#send", EVERYONE),
            // whether the schema is migrated: the readiness check asks it, and it tells nothing else
            Map.entry("fr.la27eregion.platform.database.Migrations#applied", EVERYONE),
            Map.entry("fr.la27eregion.notification.boundary.Notices#of", READERS),
            Map.entry("fr.la27eregion.notification.boundary.Notices#unread", READERS),
            Map.entry("fr.la27eregion.notification.boundary.Notices#markRead",
                    callers(false, Role.MEMBER_COORDINATOR, Role.CONTRIBUTOR)),
            Map.entry("fr.la27eregion.notification.boundary.Notices#text", READERS),
            // which project's: ProjectAttachmentsIT (the scope is in the query: out of sight is a 404)
            Map.entry("fr.la27eregion.project.boundary.ProjectAttachments#list", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.ProjectAttachments#find", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.ProjectAttachments#download", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.ProjectAttachments#mayChange", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.ProjectAttachments#attach", PROJECT_WRITERS),
            Map.entry("fr.la27eregion.project.boundary.ProjectAttachments#detach", PROJECT_WRITERS),
            Map.entry("fr.la27eregion.project.boundary.ProjectAttachments#requireChange", PROJECT_WRITERS),
            // projects: the scope in the query decides which (ProjectVisibilityIT); the table which steps
            Map.entry("fr.la27eregion.project.boundary.Projects#create", PROJECT_WRITERS),
            Map.entry("fr.la27eregion.project.boundary.Projects#update", PROJECT_WRITERS),
            Map.entry("fr.la27eregion.project.boundary.Projects#step", PROJECT_WRITERS),
            Map.entry("fr.la27eregion.project.boundary.Projects#stage", PROJECT_WRITERS),
            Map.entry("fr.la27eregion.project.boundary.Projects#organisationsNamed", PROJECT_WRITERS),
            Map.entry("fr.la27eregion.project.boundary.Projects#mine", READERS),
            Map.entry("fr.la27eregion.project.boundary.Projects#countMine", READERS),
            Map.entry("fr.la27eregion.project.boundary.Projects#find", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.Projects#scope", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.Projects#possible", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.Projects#possibleStages", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.Projects#edits", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.Projects#history", EVERYONE),
            // the search: the scope in the query decides which projects are found (ProjectSearchIT)
            Map.entry("fr.la27eregion.project.boundary.ProjectSearch#search", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.ProjectSearch#page", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.ProjectSearch#count", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.ProjectSearch#similar", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.ProjectSearch#similarPublic", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.ProjectSearch#publicProject", EVERYONE),
            Map.entry("fr.la27eregion.project.boundary.ProjectSearch#publicSlug", EVERYONE),
            // labels: review. Which applications and assessments: LabelReviewIT (out of a reviewer's review: 404)
            Map.entry("fr.la27eregion.label.boundary.Assessments#suggest", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.Assessments#assign", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.Assessments#assignSuggested", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.Assessments#mine", REVIEWERS),
            Map.entry("fr.la27eregion.label.boundary.Assessments#save", REVIEWERS),
            Map.entry("fr.la27eregion.label.boundary.Assessments#submit", REVIEWERS),
            Map.entry("fr.la27eregion.label.boundary.Assessments#recuse", REVIEWERS),
            Map.entry("fr.la27eregion.label.boundary.Assessments#ofApplication", REVIEW_READERS),
            Map.entry("fr.la27eregion.label.boundary.Assessments#application", REVIEW_READERS),
            // labels: the secretariat's pages read these (accounts to choose from, progress, grid usage)
            Map.entry("fr.la27eregion.label.boundary.LabelDesk#juryMembers", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.LabelDesk#reviewers", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.LabelDesk#campaigns", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.LabelDesk#applications", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.LabelDesk#assessments", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.LabelDesk#organisationNames", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.LabelDesk#accountNames", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.LabelDesk#gridCampaigns", ADMIN),
            // labels: the application's PDF, every role reads some application (its applicant's people, the
            // review's readers). Which application, blind or whole: ApplicationPdfIT
            Map.entry("fr.la27eregion.label.boundary.ApplicationDocuments#pdf", ANY_ACCOUNT),
            // labels: jury. Which campaign: its chair only among jury accounts, 403 for another (JuryIT)
            Map.entry("fr.la27eregion.label.boundary.Juries#ranking", JURY_READERS),
            Map.entry("fr.la27eregion.label.boundary.Juries#rankingPage", JURY_READERS),
            Map.entry("fr.la27eregion.label.boundary.Juries#campaigns", JURY_READERS),
            Map.entry("fr.la27eregion.label.boundary.Juries#decide", callers(false, Role.JURY)),
            // labels: core. Programmes and their grids are public, changed by the secretariat
            Map.entry("fr.la27eregion.label.boundary.Programmes#create", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.Programmes#revise", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.Programmes#reviseGrid", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.Programmes#addTemplate", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.Programmes#all", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.Programmes#find", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.Programmes#byCode", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.Programmes#grids", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.Programmes#latestGrid", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.Programmes#criteria", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.Programmes#inUse", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.Programmes#templates",
                    callers(false, Role.NETWORK_ADMIN, Role.JURY, Role.AUDITOR)),
            // campaigns: every one for the network's accounts, the open ones for anyone (a closed one is a 404)
            Map.entry("fr.la27eregion.label.boundary.Campaigns#create", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.Campaigns#revise", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.Campaigns#all", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.label.boundary.Campaigns#open", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.Campaigns#find", EVERYONE),
            // applications: the scope in the query decides which (LabelApplicationsIT: another organisation's is
            // a 404), the table which steps
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#create", APPLICANTS),
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#answer", APPLICANTS),
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#step", PROJECT_WRITERS),
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#write", PROJECT_WRITERS),
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#messages", READERS),
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#list", READERS),
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#count", READERS),
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#history", READERS),
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#find", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#possible", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#answers", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#conversationOpen", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#applicant", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelApplications#readsConversation", EVERYONE),
            // an application's files: which application's, ApplicationAttachmentsIT (readers in the query: the
            // applicant's people, the secretariat, auditors, its assigned reviewers, its campaign's jury chair)
            Map.entry("fr.la27eregion.label.boundary.ApplicationAttachments#attach", APPLICANTS),
            Map.entry("fr.la27eregion.label.boundary.ApplicationAttachments#detach", APPLICANTS),
            Map.entry("fr.la27eregion.label.boundary.ApplicationAttachments#requireChange", APPLICANTS),
            Map.entry("fr.la27eregion.label.boundary.ApplicationAttachments#list", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.label.boundary.ApplicationAttachments#download", ANY_ACCOUNT),
            Map.entry("fr.la27eregion.label.boundary.ApplicationAttachments#ofMessages", READERS),
            Map.entry("fr.la27eregion.label.boundary.ApplicationAttachments#mayChange", EVERYONE),
            // labels: public. The register and verification tell public facts only (LabelRegisterIT)
            Map.entry("fr.la27eregion.label.boundary.LabelRegister#register", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelRegister#count", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelRegister#verify", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelRegister#openCampaigns", EVERYONE),
            // open data: public facts of public records only (OpenDataIT, PublicNoLeakIT)
            Map.entry("fr.la27eregion.opendata.boundary.OpenData#read", EVERYONE),
            Map.entry("fr.la27eregion.opendata.boundary.OpenData#modified", EVERYONE),
            Map.entry("fr.la27eregion.opendata.boundary.OpenData#news", EVERYONE),
            // labels: their life. Which organisation's: LabelsIT (out of scope is a 404); steps by the table
            Map.entry("fr.la27eregion.label.boundary.Labels#find", READERS),
            Map.entry("fr.la27eregion.label.boundary.Labels#list", READERS),
            Map.entry("fr.la27eregion.label.boundary.Labels#count", READERS),
            Map.entry("fr.la27eregion.label.boundary.Labels#history", READERS),
            Map.entry("fr.la27eregion.label.boundary.Labels#certificate", READERS),
            Map.entry("fr.la27eregion.label.boundary.Labels#step", ADMIN),
            Map.entry("fr.la27eregion.label.boundary.Labels#renew", APPLICANTS),
            Map.entry("fr.la27eregion.label.boundary.Labels#possible", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.Labels#renewalCampaigns", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.Labels#renewalApplication", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.Labels#ofApplication", EVERYONE),
            // the daily label job: only what is due, as the membership's deadlines; the job from its timer only
            Map.entry("fr.la27eregion.label.boundary.LabelDeadlines#today", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelDeadlines#dueToExpire", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelDeadlines#expire", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelDeadlines#dueForRenewalReminder", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelDeadlines#remindRenewal", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelDeadlines#closingSoon", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelDeadlines#remindClosing", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelDeadlines#reviewsToRemind", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelDeadlines#remindReviewer", EVERYONE),
            Map.entry("fr.la27eregion.label.boundary.LabelSchedule#run", NOBODY)));

    /** REST endpoint ({@code METHOD /path}) → who may call it. */
    static final Map<String, Set<String>> ENDPOINTS = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/v1/territories", EVERYONE),
            Map.entry("GET /api/v1/territories/{code}", EVERYONE),
            Map.entry("GET /api/v1/themes", EVERYONE),
            Map.entry("GET /api/v1/me", ANY_ACCOUNT),
            Map.entry("GET /api/v1/account", ANY_ACCOUNT),
            Map.entry("PUT /api/v1/account/language", ANY_ACCOUNT),
            Map.entry("POST /api/v1/account/password", ANY_ACCOUNT),
            Map.entry("GET /api/v1/home", ANY_ACCOUNT),
            Map.entry("GET /api/v1/search", ANY_ACCOUNT),
            Map.entry("GET /api/v1/accounts", ADMIN),
            Map.entry("GET /api/v1/content-items", AUDIT),
            Map.entry("GET /api/v1/content-items/{id}", AUDIT),
            Map.entry("POST /api/v1/content-items", ADMIN),
            Map.entry("PUT /api/v1/content-items/{id}", ADMIN),
            Map.entry("POST /api/v1/content-items/{id}/transitions", ADMIN),
            Map.entry("GET /api/v1/journal", AUDIT),
            Map.entry("GET /api/v1/journal/verify", AUDIT),
            Map.entry("POST /api/v1/exports", AUDIT),
            Map.entry("GET /api/v1/exports", AUDIT),
            Map.entry("GET /api/v1/exports/{id}", AUDIT),
            Map.entry("GET /api/v1/exports/{id}/file", AUDIT),
            Map.entry("GET /api/v1/exports/{id}/manifest", AUDIT),
            Map.entry("GET /api/v1/records/{type}/{id}/timeline", AUDIT),
            Map.entry("GET /api/v1/journal/anchors", AUDIT),
            Map.entry("POST /api/v1/journal/anchors", ADMIN),
            Map.entry("GET /api/v1/journal/anchors/verify", AUDIT),
            Map.entry("GET /api/v1/organisations", EVERYONE),
            Map.entry("GET /api/v1/organisations/{id}", EVERYONE),
            // an organisation that is not a member yet has no account: the secretariat's review is the gate
            Map.entry("POST /api/v1/organisations", EVERYONE),
            // which organisation's: MembershipScopingIT
            Map.entry("GET /api/v1/organisations/{id}/contacts", READERS),
            Map.entry("GET /api/v1/organisations/{id}/memberships", READERS),
            Map.entry("GET /api/v1/memberships/{id}", READERS),
            Map.entry("POST /api/v1/memberships/{id}/transitions", EDITORS),
            Map.entry("POST /api/v1/contacts/{id}/erasure", ADMIN),
            // which project's: ProjectsApiIT (a project out of sight is a 404)
            Map.entry("GET /api/v1/projects", EVERYONE),
            Map.entry("GET /api/v1/projects/{id}", EVERYONE),
            Map.entry("POST /api/v1/projects", PROJECT_WRITERS),
            Map.entry("PUT /api/v1/projects/{id}", PROJECT_WRITERS),
            Map.entry("POST /api/v1/projects/{id}/transitions", PROJECT_WRITERS),
            Map.entry("GET /api/v1/projects/{projectId}/attachments", EVERYONE),
            Map.entry("GET /api/v1/projects/{projectId}/attachments/{attachmentId}", EVERYONE),
            Map.entry("POST /api/v1/projects/{projectId}/attachments", PROJECT_WRITERS),
            Map.entry("DELETE /api/v1/projects/{projectId}/attachments/{attachmentId}", PROJECT_WRITERS),
            // labels: review. Which application's: LabelReviewIT (out of a reviewer's review: 404)
            Map.entry("GET /api/v1/label-applications/{id}/assessments", REVIEW_READERS),
            Map.entry("POST /api/v1/label-applications/{id}/assessments", ADMIN),
            Map.entry("GET /api/v1/label-applications/{id}/assessments/suggestions", ADMIN),
            Map.entry("PUT /api/v1/label-applications/{id}/assessments/{assessmentId}", REVIEWERS),
            Map.entry("POST /api/v1/label-applications/{id}/assessments/{assessmentId}/submit", REVIEWERS),
            Map.entry("POST /api/v1/label-applications/{id}/assessments/{assessmentId}/recuse", REVIEWERS),
            Map.entry("GET /api/v1/reviews", REVIEWERS),
            Map.entry("GET /api/v1/reviews/{applicationId}", REVIEW_READERS),
            Map.entry("GET /api/v1/label-applications/{id}/pdf", ANY_ACCOUNT),
            Map.entry("POST /api/v1/reviews/assignments", ADMIN),
            // labels: core
            Map.entry("GET /api/v1/label-programmes", EVERYONE),
            Map.entry("GET /api/v1/label-programmes/{id}", EVERYONE),
            Map.entry("POST /api/v1/label-programmes", ADMIN),
            Map.entry("PUT /api/v1/label-programmes/{id}", ADMIN),
            Map.entry("POST /api/v1/label-programmes/{id}/grids", ADMIN),
            Map.entry("GET /api/v1/campaigns", EVERYONE),
            Map.entry("GET /api/v1/campaigns/{id}", EVERYONE),
            Map.entry("POST /api/v1/campaigns", ADMIN),
            Map.entry("PUT /api/v1/campaigns/{id}", ADMIN),
            Map.entry("GET /api/v1/campaigns/{id}/jury", JURY_READERS),
            // which application's: LabelApplicationsIT (out of scope is a 404)
            Map.entry("GET /api/v1/label-applications", READERS),
            Map.entry("GET /api/v1/label-applications/{id}", EVERYONE),
            Map.entry("POST /api/v1/label-applications", APPLICANTS),
            Map.entry("PUT /api/v1/label-applications/{id}/answers", APPLICANTS),
            // probed with SUBMIT; AWARD and REJECT are the campaign's jury chair's only (JuryIT: the secretariat 403)
            Map.entry("POST /api/v1/label-applications/{id}/transitions", PROJECT_WRITERS),
            Map.entry("GET /api/v1/label-applications/{id}/messages", READERS),
            Map.entry("POST /api/v1/label-applications/{id}/messages", PROJECT_WRITERS),
            // which application's: ApplicationAttachmentsIT (out of reach is a 404)
            Map.entry("GET /api/v1/label-applications/{id}/attachments", ANY_ACCOUNT),
            Map.entry("GET /api/v1/label-applications/{id}/attachments/{attachmentId}", ANY_ACCOUNT),
            Map.entry("POST /api/v1/label-applications/{id}/attachments", APPLICANTS),
            Map.entry("DELETE /api/v1/label-applications/{id}/attachments/{attachmentId}", APPLICANTS),
            // labels: public (an unknown code is a 404 for everyone: the roles let every caller in)
            Map.entry("GET /api/v1/labels", EVERYONE),
            Map.entry("GET /api/v1/labels/verify/{code}", EVERYONE),
            // which label's: LabelsIT (out of scope is a 404)
            Map.entry("GET /api/v1/labels/{id}", READERS),
            Map.entry("POST /api/v1/labels/{id}/transitions", ADMIN),
            Map.entry("GET /api/v1/labels/{id}/certificate", READERS),
            Map.entry("POST /api/v1/labels/{id}/renewals", APPLICANTS)));

    /**
     * The value put in each path parameter of the matrix's calls. No record has the id 0: a boundary checks the
     * caller's roles before it looks the record up, so a 404 means the roles let the caller in (which
     * organisation's records they then reach is MembershipScopingIT's).
     */
    static final Map<String, String> PATH_VALUES = Map.of("{code}", "FR-53", "{id}", "0", "{projectId}", "0",
            "{attachmentId}", "0", "{assessmentId}", "0", "{applicationId}", "0", "{type}", "organisation");

    /**
     * The body of the matrix's call to each endpoint that takes one: well-formed, so the call reaches the
     * boundary's decision (a body refused as unreadable would hide it behind a 400 for every caller), and unable
     * to change anything.
     */
    static final Map<String, String> PROBE_BODIES = Map.ofEntries(
            // no organisation details: the application reaches the boundary, open to everyone, which refuses it
            // with a 422 (kind required) for every caller and stores nothing, so no probe leaves a test organisation
            Map.entry("POST /api/v1/organisations", "{}"),
            // a version no account has: 409 once the roles are let through, nothing changed
            Map.entry("PUT /api/v1/account/language", "{\"language\": \"en\", \"version\": -1}"),
            // takes no body (sent empty JSON): each allowed probe anchors the head, which changes no record
            Map.entry("POST /api/v1/journal/anchors", "{}"),
            // no kind: 422 once the role is let through, nothing written
            Map.entry("POST /api/v1/content-items", "{}"),
            // an item no one has: 404 once the role is let through
            Map.entry("PUT /api/v1/content-items/{id}", "{\"version\": 0}"),
            Map.entry("POST /api/v1/content-items/{id}/transitions", "{\"action\": \"PUBLISH\", \"version\": 0}"),
            // a version no contact has: 409 (or 404) once the role is let through, nothing erased
            Map.entry("POST /api/v1/contacts/{id}/erasure", "{\"version\": -1}"),
            // a confirmation that differs: 422 once the roles are let through, no password checked or changed
            Map.entry("POST /api/v1/account/password",
                    "{\"current\": \"x\", \"password\": \"y\", \"confirmation\": \"z\", \"version\": -1}"),
            // a valid transition of membership 0, which does not exist: 404 once the roles are let through
            Map.entry("POST /api/v1/memberships/{id}/transitions", "{\"action\": \"REVIEW\", \"version\": 0}"),
            // no details: refused with a 422 (title required) once the roles are let through; nothing recorded
            Map.entry("POST /api/v1/projects", "{}"),
            // project 0 does not exist: 404 once the roles are let through
            Map.entry("PUT /api/v1/projects/{id}", "{\"version\": 0, \"title\": \"Essai\"}"),
            Map.entry("POST /api/v1/projects/{id}/transitions", "{\"action\": \"SHARE\", \"version\": 0}"),
            // project 0 does not exist: 404 once the roles are let through, before the body is read
            Map.entry("POST /api/v1/projects/{projectId}/attachments", "{}"),
            // labels: review. Application 0 and assessment 0 do not exist: 404 once the roles are let through
            Map.entry("POST /api/v1/label-applications/{id}/assessments",
                    "{\"reviewerAccountId\": 0, \"dueOn\": \"2999-01-01\"}"),
            Map.entry("PUT /api/v1/label-applications/{id}/assessments/{assessmentId}", "{\"version\": 0}"),
            Map.entry("POST /api/v1/label-applications/{id}/assessments/{assessmentId}/submit", "{\"version\": 0}"),
            Map.entry("POST /api/v1/label-applications/{id}/assessments/{assessmentId}/recuse",
                    "{\"version\": 0, \"reason\": \"Essai\"}"),
            // no application: nothing assigned, 200 with an empty list for the secretariat
            Map.entry("POST /api/v1/reviews/assignments", "{\"applicationIds\": [], \"dueOn\": \"2999-01-01\"}"),
            // labels: no details, refused with a 422 once the roles are let through; nothing recorded
            Map.entry("POST /api/v1/label-programmes", "{}"),
            Map.entry("POST /api/v1/campaigns", "{}"),
            // programme, campaign, application 0 do not exist: 404 once the roles are let through
            Map.entry("PUT /api/v1/label-programmes/{id}", "{\"version\": 0, \"code\": \"X\"}"),
            Map.entry("POST /api/v1/label-programmes/{id}/grids", "{\"version\": 0, \"criteria\": []}"),
            Map.entry("PUT /api/v1/campaigns/{id}", "{\"version\": 0}"),
            Map.entry("POST /api/v1/label-applications", "{\"campaignId\": 0, \"projectId\": 0}"),
            Map.entry("PUT /api/v1/label-applications/{id}/answers", "{\"version\": 0, \"answers\": []}"),
            Map.entry("POST /api/v1/label-applications/{id}/transitions", "{\"action\": \"SUBMIT\", \"version\": 0}"),
            Map.entry("POST /api/v1/label-applications/{id}/messages", "{\"body\": \"Essai\"}"),
            // application 0 does not exist: 404 once the roles are let through, before the body is read
            Map.entry("POST /api/v1/label-applications/{id}/attachments", "{}"),
            // label 0 does not exist: 404 once the roles are let through
            Map.entry("POST /api/v1/labels/{id}/transitions",
                    "{\"action\": \"SUSPEND\", \"version\": 0, \"reason\": \"Essai\"}"),
            Map.entry("POST /api/v1/labels/{id}/renewals", "{\"campaignId\": 0}"),
            // the export's parameters are in the query: without a format, the boundary refuses it with a 422 once
            // the roles are let through, and nothing is asked for
            Map.entry("POST /api/v1/exports", ""));

    final URL base = TestServer.url();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    // ----- HTTP Basic -----

    @Test
    void goodCredentialsGiveTheCallerAndTheirRoles() throws Exception {
        HttpResponse<String> response = get("api/v1/me", TestAccounts.of(Role.AUDITOR), TestAccounts.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject me = object(response.body());
        assertThat(me.getString("username")).isEqualTo("auditor");
        assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("AUDITOR");
        assertThat(response.headers().firstValue("Set-Cookie")).as("no session for machine clients").isEmpty();
    }

    @Test
    void badCredentialsAreA401ProblemThatRevealsNothing() throws Exception {
        HttpResponse<String> wrongPassword = get("api/v1/me", "jury", "not the password at all");
        HttpResponse<String> unknownAccount = get("api/v1/me", "nobody-here", "not the password at all");
        for (HttpResponse<String> response : List.of(wrongPassword, unknownAccount)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            // the shared server has Basic on and an identity provider: both schemes are offered, one header each
            assertThat(response.headers().allValues("WWW-Authenticate"))
                    .containsExactly(PlatformAuthentication.BEARER_CHALLENGE, PlatformAuthentication.BASIC_CHALLENGE);
        }
        assertThat(object(wrongPassword.body()).getString("detail"))
                .isEqualTo(object(unknownAccount.body()).getString("detail"));
    }

    @Test
    void anonymousCallsReachThePublicEndpointsOnly() throws Exception {
        assertThat(get("api/v1/themes", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> me = get("api/v1/me", null, null);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // refused by a boundary's @RolesAllowed, not by the mechanism: the answer still says how to authenticate
        HttpResponse<String> contacts = get("api/v1/organisations/1/contacts", null, null);
        assertThat(contacts.statusCode()).isEqualTo(401);
        for (HttpResponse<String> response : List.of(me, contacts)) {
            assertThat(response.headers().allValues("WWW-Authenticate"))
                    .containsExactly(PlatformAuthentication.BEARER_CHALLENGE, PlatformAuthentication.BASIC_CHALLENGE);
            assertThat(object(response.body()).getString("detail")).contains("bearer token or HTTP Basic");
        }
    }

    @Test
    void aDisabledAccountNeverLogsIn() throws Exception {
        assertThat(get("api/v1/me", TestAccounts.DISABLED, TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void fiveFailuresInARowLockTheAccountEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get("api/v1/me", "lock-api", "wrong password " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = get("api/v1/me", "lock-api", TestAccounts.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(object(locked.body()).getString("detail"))
                .isEqualTo(object(get("api/v1/me", "lock-api", "wrong again").body()).getString("detail"));
        assertThat(get("api/v1/me", "reviewer", TestAccounts.PASSWORD).statusCode())
                .as("other accounts are not affected").isEqualTo(200);
    }

    // ----- pages and headers -----

    @Test
    void theIntranetSendsAnonymousReadersToTheLoginPage() throws Exception {
        HttpResponse<String> response = get("app/index.xhtml", null, null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login.xhtml");
    }

    @Test
    void everyResponseCarriesTheHardeningHeaders() throws Exception {
        for (String path : List.of("api/v1/themes", "login.xhtml", "api/v1/me")) {
            HttpResponse<String> response = get(path, null, null);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path)
                    .contains("strict-origin-when-cross-origin");
            assertThat(response.headers().allValues("Content-Security-Policy")).as(path).hasSize(1)
                    .allSatisfy(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        }
        String pagePolicy = get("login.xhtml", null, null).headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(pagePolicy).as("PrimeFaces' nonce").containsPattern("script-src 'self' 'nonce-[^']+'");
    }

    // ----- the journal of security events -----

    @Test
    void theAuditorVerifiesTheJournalThroughTheApi() throws Exception {
        get("api/v1/me", "auditor", "not the password");
        HttpResponse<String> response = get("api/v1/journal/verify", "auditor", TestAccounts.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject verification = object(response.body());
        assertThat(verification.getBoolean("intact")).as(response.body()).isTrue();
        assertThat(verification.getJsonNumber("entriesChecked").longValue()).isPositive();
        HttpResponse<String> anonymous = get("api/v1/journal/verify", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void failedAndRefusedLoginsAreJournaledWithTheirRequestIdButNotEachApiCall() throws Exception {
        HttpResponse<String> failed = get("api/v1/me", "contributor", "not the password");
        // refused logins are journaled once per client address and minute (LoginLimitsIT): this one comes from an
        // address of its own, so it is the first of its minute whatever the other tests did from the loopback
        HttpResponse<String> unknown = new ApiClient(base).from(ApiClient.uniqueAddress())
                .getWithPassword("api/v1/me", "nobody-" + System.nanoTime(), "whatever password").response();
        HttpResponse<String> success = get("api/v1/me", "jury", TestAccounts.PASSWORD);
        assertThat(success.statusCode()).isEqualTo(200);
        try (Connection db = Superuser.connect()) {
            assertThat(journaled(db, requestId(failed))).containsExactly("login.failed Account contributor");
            assertThat(journaled(db, requestId(unknown))).containsExactly("login.refused - -");
            assertThat(journaled(db, requestId(success))).as("a machine client's call is no login to journal")
                    .isEmpty();
        }
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("X-Request-Id").orElseThrow();
    }

    /** The journal entries written for one request: "action entityType entityId". */
    private static List<String> journaled(Connection db, String requestId) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT action, coalesce(entity_type, '-'), "
                + "coalesce(entity_id, '-') FROM journal_entry WHERE request_id = ? ORDER BY seq")) {
            query.setString(1, requestId);
            List<String> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
                }
            }
            return entries;
        }
    }

    // ----- the authorization matrix -----

    @Test
    void everyBoundaryMethodHasADecision() throws Exception {
        assertThat(new TreeSet<>(boundaryMethods())).isEqualTo(BOUNDARIES.keySet());
    }

    @ParameterizedTest
    @EnumSource(Credentials.class)
    void everyBoundaryMethodAllowsExactlyTheRolesOfTheTable(Credentials credentials) throws Exception {
        Map<String, String> mismatches = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> decision : BOUNDARIES.entrySet()) {
            for (String caller : EVERYONE) {
                HttpResponse<String> response = asCaller("api/test-probe?method="
                        + URLEncoder.encode(decision.getKey(), StandardCharsets.UTF_8), caller, credentials);
                assertThat(response.statusCode()).as(decision.getKey() + " as " + caller).isEqualTo(200);
                boolean allowed = response.body().equals("allowed");
                if (allowed != decision.getValue().contains(caller)) {
                    mismatches.put(decision.getKey() + " as " + caller, response.body());
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyEndpointHasADecision() throws Exception {
        assertThat(new TreeSet<>(endpoints())).isEqualTo(ENDPOINTS.keySet());
    }

    @ParameterizedTest
    @EnumSource(Credentials.class)
    void everyEndpointAllowsExactlyTheRolesOfTheTable(Credentials credentials) throws Exception {
        Map<String, Integer> mismatches = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> decision : ENDPOINTS.entrySet()) {
            String[] endpoint = decision.getKey().split(" ");
            String body = PROBE_BODIES.get(decision.getKey());
            // a DELETE, like a GET, is sent without a body: HTTP gives a DELETE body no meaning
            assertThat(body == null).as(decision.getKey() + ": a body for the probe, in PROBE_BODIES")
                    .isEqualTo(endpoint[0].equals("GET") || endpoint[0].equals("DELETE"));
            String path = endpoint[1].substring(1);
            for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
                path = path.replace(value.getKey(), value.getValue());
            }
            assertThat(path).as("a value for each path parameter, in PATH_VALUES").doesNotContain("{");
            for (String caller : EVERYONE) {
                int status = asCaller(endpoint[0], path, body, caller, credentials).statusCode();
                assertThat(status).as(decision.getKey() + " as " + caller + ": never a server failure")
                        .isLessThan(500);
                boolean allowed = status != 401 && status != 403;
                if (allowed != decision.getValue().contains(caller)) {
                    mismatches.put(decision.getKey() + " as " + caller, status);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    // ----- helpers -----

    /**
     * {@code Class#method} of every public business method of every {@code @Stateless} and {@code @Singleton} bean
     * of the platform: a singleton's public method is as reachable as a boundary's.
     */
    static List<String> boundaryMethods() throws IOException {
        List<String> found = new ArrayList<>();
        for (Class<?> type : classesIn(java.nio.file.Path.of(System.getProperty("ejb.classes", "../ejb/target/classes")))) {
            if (type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)) {
                for (Method method : type.getDeclaredMethods()) {
                    if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                            && !method.isSynthetic()) {
                        found.add(type.getName() + "#" + method.getName());
                    }
                }
            }
        }
        return found;
    }

    /** {@code METHOD /api/v1/path} of every JAX-RS resource method of the web module. */
    static List<String> endpoints() throws IOException {
        List<String> found = new ArrayList<>();
        for (Class<?> type : classesIn(java.nio.file.Path.of("target/classes"))) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class)
                        ? "POST" : method.isAnnotationPresent(PUT.class) ? "PUT"
                        : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    // a parameter's pattern ({id: \d+}) is not part of its name
                    found.add((verb + " /api/v1/" + root.value() + (sub == null ? "" : "/" + sub.value()))
                            .replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}"));
                }
            }
        }
        return found;
    }

    private static List<Class<?>> classesIn(java.nio.file.Path directory) throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(directory)) {
            return files.map(directory::relativize).map(java.nio.file.Path::toString)
                    .filter(name -> name.endsWith(".class") && name.startsWith("fr/la27eregion/"))
                    .map(name -> name.substring(0, name.length() - 6).replace('/', '.'))
                    .map(SecurityIT::load).filter(java.util.Objects::nonNull).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SecurityIT.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } catch (LinkageError needsTheServer) {
            // a class that extends a server library absent from the test class path (an EclipseLink
            // customizer): not a boundary nor a resource, since those only use the Jakarta EE API
            return null;
        }
    }

    private HttpResponse<String> asCaller(String path, String caller, Credentials credentials) throws Exception {
        return asCaller("GET", path, null, caller, credentials);
    }

    private HttpResponse<String> asCaller(String method, String path, String body, String caller,
                                          Credentials credentials) throws Exception {
        if (ANONYMOUS.equals(caller)) {
            return send(method, path, body, null, null);
        }
        String username = TestAccounts.of(Role.valueOf(caller));
        if (credentials == Credentials.TOKEN) {
            return send(method, path, body, "Bearer " + TOKENS.computeIfAbsent(username, this::token));
        }
        return send(method, path, body, username, TestAccounts.PASSWORD);
    }

    /** A new read-write token of the test account, made by the account itself. */
    private String token(String username) {
        fr.la27eregion.testing.PlatformDriver.Answer created = new fr.la27eregion.testing.PlatformDriver(base)
                .post("token", username, Map.of("name", "Matrice d'autorisation", "scope", "READ_WRITE"));
        assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
        return created.json().getString("secret");
    }

    private HttpResponse<String> get(String path, String username, String password) throws Exception {
        return send("GET", path, null, username, password);
    }

    /** A call from outside, as a client makes it: HTTP Basic when a username is given, a JSON body when any. */
    private HttpResponse<String> send(String method, String path, String body, String username, String password)
            throws Exception {
        return send(method, path, body, username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The same with the Authorization header as given (null: none). */
    private HttpResponse<String> send(String method, String path, String body, String authorization)
            throws Exception {
        String basePath = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        URI uri = new URI("http", null, "127.0.0.1", base.getPort(), basePath, null, null).resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> callers(boolean anonymous, Role... roles) {
        Set<String> callers = new TreeSet<>();
        if (anonymous) {
            callers.add(ANONYMOUS);
        }
        for (Role role : EnumSet.copyOf(List.of(roles))) {
            callers.add(role.name());
        }
        return Set.copyOf(callers);
    }

    private static JsonObject object(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
