-- Planning in chunks: an article's audience is recorded as one plan row and expanded into
-- outbox rows a bounded chunk at a time (bot.delivery.planner, storage.deliveries), so no
-- single transaction writes a whole 100,000-chat broadcast.

-- One row per article whose audience is not yet fully in the outbox; oldest first (id).
-- The cursor: every matching subscription up to (region, after_chat, after_thread), in
-- (region, chat_id, thread_id) order, has its outbox row; after_chat NULL: the whole of
-- `region` is done ('' before the first region). The row is deleted once all are done.
CREATE TABLE delivery_plans (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    fetched      INTEGER NOT NULL,              -- subscriptions created after it do not count
    newest       INTEGER NOT NULL,              -- nor those created after it (published + grace)
    region       TEXT    NOT NULL DEFAULT '',
    after_chat   INTEGER,
    after_thread INTEGER,
    created_at   INTEGER NOT NULL
);
