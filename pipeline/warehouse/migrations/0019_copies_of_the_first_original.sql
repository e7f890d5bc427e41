-- A copy's original is the first publication of its text, however many copies lie between.
-- An original read after its reposts is matched with the earliest of them only (the later ones
-- are copies already, left out of the comparison), so article_copies paired the later reposts
-- with that first repost: their claims took its site, author and day, and the ledger held the
-- one claim twice, once for the original's writer and once for the reposter's. The view now
-- follows each copy's chain of earlier articles to its end. `similarity` is the weakest link on
-- the way (a copy's estimated similarity with the article it was matched with, where there is
-- one link). The chain cannot loop: each step goes to an article published, or stored, earlier.
CREATE OR REPLACE VIEW article_copies AS
WITH RECURSIVE direct AS (
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
    ) = 1
),
chain AS (
    SELECT article_id, original_id, similarity FROM direct
    UNION ALL
    SELECT c.article_id, d.original_id, least(c.similarity, d.similarity)
    FROM chain c
    JOIN direct d ON d.article_id = c.original_id
)
SELECT article_id, original_id, similarity
FROM chain
WHERE original_id NOT IN (SELECT article_id FROM direct);
