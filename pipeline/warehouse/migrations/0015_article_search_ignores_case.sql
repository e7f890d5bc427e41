-- article_search('deepseek') found nothing where pages write DeepSeek, and 'nvidia' missed
-- NVIDIA: Latin letters now match in any case. Chinese is matched as written: a Traditional
-- page (輝達) is found by its own characters.
CREATE OR REPLACE MACRO article_search(q) AS TABLE
SELECT id, published, site, author, title, url, source
FROM articles
WHERE (contains(lower(body), lower(q)) OR contains(lower(coalesce(title, '')), lower(q)))
  AND id IN (SELECT article_id FROM pages)
ORDER BY published DESC NULLS LAST;
