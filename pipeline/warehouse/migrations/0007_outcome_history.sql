-- An outcome recorded again (`duokong predictions resolve ID --replace`) keeps the one it
-- replaces here, note and evidence with it: a resolution is a judgement, and a changed mind
-- should leave a trace.
CREATE TABLE prediction_outcome_history (
    prediction_id  VARCHAR NOT NULL,
    outcome        VARCHAR NOT NULL,
    resolved_on    DATE NOT NULL,
    note           VARCHAR,
    evidence       VARCHAR,
    recorded_at    TIMESTAMPTZ NOT NULL,
    replaced_at    TIMESTAMPTZ NOT NULL
);
