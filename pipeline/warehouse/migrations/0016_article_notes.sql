-- The relaying writer's note that extraction keeps out of a body (编者按, 译者按: a dump's gold
-- drops it, but it is often the only place where whoever relays a translation or a guest column
-- says what they think). The stance stage reads it before the body; '' where a page has none,
-- and on articles stored before this migration until their page is read again (run --full).
ALTER TABLE articles ADD COLUMN note VARCHAR DEFAULT '';
