-- Search: the GIN index over the full-text documents (PostgreSQL twin of ../0005_search.sql,
-- which gives SQLite's FTS5 table a prefix index). A GIN index on a tsvector serves both
-- whole-lexeme and prefix (`stem:*`) queries, so inline mode's half-typed last word needs
-- nothing more. Queries: storage.search.
CREATE INDEX articles_fts_doc ON articles_fts USING gin (doc);
