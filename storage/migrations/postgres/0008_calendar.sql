-- Calendar: each event's status, grouping driven by storage, and reminders of events.
-- PostgreSQL twin of ../0008_calendar.sql.

-- held | announced | cancelled | postponed: merged from the reports (bot.events.grouping).
-- start_date/end_date follow a postponement; the former dates stay in facts (former_date).
ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'held'
    CHECK (status IN ('held', 'announced', 'cancelled', 'postponed'));
CREATE INDEX events_calendar ON events(status, start_date);

-- 1 once event grouping has read the article (whoever stored it: the bot, `python -m bot
-- ingest`, a process that crashed in between). Articles already linked, copies, and those
-- older than the grouping window before the newest one count as read; the rest are read
-- again by the bot's grouping tick.
ALTER TABLE articles ADD COLUMN grouped INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET grouped = 1
    WHERE duplicate_of IS NOT NULL
       OR id IN (SELECT article_id FROM event_articles)
       OR published_at < (SELECT max(published_at) FROM articles) - 45 * 86400;
CREATE INDEX articles_ungrouped ON articles(id) WHERE grouped = 0;

-- «Напомнить»: one reminder per chat (topic) and event, sent through the outbox the day
-- before. pending: waits for remind_at; waiting: the event was postponed without a new
-- date; queued: its message is in the outbox; dropped: the event was cancelled or passed.
CREATE TABLE event_reminders (
    chat_id    BIGINT  NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    thread_id  INTEGER NOT NULL DEFAULT 0,
    event_id   BIGINT  NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    event_date TEXT,                                -- the start date it was set for (ISO)
    remind_at  BIGINT,                              -- UTC seconds; NULL while waiting
    status     TEXT    NOT NULL DEFAULT 'pending'
               CHECK (status IN ('pending', 'waiting', 'queued', 'dropped')),
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL,
    PRIMARY KEY (chat_id, thread_id, event_id)
);
CREATE INDEX event_reminders_due ON event_reminders(status, remind_at);
CREATE INDEX event_reminders_event ON event_reminders(event_id);
