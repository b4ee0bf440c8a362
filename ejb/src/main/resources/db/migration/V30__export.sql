-- Exports for auditors (audit.boundary.Exports, issue 13): a table of the workspace (the journal, filtered) written
-- as CSV or XLSX in the background, its file kept as a PostgreSQL large object (streamed in and out, never whole
-- in memory, the same for every instance of a cluster, removed with its row), described by a manifest: rows,
-- SHA-256 of the file, and the journal's head (seq and hash) in the snapshot the rows were read from.
CREATE TABLE export_job (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- what is exported ('JOURNAL') and how it was filtered (a JSON object, shown in the manifest)
    kind          varchar(30)  NOT NULL,
    parameters    text         NOT NULL CHECK (json_typeof(parameters::json) = 'object'),
    format        varchar(4)   NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    requested_by  varchar(64)  NOT NULL,
    requested_at  timestamp with time zone NOT NULL,
    state         varchar(8)   NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    -- progress, written every few thousand rows from a connection of its own
    rows_expected bigint CHECK (rows_expected >= 0),
    rows_written  bigint       NOT NULL DEFAULT 0 CHECK (rows_written >= 0),
    progress_at   timestamp with time zone,
    finished_at   timestamp with time zone,
    -- the result
    file_oid      oid,
    file_bytes    bigint CHECK (file_bytes >= 0),
    sha256        char(64) CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    head_seq      bigint CHECK (head_seq >= 0),
    head_hash     char(64) CHECK (head_hash ~ '^[0-9a-f]{64}$'),
    problem       varchar(2000),
    version       integer      NOT NULL DEFAULT 0,
    CHECK (state <> 'DONE' OR (file_oid IS NOT NULL AND sha256 IS NOT NULL AND head_hash IS NOT NULL))
);
-- an auditor's exports, newest first; the old ones, for their removal
CREATE INDEX export_job_requested_by_idx ON export_job (requested_by, requested_at DESC, id DESC);
CREATE INDEX export_job_requested_at_idx ON export_job (requested_at);
