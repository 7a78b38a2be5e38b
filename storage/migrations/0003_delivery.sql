-- Subscriptions, keyword filters, per-chat settings and the outbox.

CREATE TABLE subscriptions (
    chat_id    INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    thread_id  INTEGER NOT NULL DEFAULT 0,          -- forum topic (message_thread_id); 0: none
    region     TEXT    NOT NULL,                    -- catalogue code, or '*' for all of Russia
    created_at INTEGER NOT NULL,                    -- only articles published after it are pushed
    PRIMARY KEY (chat_id, thread_id, region)
) WITHOUT ROWID;
CREATE INDEX subscriptions_region ON subscriptions(region, chat_id, thread_id, created_at);

CREATE TABLE chat_filters (
    chat_id   INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    thread_id INTEGER NOT NULL DEFAULT 0,
    lemma     TEXT    NOT NULL,                     -- matched against the article's lemmas
    word      TEXT    NOT NULL,                     -- as the user typed it, for display
    include   INTEGER NOT NULL,                     -- 1: +word (one of them required); 0: -word
    PRIMARY KEY (chat_id, thread_id, lemma, include)
) WITHOUT ROWID;

CREATE TABLE chat_settings (
    chat_id       INTEGER PRIMARY KEY REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    mode          TEXT    NOT NULL DEFAULT 'instant' CHECK (mode IN ('instant', 'digest')),
    digest_time   TEXT    NOT NULL DEFAULT '09:00', -- local HH:MM
    timezone      TEXT,                             -- IANA; NULL: the first subscribed region's zone
    quiet_start   TEXT,                             -- local HH:MM; NULL: no quiet hours
    quiet_end     TEXT,
    link_previews INTEGER NOT NULL DEFAULT 1,
    last_digest_at INTEGER
);

CREATE TABLE deliveries (
    id         INTEGER PRIMARY KEY,
    chat_id    INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    thread_id  INTEGER NOT NULL DEFAULT 0,
    article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,  -- NULL for a digest
    kind       TEXT    NOT NULL DEFAULT 'article' CHECK (kind IN ('article', 'digest')),
    payload    TEXT,                                -- prepared HTML (digests)
    status     TEXT    NOT NULL DEFAULT 'pending'
               CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dropped')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    not_before INTEGER NOT NULL DEFAULT 0,          -- backoff, 429 waits, quiet hours
    last_error TEXT,
    created_at INTEGER NOT NULL,
    sent_at    INTEGER,
    message_id INTEGER
);
-- A chat (topic) gets an article once, whatever the number of matching subscriptions.
CREATE UNIQUE INDEX deliveries_once ON deliveries(chat_id, thread_id, article_id)
    WHERE article_id IS NOT NULL;
CREATE INDEX deliveries_due ON deliveries(not_before, id) WHERE status IN ('pending', 'sending');
CREATE INDEX deliveries_status ON deliveries(status);
