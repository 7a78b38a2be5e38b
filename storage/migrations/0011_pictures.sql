-- Pictures: an article's lead image, and a chat setting to turn pictures off.

-- The lead image's URL (http or https only): the feed item's image enclosure or
-- media:content / media:thumbnail, else the article page's og:image or first figure.
-- NULL: no picture. Telegram fetches it from the URL when a push is sent as a photo.
ALTER TABLE articles ADD COLUMN image_url TEXT;

-- 1: pushes of articles with a picture are sent as a photo with the text as its caption;
-- 0: always text.
ALTER TABLE chat_settings ADD COLUMN pictures INTEGER NOT NULL DEFAULT 1;
