-- Events (forums, council sessions, festivals...) grouped from the articles that report them.
-- Dates are ISO 8601 text (YYYY-MM-DD); timestamps INTEGER seconds since the epoch, UTC.

CREATE TABLE events (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT    NOT NULL,             -- «форум», «сессия», «публичные слушания»...
    name               TEXT,                         -- proper name; NULL when the reports give none
    name_key           TEXT    NOT NULL DEFAULT '',  -- normalised name for grouping; '' when nameless
    label              TEXT    NOT NULL,             -- descriptive name shown when there is no name
    start_date         TEXT,
    end_date           TEXT,
    date_text          TEXT    NOT NULL DEFAULT '',
    city               TEXT,
    venue              TEXT,
    facts              TEXT    NOT NULL DEFAULT '{}', -- JSON: merged facts, each with its sources
    summary            TEXT    NOT NULL DEFAULT '',
    first_published_at INTEGER NOT NULL,
    last_published_at  INTEGER NOT NULL,
    articles_count     INTEGER NOT NULL DEFAULT 0,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX events_key ON events(kind, name_key) WHERE name_key != '';
CREATE INDEX events_kind_date ON events(kind, start_date);
CREATE INDEX events_recent ON events(last_published_at DESC, id DESC);

CREATE TABLE event_articles (
    event_id     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    facts        TEXT    NOT NULL DEFAULT '{}',      -- JSON: what this article says
    published_at INTEGER NOT NULL,
    PRIMARY KEY (event_id, article_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX event_articles_article ON event_articles(article_id);

CREATE TABLE event_regions (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    region   TEXT    NOT NULL,                        -- catalogue code
    PRIMARY KEY (event_id, region)
) WITHOUT ROWID;
CREATE INDEX event_regions_region ON event_regions(region, event_id);
