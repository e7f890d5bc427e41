-- A claim's words as a copy shares them (near_copies.letters: NFKC, Simplified, lower case,
-- letters and digits): a repost in Traditional script holds its original's claim in other
-- characters, and claim_copies keyed the claim by the characters as written. The writer fills
-- the column for new claims and, on its next write, for the claims stored before it.
ALTER TABLE predictions ADD COLUMN words VARCHAR;

CREATE OR REPLACE VIEW claim_copies AS
SELECT p.id AS prediction_id,
       md5(concat_ws(chr(31), coalesce(o.site, chr(0)), coalesce(o.author, chr(0)),
                     coalesce(p.target, chr(0)), coalesce(CAST(o.published AS VARCHAR), chr(0)),
                     coalesce(p.words, regexp_replace(p.quote, '[\s\p{P}\p{S}]', '', 'g'))))
           AS claim,
       o.id AS original_id
FROM predictions p
JOIN articles a ON a.id = p.article_id
LEFT JOIN article_copies k ON k.article_id = a.id
JOIN articles o ON o.id = coalesce(k.original_id, a.id);
