-- Who makes a prediction (the author, or someone the author reports) and whether its horizon
-- was stated in the quote or inherited from an article-wide one (the seed's 半年左右).
ALTER TABLE predictions ADD COLUMN speaker VARCHAR DEFAULT 'author';
ALTER TABLE predictions ADD COLUMN horizon_source VARCHAR;
