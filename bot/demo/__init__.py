"""``python -m bot demo``: the real bot, offline, with a chat in the terminal.

The real app (the same ``build_app`` as ``run``) polls the in-process Bot API
emulator; a local HTTP server serves sample feeds written for the demo; the person
types as a Telegram user and reads the bot's answers rendered for the terminal.
A little after the first subscription (or at ``/publish``) the demo publishes a new
item in a feed, and the push arrives like on a phone.

Lines: any text is sent as a message; a number presses that button of the last
keyboard; ``@words`` is an inline query (``@`` alone: personal results);
``/publish`` publishes the new item now; ``/quit`` or end of input stops.
"""

from bot.demo.session import run_demo

__all__ = ["run_demo"]
