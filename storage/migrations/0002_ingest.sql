-- Ingest: near-duplicate lookup and source polling.

-- Locality-sensitive hashing of each article's shingles (bot.ingest.dedup): one key per
-- band of its MinHash signature. Texts that share a key are candidate near copies, so a
-- republished press release is found by a few indexed lookups, not a scan of every article.
CREATE TABLE article_lsh_bands (
    band       INTEGER NOT NULL,                    -- 0..15
    value      INTEGER NOT NULL,                    -- signed 64-bit hash of the band's rows
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, value, article_id)
) WITHOUT ROWID;
CREATE INDEX article_lsh_bands_article ON article_lsh_bands(article_id);

-- The poller asks for enabled sources whose next_poll_at has passed.
CREATE INDEX sources_due ON sources(next_poll_at) WHERE enabled = 1;

-- What the last poll brought, for /sources.
ALTER TABLE sources ADD COLUMN last_new INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN last_polled_at INTEGER;

-- The FTS row (rowid = article id) goes with its article, whoever deletes it (retention).
CREATE TRIGGER ingest_articles_fts_cleanup AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE rowid = old.id;
END;
