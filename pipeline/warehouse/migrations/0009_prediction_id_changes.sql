-- A resolved claim whose id changed (its page was edited, so its article is new; the catalogue
-- gave it a target) keeps its outcome under the new id; the old id a user noted still finds it.
CREATE TABLE prediction_id_changes (
    old_id VARCHAR PRIMARY KEY,
    new_id VARCHAR NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
