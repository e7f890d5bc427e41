-- One row per claim for those who work through the ledger. A claim that several articles hold
-- (a page and its mirror, a sentence a page repeats, a repost and its original) shares one
-- outcome, and resolving any of its rows resolves them all, yet predictions_due and the
-- report listed each row: a claim on three sites was three claims due, and the report counted
-- it three times. claim_status is prediction_status with one row per claim, the one a user
-- would check: the original's, else one on a page as it reads now, else the first; `articles`
-- says in how many articles the claim stands.
CREATE VIEW claim_status AS
SELECT s.*, c.claim, count(DISTINCT s.article_id) OVER (PARTITION BY c.claim) AS articles
FROM prediction_status s
JOIN claim_copies c ON c.prediction_id = s.id
QUALIFY row_number() OVER (
    PARTITION BY c.claim
    ORDER BY (s.article_id = c.original_id) DESC,
             (s.article_id IN (SELECT article_id FROM pages)) DESC,
             s.id
) = 1;

CREATE OR REPLACE VIEW predictions_due AS
SELECT * FROM claim_status WHERE status = 'due' ORDER BY due, id;
