package fr.la27eregion.audit.boundary;

import fr.la27eregion.platform.Jsons;
import fr.la27eregion.audit.control.ExportFiles;
import fr.la27eregion.audit.control.ExportRequested;
import fr.la27eregion.audit.control.ExportSources;
import fr.la27eregion.audit.control.JournalRows;
import fr.la27eregion.audit.control.StatisticsRows;
import fr.la27eregion.audit.control.TimelineRows;
import fr.la27eregion.audit.entity.ExportJob;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.journal.control.JournalFilter;
import fr.la27eregion.journal.control.RecordHistory;
import fr.la27eregion.journal.control.RecordKind;
import fr.la27eregion.platform.export.ExportFormat;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.InputStream;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Exports for auditors and the secretariat (issue 13): a table of the workspace written as CSV or XLSX in the
 * background (a million journal entries take a while), followed on the exports page, told by mail when ready, kept
 * {@link #KEPT} and then removed. Each export comes with a manifest: rows, bytes, the file's SHA-256 and the
 * journal's head (seq and hash) in the snapshot its rows were read from, so an auditor can show which state of the
 * journal the file is a copy of. Asking for an export is journaled (who took what out of the platform).
 *
 * <p>Each caller sees their own exports only: an export may hold what another's filter selected.
 */
@Stateless
@DeclareRoles({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
@RolesAllowed({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
public class Exports {

    /** How long an export stays to be downloaded. */
    public static final Duration KEPT = Duration.ofDays(7);
    /** How many exports of a caller are listed (the newest). */
    public static final int LISTED = 30;
    /** How many exports one caller may have in progress at once (each holds two database connections). */
    public static final int AT_ONCE = 3;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    @Inject
    private Journal journal;

    @Inject
    private Event<ExportRequested> requested;

    @Inject
    private ExportSources sources;

    @Inject
    private ExportFiles files;

    @Inject
    private RecordHistory history;

    /** Asks for the journal, filtered, as a file; it is written in the background once this commits. */
    public ExportJob exportJournal(JournalFilter filter, ExportFormat format) {
        return ask(ExportJob.Kind.JOURNAL, JournalRows.parameters(filter == null ? JournalFilter.NONE : filter),
                format);
    }

    /** Asks for one record's timeline (every entry of its journal, oldest first) as a file. */
    public ExportJob exportTimeline(RecordKind kind, long id, ExportFormat format) {
        if (kind == null || !history.exists(kind, id)) {
            throw new RecordNotFound("No such record to export: " + kind + " " + id);
        }
        return ask(ExportJob.Kind.TIMELINE, TimelineRows.parameters(kind, id), format);
    }

    /** Asks for one table of the statistics, for a filter, as a file. */
    public ExportJob exportStatistics(StatisticsRows.Table table, AuditStatistics.Filter filter, ExportFormat format) {
        if (table == null || filter == null) {
            throw new RuleViolation("table", "export.table", "The statistics' table and filter are required.");
        }
        return ask(ExportJob.Kind.STATISTICS, StatisticsRows.parameters(table, filter), format);
    }

    private ExportJob ask(ExportJob.Kind kind, String parameters, ExportFormat format) {
        if (format == null) {
            throw new RuleViolation("format", "export.format", "The format is CSV or XLSX.");
        }
        Instant now = clock.instant();
        removeExpired(now);
        String caller = caller();
        long running = mine().stream().filter(job -> job.inProgress(now)).count();
        if (running >= AT_ONCE) {
            throw new RuleViolation("format", "export.tooMany",
                    "At most " + AT_ONCE + " exports are written at once for one person: wait for one to end.",
                    AT_ONCE);
        }
        ExportJob job = new ExportJob(kind, parameters, format, caller, now);
        em.persist(job);
        em.flush();
        journal.append(Subject.of(ExportJob.JOURNAL_TYPE, job.id()), "journal.export", ExportJob.JOURNAL_TYPE,
                String.valueOf(job.id()), null, ExportJob.State.QUEUED.name(), null,
                Map.of("kind", kind.name(), "format", format.name(),
                        "filter", Jsons.createReader(new StringReader(parameters)).readObject()));
        requested.fire(new ExportRequested(job.id()));
        return job;
    }

    /** The caller's exports, newest first. */
    public List<ExportJob> mine() {
        return em.createNamedQuery(ExportJob.OF_REQUESTER, ExportJob.class).setParameter("requestedBy", caller())
                .setMaxResults(LISTED).getResultList();
    }

    /** One of the caller's exports; another's is not found, as if it did not exist. */
    public ExportJob mine(long id) {
        ExportJob job = em.find(ExportJob.class, id);
        if (job == null || !job.requestedBy().equals(caller())) {
            throw new RecordNotFound("No export " + id + " of yours");
        }
        return job;
    }

    /** The file of one of the caller's exports, once done; the caller closes the stream. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ExportFile file(long id) {
        ExportJob job = done(id);
        return new ExportFile(job.fileName(), job.format().mediaType(), job.fileBytes(), files.open(job.fileOid()));
    }

    /** What proves an export: a JSON document (its file's name, size, rows, SHA-256, and the journal's head). */
    public String manifest(long id) {
        ExportJob job = done(id);
        JsonArrayBuilder columns = Jsons.createArrayBuilder();
        sources.of(job.kind(), job.parameters()).columns().forEach(columns::add);
        JsonObjectBuilder json = Jsons.createObjectBuilder()
                .add("file", job.fileName())
                .add("mediaType", job.format().mediaType())
                .add("bytes", job.fileBytes())
                .add("rows", job.rowsWritten())
                .add("sha256", job.sha256())
                .add("journalHead", Jsons.createObjectBuilder().add("seq", job.headSeq()).add("hash", job.headHash()))
                .add("kind", job.kind().name())
                .add("filter", Jsons.createReader(new StringReader(job.parameters())).readObject())
                .add("columns", columns)
                .add("requestedBy", job.requestedBy())
                .add("requestedAt", job.requestedAt().toString())
                .add("finishedAt", job.finishedAt().toString())
                .add("check", "sha256sum " + job.fileName() + " prints the sha256 above; the entries up to the head"
                        + " verify with ops/verify-journal, and the head hash is that of entry seq " + job.headSeq());
        return json.build().toString();
    }

    /** A file to send: its name, media type, size, and bytes. */
    public record ExportFile(String name, String mediaType, long bytes, InputStream content) {
    }

    private ExportJob done(long id) {
        ExportJob job = mine(id);
        if (job.state() != ExportJob.State.DONE) {
            throw new RuleViolation("id", "export.notReady", "The export " + id + " is not written yet ("
                    + job.state() + ").");
        }
        return job;
    }

    /** Exports older than {@link #KEPT}: their files and rows go (whoever asked for them). */
    private void removeExpired(Instant now) {
        for (ExportJob old : em.createNamedQuery(ExportJob.OLDER_THAN, ExportJob.class)
                .setParameter("before", now.minus(KEPT)).getResultList()) {
            if (old.inProgress(now)) {
                continue;
            }
            if (old.fileOid() != null) {
                em.createNativeQuery("SELECT lo_unlink(?1)").setParameter(1, old.fileOid()).getSingleResult();
            }
            em.remove(old);
        }
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
