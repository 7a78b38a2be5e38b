-- Ingest: near-duplicate lookup and source polling (PostgreSQL twin of ../0002_ingest.sql).

-- Locality-sensitive hashing of each article's shingles (bot.ingest.dedup): one key per
-- band of its MinHash signature. Texts that share a key are candidate near copies.
CREATE TABLE article_lsh_bands (
    band       INTEGER NOT NULL,                    -- 0..15
    value      BIGINT  NOT NULL,                    -- signed 64-bit hash of the band's rows
    article_id BIGINT  NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, value, article_id)
);
CREATE INDEX article_lsh_bands_article ON article_lsh_bands(article_id);

-- The poller asks for enabled sources whose next_poll_at has passed.
CREATE INDEX sources_due ON sources(next_poll_at) WHERE enabled = 1;

-- What the last poll brought, for /sources.
ALTER TABLE sources ADD COLUMN last_new INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN last_polled_at BIGINT;

-- (SQLite needs a trigger to delete the FTS row with its article; here the foreign key
-- of articles_fts cascades.)
