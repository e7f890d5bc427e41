-- Near copies of an article (pipeline/near_copies.py): a repost with a source line added, a
-- closing line dropped or its script converted is another article (its body hashes
-- differently), and the trend counted the one writer's opinion once on each site, the ledger
-- scored the one claim once on each. The writer stores each article's fingerprint (a MinHash of
-- its 5-grams) and its band keys; article_copies pairs each copy with its original.
CREATE TABLE article_fingerprints (
    article_id  VARCHAR PRIMARY KEY,
    method      VARCHAR NOT NULL,
    shingles    INTEGER NOT NULL,
    minhash     UINTEGER[] NOT NULL
);

-- No band rows for a body too short to be called a copy (near_copies.MIN_SHINGLES).
CREATE TABLE article_bands (
    article_id  VARCHAR NOT NULL,
    band        SMALLINT NOT NULL,
    key         UBIGINT NOT NULL
);

-- Pairs of articles on two sites whose estimated similarity is at least 0.7
-- (near_copies.COPY_SIMILARITY), both ways round: the writer compares each new article with the
-- stored ones it shares a band key with, copies aside (pipeline/warehouse/copies.py), so that
-- reading the views costs a join over the few pairs that are copies, not a comparison of every
-- article. An original that turns out to be a later copy of an article read since keeps its
-- own copies: their claims then take that copy's site, author and day.
CREATE TABLE article_matches (
    article_id  VARCHAR NOT NULL,
    other_id    VARCHAR NOT NULL,
    similarity  DOUBLE NOT NULL,
    PRIMARY KEY (article_id, other_id)
);

-- A copy is an article on another site than an earlier one it matches; its original is the
-- earliest article it matches: published first (an undated one after every dated one), then
-- stored first. One site's near-identical pages are its own (a daily template, a correction
-- posted as a new item), and a page without a site is nobody's copy: what tells a repost is
-- that someone else published it.
CREATE VIEW article_copies AS
SELECT m.article_id, m.other_id AS original_id, m.similarity
FROM article_matches m
JOIN articles c ON c.id = m.article_id
JOIN articles o ON o.id = m.other_id
WHERE c.site IS NOT NULL AND o.site IS NOT NULL AND c.site <> o.site
  AND (coalesce(o.published, DATE '9999-12-31'), o.first_seen, o.id)
      < (coalesce(c.published, DATE '9999-12-31'), c.first_seen, c.id)
QUALIFY row_number() OVER (
    PARTITION BY m.article_id
    ORDER BY coalesce(o.published, DATE '9999-12-31'), o.first_seen, o.id
) = 1;

-- The current model's stances of the articles that count: a copy's opinion is its original's.
CREATE VIEW counted_stances AS
SELECT s.*
FROM latest_stances s
WHERE s.article_id NOT IN (SELECT article_id FROM article_copies);

CREATE OR REPLACE VIEW stance_daily AS
SELECT a.published AS date,
       s.target,
       count(*) FILTER (WHERE s.label = 'bullish') AS bullish,
       count(*) FILTER (WHERE s.label = 'bearish') AS bearish,
       count(*) FILTER (WHERE s.label = 'neutral') AS neutral,
       count(*) AS articles,
       (count(*) FILTER (WHERE s.label = 'bullish') - count(*) FILTER (WHERE s.label = 'bearish'))
           / count(*)::DOUBLE AS net
FROM counted_stances s
JOIN articles a ON a.id = s.article_id
WHERE s.label <> 'none' AND a.published IS NOT NULL
GROUP BY ALL;

-- A claim in a copy is its original's: the original's site, author and day with the same
-- words, so the copies share one outcome and are scored once, for the original's writer.
CREATE OR REPLACE VIEW claim_copies AS
SELECT p.id AS prediction_id,
       md5(concat_ws(chr(31), coalesce(o.site, chr(0)), coalesce(o.author, chr(0)),
                     coalesce(p.target, chr(0)), coalesce(CAST(o.published AS VARCHAR), chr(0)),
                     regexp_replace(p.quote, '[\s\p{P}\p{S}]', '', 'g'))) AS claim,
       o.id AS original_id
FROM predictions p
JOIN articles a ON a.id = p.article_id
LEFT JOIN article_copies k ON k.article_id = a.id
JOIN articles o ON o.id = coalesce(k.original_id, a.id);

-- A resolved claim is shown, and scored, where it was first made.
CREATE OR REPLACE VIEW resolved_claims AS
SELECT p.* REPLACE (
           CASE WHEN bool_or(coalesce(p.speaker, 'author') = 'author')
                     OVER (PARTITION BY c.claim) THEN 'author' ELSE p.speaker END AS speaker
       ),
       a.title, a.site, a.author, a.url, a.published,
       co.outcome, co.resolved_on, co.note AS outcome_note
FROM predictions p
JOIN claim_copies c ON c.prediction_id = p.id
JOIN articles a ON a.id = c.original_id
JOIN claim_outcomes co ON co.claim = c.claim
QUALIFY row_number() OVER (
    PARTITION BY c.claim ORDER BY (p.id = co.resolved_as) DESC, p.id
) = 1;
