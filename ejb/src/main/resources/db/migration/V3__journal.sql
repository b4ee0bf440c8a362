-- The journal: an append-only, tamper-evident record of every state change (DESIGN §3).
-- Written only by fr.la27eregion.journal.control.Journal through fr.la27eregion.journal.chain.ChainAppend;
-- the canonical form each hash covers is documented in fr.la27eregion.journal.chain.CanonicalEntry.
-- Sized for 10 million entries: no sequence object (numbers come from the chain head, so they are gapless),
-- a B-tree only where a lookup needs one, a BRIN index for time (entries are appended in time order).

CREATE TABLE journal_entry (
    -- 1, 2, 3 ... without holes: the chain head hands out the next number under a row lock
    seq          bigint      PRIMARY KEY CHECK (seq > 0),
    -- UTC, microseconds (PostgreSQL's precision); taken while the head is locked, so it never goes back
    recorded_at  timestamptz NOT NULL,
    -- the account that acted, 'anonymous' for a caller not logged in, 'system' for a scheduled job
    actor        text        NOT NULL,
    -- the actor's roles, sorted, separated by ','; empty when none
    actor_roles  text        NOT NULL,
    action       text        NOT NULL CHECK (action <> ''),
    entity_type  text,
    entity_id    text,
    state_before text,
    state_after  text,
    reason       text,
    -- a JSON object, stored as the exact text that was hashed (jsonb would reorder it and break the hash)
    details      text        CHECK (details IS NULL OR json_typeof(details::json) = 'object'),
    request_id   text,
    prev_hash    char(64)    NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash         char(64)    NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);

-- the history of one record, in order
CREATE INDEX journal_entry_entity_idx ON journal_entry (entity_type, entity_id, seq);
-- by time: entries arrive in time order, so a BRIN index (a few pages for 10 million rows) finds a period
CREATE INDEX journal_entry_recorded_at_idx ON journal_entry USING brin (recorded_at);

-- The chain head: one row, the last number and hash. Appenders lock it (SELECT ... FOR UPDATE), which is what
-- serializes appends and makes the numbering gapless: a rolled-back append releases the lock unchanged.
CREATE TABLE journal_head (
    only_row boolean  PRIMARY KEY DEFAULT true CHECK (only_row),
    seq      bigint   NOT NULL CHECK (seq >= 0),
    hash     char(64) NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);
INSERT INTO journal_head (seq, hash) VALUES (0, repeat('0', 64));

CREATE FUNCTION journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The journal is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Journal entries are never changed or removed; record a new entry instead.';
END
$$;

CREATE TRIGGER journal_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_entry_no_truncate BEFORE TRUNCATE ON journal_entry
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_head_no_delete BEFORE DELETE ON journal_head
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_head_no_truncate BEFORE TRUNCATE ON journal_head
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();

-- the head only moves forward, one entry at a time
CREATE FUNCTION journal_head_advance_by_one() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.seq <> OLD.seq + 1 THEN
        RAISE EXCEPTION 'The journal head moves one entry at a time: % after % is refused', NEW.seq, OLD.seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER journal_head_advance BEFORE UPDATE ON journal_head
    FOR EACH ROW EXECUTE FUNCTION journal_head_advance_by_one();
