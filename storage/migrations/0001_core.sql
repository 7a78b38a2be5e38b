-- Core tables: chats, sources, articles with their regions, and the full-text index.
-- Timestamps are INTEGER seconds since the epoch, UTC.

CREATE TABLE chats (
    id          INTEGER PRIMARY KEY,             -- Telegram chat id
    type        TEXT    NOT NULL CHECK (type IN ('private', 'group', 'supergroup', 'channel')),
    title       TEXT    NOT NULL DEFAULT '',
    language    TEXT    NOT NULL DEFAULT 'ru',   -- 'ru' or 'en': the language the chat is answered in
    active      INTEGER NOT NULL DEFAULT 1,      -- 0: blocked the bot, kicked it, or deleted
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE sources (
    id               INTEGER PRIMARY KEY,
    url              TEXT    NOT NULL UNIQUE,
    title            TEXT    NOT NULL DEFAULT '',
    region           TEXT,                          -- every item of the source concerns it
    origin           TEXT    NOT NULL DEFAULT 'db' CHECK (origin IN ('config', 'db', 'cli')),
    interval_seconds INTEGER NOT NULL DEFAULT 900,
    enabled          INTEGER NOT NULL DEFAULT 1,
    etag             TEXT,
    last_modified    TEXT,
    last_success_at  INTEGER,
    last_error       TEXT,
    last_error_at    INTEGER,
    failures         INTEGER NOT NULL DEFAULT 0,    -- consecutive; drives the backoff
    next_poll_at     INTEGER NOT NULL DEFAULT 0,
    items_total      INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    guid         TEXT,                              -- the feed's id for the item
    url          TEXT    NOT NULL UNIQUE,           -- canonical URL
    title        TEXT    NOT NULL,
    text         TEXT    NOT NULL,                  -- plain text of the article body
    summary      TEXT    NOT NULL DEFAULT '',       -- extractive lead shown in pushes
    published_at INTEGER NOT NULL,
    fetched_at   INTEGER NOT NULL,
    content_hash TEXT    NOT NULL,                  -- of the normalised text: exact copies
    simhash      INTEGER,                           -- 64-bit, signed: near copies
    duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    planned      INTEGER NOT NULL DEFAULT 0         -- 1 once deliveries have been planned
);
CREATE UNIQUE INDEX articles_source_guid ON articles(source_id, guid) WHERE guid IS NOT NULL;
CREATE INDEX articles_published ON articles(published_at DESC, id DESC);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_unplanned ON articles(id) WHERE planned = 0;

CREATE TABLE article_regions (
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    region       TEXT    NOT NULL,                  -- catalogue code, e.g. RU-KK
    published_at INTEGER NOT NULL,                  -- copy of articles.published_at: /latest by region
    evidence     TEXT    NOT NULL DEFAULT '[]',     -- JSON list of {text, start, end, kind}
    PRIMARY KEY (article_id, region)
) WITHOUT ROWID;
CREATE INDEX article_regions_latest ON article_regions(region, published_at DESC, article_id DESC);

-- rowid = articles.id; the columns hold stems (bot.text.stems), the original text stays in articles.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
