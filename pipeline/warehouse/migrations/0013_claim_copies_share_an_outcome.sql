-- Copies of one claim share one outcome. A page and its mirror, a sentence a page repeats, or a
-- page edited while a copy of its old text stays on disk hold one claim under several ids: once
-- one copy was resolved, the others stayed due (in `predictions due`, the report and
-- predictions_due), and resolving one of them too silently replaced the first verdict. A claim
-- is its site, author, target and words (punctuation and spaces aside) and its page's publish
-- date: the same yearly call made in two years' articles is two claims (it was scored once,
-- on whichever verdict was recorded last, and the author's other miss vanished).
CREATE VIEW claim_copies AS
SELECT p.id AS prediction_id,
       md5(concat_ws(chr(31), coalesce(a.site, chr(0)), coalesce(a.author, chr(0)),
                     coalesce(p.target, chr(0)), coalesce(CAST(a.published AS VARCHAR), chr(0)),
                     regexp_replace(p.quote, '[\s\p{P}\p{S}]', '', 'g'))) AS claim
FROM predictions p
JOIN articles a ON a.id = p.article_id;

-- Each resolved claim's outcome: the one recorded last on any of its copies.
CREATE VIEW claim_outcomes AS
SELECT c.claim, o.prediction_id AS resolved_as, o.outcome, o.resolved_on, o.note
FROM prediction_outcomes o
JOIN claim_copies c ON c.prediction_id = o.prediction_id
QUALIFY row_number() OVER (PARTITION BY c.claim ORDER BY o.recorded_at DESC, o.prediction_id) = 1;

DROP VIEW predictions_due;
DROP VIEW prediction_scores;
DROP VIEW resolved_claims;
DROP VIEW prediction_status;

-- resolved_as: the id whose outcome this is (another copy's, where that one was resolved).
CREATE VIEW prediction_status AS
SELECT p.*,
       a.title, a.site, a.author, a.url, a.published,
       co.outcome, co.resolved_on, co.note AS outcome_note,
       CASE
           WHEN co.outcome IS NOT NULL THEN co.outcome
           WHEN p.due IS NOT NULL AND p.due <= current_date THEN 'due'
           ELSE 'open'
       END AS status,
       co.resolved_as
FROM predictions p
JOIN articles a ON a.id = p.article_id
JOIN claim_copies c ON c.prediction_id = p.id
LEFT JOIN claim_outcomes co ON co.claim = c.claim;

CREATE VIEW predictions_due AS
SELECT * FROM prediction_status WHERE status = 'due' ORDER BY due, id;

-- One row per resolved claim, the copy whose outcome counts; the claim is the author's own
-- where any copy is (a repeated sentence the rules once read as reported does not take the
-- author's call out of the scores).
CREATE VIEW resolved_claims AS
SELECT p.* REPLACE (
           CASE WHEN bool_or(coalesce(p.speaker, 'author') = 'author')
                     OVER (PARTITION BY c.claim) THEN 'author' ELSE p.speaker END AS speaker
       ),
       a.title, a.site, a.author, a.url, a.published,
       co.outcome, co.resolved_on, co.note AS outcome_note
FROM predictions p
JOIN articles a ON a.id = p.article_id
JOIN claim_copies c ON c.prediction_id = p.id
JOIN claim_outcomes co ON co.claim = c.claim
QUALIFY row_number() OVER (
    PARTITION BY c.claim ORDER BY (p.id = co.resolved_as) DESC, p.id
) = 1;

CREATE VIEW prediction_scores AS
WITH resolved AS (
    SELECT coalesce(c.site, '(unknown site)') AS site,
           coalesce(c.author, '(unknown author)') AS author,
           c.outcome,
           h.probability AS stated,
           coalesce(c.speaker, 'author') = 'author' AS own
    FROM resolved_claims c
    JOIN hedge_probability h ON h.hedge = c.hedge
)
SELECT site,
       author,
       count(*) FILTER (WHERE own) AS resolved,
       count(*) FILTER (WHERE own AND outcome = 'correct') AS correct,
       count(*) FILTER (WHERE own AND outcome = 'wrong') AS wrong,
       count(*) FILTER (WHERE own AND outcome = 'void') AS void,
       count(*) FILTER (WHERE own AND outcome = 'correct')
           / nullif(count(*) FILTER (WHERE own AND outcome IN ('correct', 'wrong')), 0)::DOUBLE
           AS hit_rate,
       avg(power(stated - CASE WHEN outcome = 'correct' THEN 1 ELSE 0 END, 2))
           FILTER (WHERE own AND outcome IN ('correct', 'wrong')) AS brier,
       count(*) FILTER (WHERE NOT own) AS reported_resolved
FROM resolved
GROUP BY GROUPING SETS ((site, author), (site));
