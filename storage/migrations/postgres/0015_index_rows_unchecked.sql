-- Region and search rows without a foreign-key check, as the near-copy keys (0014). An
-- article writes about two article_regions rows and one articles_fts row; the check of
-- each against articles' primary key (an index probe, and for an article's first row a
-- key-share lock written on the new article's tuple) cost the PostgreSQL server about
-- 40 ms of CPU per 1,000 stored articles (of ~560 ms for the whole batch), on the two
-- cores the ingest workers share with it. The rows are only ever written for an article
-- in the same transaction that inserts it (or re-analyses it, holding its row), and are
-- deleted with it explicitly: by retention (ArticleRepository.delete_older_than), after
-- the articles, by their ids.
ALTER TABLE article_regions DROP CONSTRAINT IF EXISTS article_regions_article_id_fkey;
ALTER TABLE articles_fts DROP CONSTRAINT IF EXISTS articles_fts_article_id_fkey;

-- Any orphan (none is expected) goes now, so the tables hold stored articles' rows only.
DELETE FROM article_regions r WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id);
DELETE FROM articles_fts f WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = f.article_id);
