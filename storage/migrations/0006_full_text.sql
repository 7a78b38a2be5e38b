-- Full text: the article's whole body beside its lead, from the feed or from the article page.
-- Plain portable SQL (ADD COLUMN, CREATE TABLE, partial index) so that it ports as is.

-- How a source gets its articles' full text: 'auto' (the feed's full text when present,
-- else the article page), 'feed' (the feed's only), 'page' (always the page), 'off' (the lead).
ALTER TABLE sources ADD COLUMN full_text TEXT NOT NULL DEFAULT 'auto'
    CHECK (full_text IN ('auto', 'feed', 'page', 'off'));

-- articles.text stays the lead (what a push shows); body is the full text (NULL: only the
-- lead is known). Regions, events, summary, the search index and near-copy keys use it.
ALTER TABLE articles ADD COLUMN body TEXT;
-- While set, the article waits for its page: planning skips it until the page is read (or
-- failed) or this time (UTC seconds) has passed, whichever comes first.
ALTER TABLE articles ADD COLUMN full_text_until INTEGER;

-- Article pages to read, one row per URL: a page is fetched at most once.
CREATE TABLE page_fetches (
    url          TEXT    PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    status       TEXT    NOT NULL DEFAULT 'queued'
                 CHECK (status IN ('queued', 'fetched', 'failed', 'skipped')),
    queued_at    INTEGER NOT NULL,
    attempted_at INTEGER,
    error        TEXT,
    etag         TEXT,
    last_modified TEXT
);
CREATE INDEX page_fetches_queued ON page_fetches(queued_at) WHERE status = 'queued';
CREATE INDEX page_fetches_article ON page_fetches(article_id);
