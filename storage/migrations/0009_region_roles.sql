-- Region roles: an article is about (main) or only mentions (mentioned) each of its regions.
-- Pushes go to the subscribers of its main regions; a chat may also take the articles that
-- only mention its regions (chat_settings.mentioned). Existing rows count as main.
ALTER TABLE article_regions ADD COLUMN role TEXT NOT NULL DEFAULT 'main'
    CHECK (role IN ('main', 'mentioned'));
ALTER TABLE chat_settings ADD COLUMN mentioned INTEGER NOT NULL DEFAULT 0;
