-- An author is scored on the claims the author makes, not on those the article reports from
-- someone else (分析师预计…, a company's guidance, a quoted rival): a news writer who reports an
-- analyst's call that fails was not wrong. Reported claims that were resolved are counted apart
-- (reported_resolved) and left out of hit rate and Brier score.
DROP VIEW prediction_scores;
CREATE VIEW prediction_scores AS
WITH resolved AS (
    SELECT coalesce(a.site, '(unknown site)') AS site,
           coalesce(a.author, '(unknown author)') AS author,
           o.outcome,
           h.probability AS stated,
           coalesce(p.speaker, 'author') = 'author' AS own
    FROM predictions p
    JOIN articles a ON a.id = p.article_id
    JOIN prediction_outcomes o ON o.prediction_id = p.id
    JOIN hedge_probability h ON h.hedge = p.hedge
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
