-- A claim is scored once. A page and its mirror, or a page edited while a copy of its old text
-- stays on disk, hold the same resolved claim in two articles (the outcome is carried to the
-- edited page and kept on the copy): the author was scored twice for one call, and after a
-- --replace on one copy, once right and once wrong. resolved_claims keeps one row per site,
-- author, target and words (punctuation and spaces aside), with the outcome recorded last.
CREATE VIEW resolved_claims AS
SELECT p.*,
       a.title, a.site, a.author, a.url, a.published,
       o.outcome, o.resolved_on, o.note AS outcome_note
FROM predictions p
JOIN articles a ON a.id = p.article_id
JOIN prediction_outcomes o ON o.prediction_id = p.id
QUALIFY row_number() OVER (
    PARTITION BY a.site, a.author, p.target,
                 regexp_replace(p.quote, '[\s\p{P}\p{S}]', '', 'g')
    ORDER BY o.recorded_at DESC, p.id
) = 1;

DROP VIEW prediction_scores;
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
