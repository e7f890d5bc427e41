-- Which URL list lists which URL (by url_key: one URL under two spellings is one), as of the
-- last run that read the list, so that a URL that failed to fetch and has since been taken off
-- every list that listed it (or whose list was deleted) is no longer listed as refused.
CREATE TABLE url_lists (
    list     VARCHAR NOT NULL,   -- the .urls file, as recorded (absolute path)
    url_key  VARCHAR NOT NULL,
    PRIMARY KEY (list, url_key)
);
