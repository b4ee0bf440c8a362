-- Security events counted per client address and minute (issue 8): refused logins are journaled once per client
-- address, minute and kind (the first one), and every one of them is counted here, so a caller cannot grow the
-- append-only journal at will while the record still says how many there were. Unlike the journal, these rows
-- are counters (updated in place) and may be pruned once they are no longer needed.
CREATE TABLE security_event_count (
    address varchar(64)              NOT NULL,
    minute  timestamp with time zone NOT NULL,
    kind    varchar(64)              NOT NULL,
    count   bigint                   NOT NULL CHECK (count > 0),
    PRIMARY KEY (address, minute, kind)
);

CREATE INDEX security_event_count_minute_idx ON security_event_count (minute);
