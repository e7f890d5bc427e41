-- When the stored copy of a page was fetched (a WARC record's date, a fetch's time; NULL for a
-- file on disk), so that an older crawl read in a later run does not replace a newer one.
ALTER TABLE pages ADD COLUMN fetched_at TIMESTAMPTZ;
