package fr.la27eregion.audit.entity;

import fr.la27eregion.platform.export.ExportFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;

/**
 * One export asked for by an auditor: what (its kind and filter), in which format, how far it got, and once done
 * the file (a PostgreSQL large object) with what proves it: the SHA-256 of its bytes and the journal's head (seq and
 * hash) in the snapshot its rows were read from. Written by {@code audit.boundary.Exports} (asked) and
 * {@code audit.control.ExportRunner} (progress, then done or failed).
 */
@Entity
@Table(name = "export_job")
@NamedQuery(name = ExportJob.OF_REQUESTER, query = "SELECT j FROM ExportJob j WHERE j.requestedBy = :requestedBy"
        + " ORDER BY j.requestedAt DESC, j.id DESC")
@NamedQuery(name = ExportJob.OLDER_THAN, query = "SELECT j FROM ExportJob j WHERE j.requestedAt < :before")
public class ExportJob {

    public static final String OF_REQUESTER = "ExportJob.ofRequester";
    public static final String OLDER_THAN = "ExportJob.olderThan";
    /** How the journal names an export. */
    public static final String JOURNAL_TYPE = "Export";
    /** A running export that wrote no progress for this long was cut short (its server stopped). */
    public static final Duration SILENT_LIMIT = Duration.ofMinutes(10);

    /** Where an export is. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** What is exported: the journal (filtered), a record's timeline, a table of the statistics. */
    public enum Kind { JOURNAL, TIMELINE, STATISTICS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(nullable = false, updatable = false)
    private String parameters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ExportFormat format;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    // progress is written by the runner with SQL of its own (a connection outside the export's transaction)
    @Column(name = "rows_expected", insertable = false, updatable = false)
    private Long rowsExpected;

    @Column(name = "rows_written", insertable = false, updatable = false)
    private long rowsWritten;

    @Column(name = "progress_at", insertable = false, updatable = false)
    private Instant progressAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "file_oid")
    private Long fileOid;

    @Column(name = "file_bytes")
    private Long fileBytes;

    private String sha256;

    @Column(name = "head_seq")
    private Long headSeq;

    @Column(name = "head_hash")
    private String headHash;

    private String problem;

    @Version
    private int version;

    protected ExportJob() {
        // for JPA
    }

    public ExportJob(Kind kind, String parameters, ExportFormat format, String requestedBy, Instant now) {
        this.kind = kind;
        this.parameters = parameters;
        this.format = format;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.state = State.QUEUED;
    }

    /** The file is written: what it is and what proves it. */
    public void done(long oid, long bytes, String sha256, long rows, long headSeq, String headHash, Instant now) {
        this.state = State.DONE;
        this.fileOid = oid;
        this.fileBytes = bytes;
        this.sha256 = sha256;
        this.rowsWritten = rows;
        this.headSeq = headSeq;
        this.headHash = headHash;
        this.finishedAt = now;
    }

    /** The export could not be written; {@code problem} says why, in words for the auditor and the logs. */
    public void failed(String problem, Instant now) {
        this.state = State.FAILED;
        this.problem = problem.length() > 2000 ? problem.substring(0, 2000) : problem;
        this.finishedAt = now;
    }

    /** Whether it is still to be waited for: queued or running, and heard from recently. */
    public boolean inProgress(Instant now) {
        Instant heard = progressAt == null ? requestedAt : progressAt;
        return (state == State.QUEUED || state == State.RUNNING) && heard.plus(SILENT_LIMIT).isAfter(now);
    }

    /** Whether it was running and fell silent: its server stopped during it. */
    public boolean interrupted(Instant now) {
        return (state == State.QUEUED || state == State.RUNNING) && !inProgress(now);
    }

    /** Percentage written, 0 to 100 (0 while the rows are being counted). */
    public int percent() {
        if (state == State.DONE) {
            return 100;
        }
        if (rowsExpected == null || rowsExpected == 0) {
            return 0;
        }
        return (int) Math.min(99, rowsWritten * 100 / rowsExpected);
    }

    /** The file's name: the kind, the export's number and the format's extension. */
    public String fileName() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + id + "." + format.extension();
    }

    public Long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String parameters() {
        return parameters;
    }

    public ExportFormat format() {
        return format;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public State state() {
        return state;
    }

    public Long rowsExpected() {
        return rowsExpected;
    }

    public long rowsWritten() {
        return rowsWritten;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Long fileOid() {
        return fileOid;
    }

    public Long fileBytes() {
        return fileBytes;
    }

    public String sha256() {
        return sha256;
    }

    public Long headSeq() {
        return headSeq;
    }

    public String headHash() {
        return headHash;
    }

    public String problem() {
        return problem;
    }

    public int version() {
        return version;
    }
}
