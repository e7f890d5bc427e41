-- How sure an author sounded, as the probability used for Brier scores. Edit the rows to change
-- the mapping; the view reads them.
CREATE TABLE hedge_probability (
    hedge        VARCHAR PRIMARY KEY,
    probability  DOUBLE NOT NULL
);
INSERT INTO hedge_probability VALUES ('certain', 0.95), ('likely', 0.75), ('possible', 0.55);

-- Per site and author (and per site alone, author NULL): resolved predictions, hit rate over
-- correct + wrong (void ones are not scored), and the Brier score of the stated confidence.
CREATE VIEW prediction_scores AS
WITH resolved AS (
    SELECT coalesce(a.site, '(unknown site)') AS site,
           coalesce(a.author, '(unknown author)') AS author,
           o.outcome,
           h.probability AS stated
    FROM predictions p
    JOIN articles a ON a.id = p.article_id
    JOIN prediction_outcomes o ON o.prediction_id = p.id
    JOIN hedge_probability h ON h.hedge = p.hedge
)
SELECT site,
       author,
       count(*) AS resolved,
       count(*) FILTER (WHERE outcome = 'correct') AS correct,
       count(*) FILTER (WHERE outcome = 'wrong') AS wrong,
       count(*) FILTER (WHERE outcome = 'void') AS void,
       count(*) FILTER (WHERE outcome = 'correct')
           / nullif(count(*) FILTER (WHERE outcome IN ('correct', 'wrong')), 0)::DOUBLE AS hit_rate,
       avg(power(stated - CASE WHEN outcome = 'correct' THEN 1 ELSE 0 END, 2))
           FILTER (WHERE outcome IN ('correct', 'wrong')) AS brier
FROM resolved
GROUP BY GROUPING SETS ((site, author), (site));

-- Articles whose title or body contains a keyword: SELECT * FROM article_search('英伟达').
-- A substring match, so Chinese needs no segmentation.
CREATE MACRO article_search(q) AS TABLE
SELECT id, published, site, author, title, url, source
FROM articles
WHERE contains(body, q) OR contains(coalesce(title, ''), q)
ORDER BY published DESC NULLS LAST;
