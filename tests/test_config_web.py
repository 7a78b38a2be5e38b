"""Config of the webhook, the operations server and the proxy: good values load, bad
ones name their key."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_settings
from bot.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_webhook_http_and_proxy_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The route defaults to the URL's path; WEBHOOK_SECRET overrides the file's secret."""
    monkeypatch.setenv("WEBHOOK_SECRET", "from_env-1")
    settings = load_settings(
        write(
            tmp_path,
            '[telegram]\nproxy = "socks5://user:pw@127.0.0.1:1080"\n'
            '[webhook]\nurl = "https://bot.example.org/hook/abc"\nlisten = "0.0.0.0:8443"\n'
            'secret_token = "in_file"\n[http]\nlisten = "127.0.0.1:9100"\n',
        )
    )
    assert settings.telegram.proxy == "socks5://user:pw@127.0.0.1:1080"
    assert settings.webhook.route == "/hook/abc"
    assert settings.webhook.secret_token.get_secret_value() == "from_env-1"
    assert settings.http.listen == "127.0.0.1:9100"
    monkeypatch.delenv("WEBHOOK_SECRET")
    assert load_settings(write(tmp_path, "")).webhook.url is None  # polling by default


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[telegram]\nproxy = "ftp://x:1"\n', "telegram.proxy"),
        ('[webhook]\nlisten = "8080"\n', "webhook.listen"),
        ('[webhook]\nsecret_token = "has space"\n', "webhook.secret_token"),
        ('[webhook]\nurl = "not a url"\n', "webhook.url"),
        ('[http]\nlisten = "localhost:99999"\n', "http.listen"),
        ("[webhook]\nport = 1\n", "webhook.port"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, text: str, key: str) -> None:
    """Each bad value is refused with its key named (the CLI exits 2 with that line)."""
    with pytest.raises(ConfigError) as info:
        load_settings(write(tmp_path, text))
    assert info.value.key == key
