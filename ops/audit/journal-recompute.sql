-- Recomputes every hash of the journal with PostgreSQL alone, independently of the platform's Java code,
-- following the canonical form documented in fr.la27eregion.journal.chain.CanonicalEntry:
--   hash = hex(SHA-256(UTF-8(prev_hash || '\n' || canonical form)))
--   canonical form = 12 fields in order, each "<UTF-8 byte length>:<value>" or "-" for NULL, each + '\n'
-- The subject columns (subject_type, subject_id, V9) are an index beside each entry, not covered by the hash.
-- Lists the entries that break the chain (none when it is intact), with the reason:
--   hash  the entry's content is not what its hash covers (changed after it was written)
--   link  its prev_hash is not the previous entry's hash (an entry removed or inserted before it)
--   gap   its number is not the next one
-- Usage: psql "$DB_URL_FOR_PSQL" -f ops/audit/journal-recompute.sql
WITH entry AS (
    SELECT seq, hash,
           prev_hash <> coalesce(lag(hash) OVER (ORDER BY seq), repeat('0', 64)) AS bad_link,
           seq <> row_number() OVER (ORDER BY seq) AS gap,
           encode(sha256(convert_to(prev_hash || E'\n'
               || coalesce(octet_length(seq::text) || ':' || seq::text, '-') || E'\n'
               || coalesce(octet_length(t) || ':' || t, '-') || E'\n'
               || coalesce(octet_length(actor) || ':' || actor, '-') || E'\n'
               || coalesce(octet_length(actor_roles) || ':' || actor_roles, '-') || E'\n'
               || coalesce(octet_length(action) || ':' || action, '-') || E'\n'
               || coalesce(octet_length(entity_type) || ':' || entity_type, '-') || E'\n'
               || coalesce(octet_length(entity_id) || ':' || entity_id, '-') || E'\n'
               || coalesce(octet_length(state_before) || ':' || state_before, '-') || E'\n'
               || coalesce(octet_length(state_after) || ':' || state_after, '-') || E'\n'
               || coalesce(octet_length(reason) || ':' || reason, '-') || E'\n'
               || coalesce(octet_length(details) || ':' || details, '-') || E'\n'
               || coalesce(octet_length(request_id) || ':' || request_id, '-') || E'\n',
               'UTF8')), 'hex') AS recomputed
    FROM journal_entry,
         LATERAL (SELECT to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t) AS utc
)
SELECT seq,
       CASE WHEN gap THEN 'gap' WHEN bad_link THEN 'link' ELSE 'hash' END AS broken
FROM entry
WHERE gap OR bad_link OR hash <> recomputed
ORDER BY seq;
