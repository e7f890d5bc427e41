-- The record tables of DESIGN.md. Articles are keyed by the hash of their normalised body;
-- pages map what identifies a page across runs (URL, else source path) to its current article,
-- so a page whose content changed is updated rather than duplicated.
CREATE TABLE articles (
    id          VARCHAR PRIMARY KEY,
    url         VARCHAR,
    source      VARCHAR NOT NULL,
    site        VARCHAR,
    title       VARCHAR,
    author      VARCHAR,
    published   DATE,
    category    VARCHAR,
    body        VARCHAR NOT NULL,
    extractor   VARCHAR,
    encoding    VARCHAR,
    first_seen  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE pages (
    page_key    VARCHAR PRIMARY KEY,
    article_id  VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    raw_hash    VARCHAR,
    first_seen  TIMESTAMPTZ NOT NULL,
    last_seen   TIMESTAMPTZ NOT NULL
);

CREATE TABLE stances (
    article_id  VARCHAR NOT NULL,
    target      VARCHAR NOT NULL,
    model       VARCHAR NOT NULL,
    label       VARCHAR NOT NULL CHECK (label IN ('bullish', 'bearish', 'neutral', 'none')),
    score       DOUBLE NOT NULL,
    evidence    VARCHAR[],
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, target, model)
);

CREATE TABLE predictions (
    id            VARCHAR PRIMARY KEY,
    article_id    VARCHAR NOT NULL,
    quote         VARCHAR NOT NULL,
    target        VARCHAR,
    direction     VARCHAR NOT NULL CHECK (direction IN ('up', 'down', 'other')),
    horizon       VARCHAR,
    due           DATE,
    window_start  DATE,
    conditional   BOOLEAN NOT NULL,
    condition     VARCHAR,
    hedge         VARCHAR NOT NULL CHECK (hedge IN ('certain', 'likely', 'possible')),
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE prediction_outcomes (
    prediction_id  VARCHAR PRIMARY KEY,
    outcome        VARCHAR NOT NULL CHECK (outcome IN ('correct', 'wrong', 'void')),
    resolved_on    DATE NOT NULL,
    note           VARCHAR,
    evidence       VARCHAR,
    recorded_at    TIMESTAMPTZ NOT NULL
);

-- One row per refused input; a rerun over the same bad input updates last_at, adds no row.
CREATE TABLE rejects (
    source     VARCHAR NOT NULL,
    stage      VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL,
    detail     VARCHAR,
    raw_hash   VARCHAR NOT NULL,
    run_id     VARCHAR,
    first_at   TIMESTAMPTZ NOT NULL,
    last_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source, stage, reason, raw_hash)
);

CREATE TABLE runs (
    id          VARCHAR PRIMARY KEY,
    started     TIMESTAMPTZ NOT NULL,
    finished    TIMESTAMPTZ,
    status      VARCHAR NOT NULL,
    inputs      VARCHAR[],
    parameters  VARCHAR,
    model       VARCHAR,
    seen        INTEGER DEFAULT 0,
    articles    INTEGER DEFAULT 0,
    new         INTEGER DEFAULT 0,
    updated     INTEGER DEFAULT 0,
    unchanged   INTEGER DEFAULT 0,
    rejected    INTEGER DEFAULT 0
);

-- Small key/value state, e.g. which stance model the views read.
CREATE TABLE meta (
    key    VARCHAR PRIMARY KEY,
    value  VARCHAR
);
