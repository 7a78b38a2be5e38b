"""Delivery: planning outbox rows for subscribers, and sending them at Telegram's pace.

``planner`` (who gets an article), ``worker`` (the outbox worker), ``ratelimit`` (our side of
Telegram's limits), ``digest`` (daily digests), ``jobs`` (wiring into the app).
"""
