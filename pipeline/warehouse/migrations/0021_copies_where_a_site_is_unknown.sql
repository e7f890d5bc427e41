-- A repost whose page names no site (a text dump, as five of the bundled samples are) was
-- never a copy: the view asked both articles for a site, to keep one site's near-identical
-- pages (a daily template, a correction posted anew) its own. The same opinion then counted
-- twice in the trend and its claim stood twice in the ledger (ledger probe). Where either
-- page names no site, their addresses' hosts tell two publishers apart; where either has no
-- address either, two different bylines do. One site's own pages share a site, a host, or a
-- byline (or name none, and stay their own).
-- The host of an address (www. aside), NULL for none.
CREATE OR REPLACE MACRO page_host(url) AS
    nullif(regexp_extract(lower(url), '^[a-z][a-z0-9+.-]*://(?:www\.)?([^/:?#@]+)', 1), '');

-- Whether two articles are two publishers' (the matcher, copies.py, asks it too).
CREATE OR REPLACE MACRO other_publisher(site_a, url_a, author_a, site_b, url_b, author_b) AS
    CASE
        WHEN site_a IS NOT NULL AND site_b IS NOT NULL THEN site_a <> site_b
        WHEN page_host(url_a) IS NOT NULL AND page_host(url_b) IS NOT NULL
            THEN page_host(url_a) <> page_host(url_b)
        ELSE coalesce(author_a <> author_b, false)
    END;

CREATE OR REPLACE VIEW article_copies AS
WITH RECURSIVE direct AS (
    SELECT m.article_id, m.other_id AS original_id, m.similarity
    FROM article_matches m
    JOIN articles c ON c.id = m.article_id
    JOIN articles o ON o.id = m.other_id
    WHERE other_publisher(c.site, c.url, c.author, o.site, o.url, o.author)
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
