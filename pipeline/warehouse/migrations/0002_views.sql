-- Views read the current stance model only (meta.current_model, set by the writer), so a new
-- model's stances can sit beside the old ones without double counting.
CREATE VIEW latest_stances AS
SELECT s.*
FROM stances s
WHERE s.model = coalesce((SELECT value FROM meta WHERE key = 'current_model'), s.model);

CREATE VIEW stance_daily AS
SELECT a.published AS date,
       s.target,
       count(*) FILTER (WHERE s.label = 'bullish') AS bullish,
       count(*) FILTER (WHERE s.label = 'bearish') AS bearish,
       count(*) FILTER (WHERE s.label = 'neutral') AS neutral,
       count(*) AS articles,
       (count(*) FILTER (WHERE s.label = 'bullish') - count(*) FILTER (WHERE s.label = 'bearish'))
           / count(*)::DOUBLE AS net
FROM latest_stances s
JOIN articles a ON a.id = s.article_id
WHERE s.label <> 'none' AND a.published IS NOT NULL
GROUP BY ALL;

CREATE VIEW stance_weekly AS
SELECT date_trunc('week', date)::DATE AS week,
       target,
       sum(bullish)::INTEGER AS bullish,
       sum(bearish)::INTEGER AS bearish,
       sum(neutral)::INTEGER AS neutral,
       sum(articles)::INTEGER AS articles,
       (sum(bullish) - sum(bearish)) / sum(articles)::DOUBLE AS net
FROM stance_daily
GROUP BY ALL;

CREATE VIEW stance_monthly AS
SELECT date_trunc('month', date)::DATE AS month,
       target,
       sum(bullish)::INTEGER AS bullish,
       sum(bearish)::INTEGER AS bearish,
       sum(neutral)::INTEGER AS neutral,
       sum(articles)::INTEGER AS articles,
       (sum(bullish) - sum(bearish)) / sum(articles)::DOUBLE AS net
FROM stance_daily
GROUP BY ALL;

CREATE VIEW prediction_status AS
SELECT p.*,
       a.title, a.site, a.author, a.url, a.published,
       o.outcome, o.resolved_on, o.note AS outcome_note,
       CASE
           WHEN o.outcome IS NOT NULL THEN o.outcome
           WHEN p.due IS NOT NULL AND p.due <= current_date THEN 'due'
           ELSE 'open'
       END AS status
FROM predictions p
JOIN articles a ON a.id = p.article_id
LEFT JOIN prediction_outcomes o ON o.prediction_id = p.id;

CREATE VIEW predictions_due AS
SELECT * FROM prediction_status WHERE status = 'due' ORDER BY due, id;
