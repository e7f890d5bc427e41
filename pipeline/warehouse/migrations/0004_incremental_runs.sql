-- Incremental runs: every input a run has processed (a file, or a URL's response), by the hash
-- of its raw bytes and the version of the pipeline that processed it. A later run skips an
-- input whose bytes and pipeline version are both unchanged, before reading it any further;
-- `duokong run --full` ignores this table. Written in the same transaction as the input's
-- pages and rejects, so a run killed mid-write never marks an input as done without its rows.
CREATE TABLE seen_inputs (
    input       VARCHAR PRIMARY KEY,   -- the file path or URL, as discovered
    raw_hash    VARCHAR NOT NULL,      -- sha256 of the bytes on disk / of the response body
    version     VARCHAR NOT NULL,      -- pipeline fingerprint: code, model, lexicons, limits
    pages       INTEGER NOT NULL,      -- page results it gave (JSON lists and WARC give several)
    rejected    INTEGER NOT NULL,      -- of which refused
    run_id      VARCHAR,
    first_seen  TIMESTAMPTZ NOT NULL,
    last_done   TIMESTAMPTZ NOT NULL   -- when it was last processed (not when it was last skipped)
);

-- What a run skipped, how long it took, which pipeline version ran, whether it was --full.
ALTER TABLE runs ADD COLUMN skipped INTEGER DEFAULT 0;
ALTER TABLE runs ADD COLUMN seconds DOUBLE;
ALTER TABLE runs ADD COLUMN version VARCHAR;
ALTER TABLE runs ADD COLUMN full_run BOOLEAN DEFAULT false;
