"""Where a message was written: the chat and, in a forum group, the topic."""

from __future__ import annotations

from aiogram.types import Message

__all__ = ["NO_TOPIC", "thread_of"]

# Storage keys a subscription by (chat, thread); outside forum topics the thread is 0.
NO_TOPIC = 0


def thread_of(message: Message) -> int:
    """The forum topic a message belongs to; :data:`NO_TOPIC` outside topics."""
    if message.is_topic_message and message.message_thread_id:
        return int(message.message_thread_id)
    return NO_TOPIC
