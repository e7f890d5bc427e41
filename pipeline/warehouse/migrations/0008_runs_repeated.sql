-- Pages whose text another page already gives (a repost, a renamed or copied file, a second
-- copy in one batch) are counted apart: they add no article, and they are not unchanged pages.
ALTER TABLE runs ADD COLUMN repeated INTEGER DEFAULT 0;
