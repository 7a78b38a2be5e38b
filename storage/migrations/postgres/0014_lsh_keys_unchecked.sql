-- Near-copy keys without a foreign-key check. An article writes 16 rows into
-- article_lsh_bands; checking each against articles' primary key cost the PostgreSQL
-- server about 60 ms of CPU per 1,000 stored articles (of ~135 ms for the rows), on the two
-- cores the ingest workers share with it. The rows are only ever written for an article in
-- the same transaction that inserts it, and deleted with it explicitly: by retention
-- (ArticleRepository.delete_older_than) and by re-analysis, which replaces them.
ALTER TABLE article_lsh_bands DROP CONSTRAINT IF EXISTS article_lsh_bands_article_id_fkey;

-- Any orphan (none is expected) goes now, so the table holds stored articles' keys only.
DELETE FROM article_lsh_bands b WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = b.article_id);
