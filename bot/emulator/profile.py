"""The bot itself: identity (getMe), commands, name and descriptions."""

from __future__ import annotations

import json
import re

from bot.emulator.errors import bad_request
from bot.emulator.params import opt_str
from bot.emulator.records import JSON

_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")


class BotProfile:
    """Who the bot is (its id comes from the token of the latest request) and what it
    set about itself. `reset()` forgets the settings, never the identity."""

    def __init__(self, username: str, first_name: str, token: str | None) -> None:
        self.username = username
        self.first_name = first_name
        self.token = token  # when set, only this token is accepted
        self.bot_id = int(token.split(":", 1)[0]) if token else 0
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self.descriptions: dict[tuple[str, str], str] = {}

    def reset(self) -> None:
        self.commands = {}
        self.descriptions = {}

    def user(self) -> JSON:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.first_name,
            "username": self.username,
        }

    def settings(self) -> JSON:
        """Commands per scope and language, and the name and descriptions."""
        return {
            "commands": [
                {"scope": json.loads(scope), "language_code": lang, "commands": cmds}
                for (scope, lang), cmds in self.commands.items()
            ],
            "texts": [
                {"field": name, "language_code": lang, "value": value}
                for (name, lang), value in self.descriptions.items()
            ],
        }

    # Bot API -----------------------------------------------------------------

    def api_get_me(self, p: JSON) -> JSON:
        me = self.user()
        me.update(
            can_join_groups=True,
            can_read_all_group_messages=False,
            supports_inline_queries=True,
            can_connect_to_business=False,
            has_main_web_app=False,
        )
        return me

    @staticmethod
    def api_true(p: JSON) -> bool:
        """logOut and close: nothing to do."""
        return True

    @staticmethod
    def _scope_key(p: JSON) -> tuple[str, str]:
        scope = p.get("scope") or {"type": "default"}
        if not isinstance(scope, dict) or "type" not in scope:
            raise bad_request("can't parse BotCommandScope JSON object")
        return json.dumps(scope, sort_keys=True), opt_str(p, "language_code") or ""

    def api_set_my_commands(self, p: JSON) -> bool:
        commands = p.get("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        if len(commands) > 100:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        clean: list[JSON] = []
        for item in commands:
            if not isinstance(item, dict):
                raise bad_request("can't parse BotCommand JSON object")
            command = str(item.get("command", "")).removeprefix("/").lower()
            description = str(item.get("description", ""))
            if not _COMMAND_NAME.fullmatch(command):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
            clean.append({"command": command, "description": description})
        key = self._scope_key(p)
        if clean:
            self.commands[key] = clean
        else:
            self.commands.pop(key, None)
        return True

    def api_get_my_commands(self, p: JSON) -> list[JSON]:
        return list(self.commands.get(self._scope_key(p), []))

    def api_delete_my_commands(self, p: JSON) -> bool:
        self.commands.pop(self._scope_key(p), None)
        return True

    def _set_text(self, p: JSON, field: str, limit: int) -> bool:
        value = opt_str(p, field) or ""
        if len(value) > limit:
            raise bad_request(f"{field.upper()}_INVALID")
        self.descriptions[(field, opt_str(p, "language_code") or "")] = value
        return True

    def _get_text(self, p: JSON, field: str) -> JSON:
        value = self.descriptions.get((field, opt_str(p, "language_code") or ""), "")
        if field == "name" and not value:
            value = self.first_name
        return {field: value}

    def api_set_my_description(self, p: JSON) -> bool:
        return self._set_text(p, "description", 512)

    def api_get_my_description(self, p: JSON) -> JSON:
        return self._get_text(p, "description")

    def api_set_my_short_description(self, p: JSON) -> bool:
        return self._set_text(p, "short_description", 120)

    def api_get_my_short_description(self, p: JSON) -> JSON:
        return self._get_text(p, "short_description")

    def api_set_my_name(self, p: JSON) -> bool:
        return self._set_text(p, "name", 64)

    def api_get_my_name(self, p: JSON) -> JSON:
        return self._get_text(p, "name")
