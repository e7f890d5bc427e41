-- A page edited after one of its claims was resolved keeps its earlier version in `articles`
-- for that outcome. article_search listed both versions, so a keyword found the page twice;
-- it now lists the articles a page reads (the earlier versions stay one query away:
-- SELECT * FROM articles WHERE id NOT IN (SELECT article_id FROM pages)).
CREATE OR REPLACE MACRO article_search(q) AS TABLE
SELECT id, published, site, author, title, url, source
FROM articles
WHERE (contains(body, q) OR contains(coalesce(title, ''), q))
  AND id IN (SELECT article_id FROM pages)
ORDER BY published DESC NULLS LAST;
