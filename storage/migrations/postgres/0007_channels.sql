-- Region channels, and who was seen in which group (for managing a group from a private chat).
-- PostgreSQL twin of ../0007_channels.sql.

-- A channel that gets its region's news: a bot admin mapped it with /channel @name region.
-- The mapping is also a subscription of the channel chat (thread 0) to the region, so the
-- planner plans it like any chat, once per article (deliveries_once).
CREATE TABLE region_channels (
    chat_id    BIGINT NOT NULL PRIMARY KEY
               REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    region     TEXT   NOT NULL,                     -- catalogue code, e.g. RU-KK
    username   TEXT   NOT NULL DEFAULT '',          -- without '@', as the admin typed it
    added_by   BIGINT NOT NULL,                     -- the bot admin's user id
    created_at BIGINT NOT NULL
);
CREATE INDEX region_channels_region ON region_channels(region);

-- A user seen acting in a group, supergroup or channel (a message, a button, adding the bot):
-- the candidates /my checks with getChatMember for "chats you administer".
CREATE TABLE chat_people (
    chat_id BIGINT NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    user_id BIGINT NOT NULL,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);
CREATE INDEX chat_people_user ON chat_people(user_id, seen_at);
