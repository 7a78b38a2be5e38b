-- Delivery reliability: membership changes in order, and retries capped in time.

-- When the chat's membership last changed (my_chat_member date, or a 403 seen by the
-- worker): an older update never overrides a newer change. NULL: never changed.
ALTER TABLE chats ADD COLUMN membership_at INTEGER;

-- When a delivery first met a 5xx or network error: retries stop delivery.retry_for_seconds
-- after it. NULL: it has not failed.
ALTER TABLE deliveries ADD COLUMN failing_since INTEGER;
